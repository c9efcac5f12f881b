"""Pieces shared by the routers of the JSON API."""

from django.db.models import QuerySet
from django_filters import FilterSet
from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 500


class PageQuery(Schema):
    """Query parameters that pick one page of a list."""

    limit: int = Field(
        ninja_settings.PAGINATION_PER_PAGE,
        ge=1,
        le=MAX_LIMIT,
        description=f"How many items to return, at most {MAX_LIMIT}.",
    )
    offset: int = Field(0, ge=0, description="How many of the matching items to skip.")


class Page(LimitOffsetPagination):
    """Limit-offset pagination answering ``{"count": N, "items": [...]}``."""

    Input = PageQuery

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


class ErrorOut(Schema):
    """The body of an error response."""

    detail: str = Field(description="What went wrong.")


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
                {"type": "value_error", "loc": ["query", name], "msg": f"{name}: {message}"}
                for name, messages in filterset.form.errors.items()
                for message in messages
            ]
        )
    return filterset.qs
