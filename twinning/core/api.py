"""Pieces shared by the routers of the JSON API."""

from django.db.models import QuerySet
from django_filters import FilterSet
from ninja import Field, Schema
from ninja.errors import ValidationError


def filter_or_422(filterset_class: type[FilterSet], params: Schema, queryset: QuerySet):
    """Return the queryset filtered by the query parameters, or fail with 422.

    The FilterSet's form is the one judge of valid parameters, so the API rejects exactly
    what the HTML list rejects; its errors are reported the way ninja reports its own.
    """
    data = {name: value for name, value in params.dict().items() if value not in (None, "", [])}
    filterset = filterset_class(data, queryset=queryset)
    if not filterset.is_valid():
        raise ValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ["query", name],
                    "msg": f"{name}: {message}",
                }
                for name, messages in filterset.form.errors.items()
                for message in messages
            ]
        )
    return filterset.qs



class ErrorOut(Schema):
    """The body of an error response."""

    detail: str = Field(description="What went wrong.")
