"""Pieces shared by the routers of the JSON API."""

import hashlib
from functools import wraps
from typing import Literal

from django.core.cache import caches
from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import get_language
from django_filters import FilterSet
from ninja import Field, Schema
from ninja.conf import settings as ninja_settings
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from twinning.accounts.selectors import visibility_scope
from twinning.core.exports import content_type, table_bytes
from twinning.core.selectors import data_stamp

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


def filter_or_422(
    filterset_class: type[FilterSet], params: Schema, queryset: QuerySet, request=None
):
    """Return the queryset filtered by the query parameters, or fail with 422.

    The FilterSet's form is the one judge of valid parameters, so the API rejects exactly
    what the HTML list rejects; its errors are reported the way ninja reports its own.
    Pass the request when the FilterSet's choices depend on who is asking.
    """
    data = {name: value for name, value in params.dict().items() if value not in (None, "", [])}
    filterset = filterset_class(data, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise ValidationError(
            [
                {"type": "value_error", "loc": ["query", name], "msg": f"{name}: {message}"}
                for name, messages in filterset.form.errors.items()
                for message in messages
            ]
        )
    return filterset.qs


# Export ---------------------------------------------------------------------------------

EXPORT_FORMATS = ("json", "csv", "xlsx")


class ExportPageQuery(PageQuery):
    """Page parameters plus the format: JSON pages, or every match as CSV or XLSX."""

    format: Literal["json", "csv", "xlsx"] = Field(
        "json",
        description="json gives one page; csv and xlsx give every matching item as a file.",
    )


def _flatten(value, prefix: str, row: dict) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{prefix}_{key}" if prefix else key, row)
    elif isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        row[prefix] = ";".join("" if v is None else str(v) for v in value)
    elif isinstance(value, list):
        for index, inner in enumerate(value, start=1):
            _flatten(inner, f"{prefix}_{index}", row)
    else:
        row[prefix] = "" if value is None else value


def export_response(items, schema: type[Schema], fmt: str, filename: str) -> HttpResponse:
    """Return every item, serialised with its API schema and flattened, as CSV or XLSX."""
    rows = []
    for item in items:
        row: dict = {}
        _flatten(schema.from_orm(item).model_dump(mode="json"), "", row)
        rows.append(row)
    columns = list(dict.fromkeys(column for row in rows for column in row))
    table = [[row.get(column, "") for column in columns] for row in rows]
    response = HttpResponse(
        table_bytes(fmt, columns, table, title=filename), content_type=content_type(fmt)
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


class ExportPage(Page):
    """Pagination whose input also carries ``format`` (json, csv or xlsx)."""

    Input = ExportPageQuery


def paginate_or_export(schema: type[Schema], filename: str):
    """Paginate a list endpoint, or hand out every match as CSV or XLSX (``?format=``).

    The endpoint returns a queryset as usual; with format csv or xlsx the whole filtered
    queryset is serialised with the item schema instead of one page of it.
    """

    def decorator(func):
        paged = paginate(ExportPage)(func)

        @wraps(paged)
        def view(request, **kwargs):
            pagination = kwargs.get("ninja_pagination")
            if pagination is not None and pagination.format != "json":
                del kwargs["ninja_pagination"]
                items = func(request, **kwargs)
                return export_response(items, schema, pagination.format, filename)
            return paged(request, **kwargs)

        return view

    return decorator


# Cached reads -----------------------------------------------------------------------------


def cached_read(run):
    """Answer a repeated JSON GET from the fragment cache until the data changes.

    Applied with ninja's ``decorate_view`` to read endpoints that draw much from a large
    registry. The key holds the data stamp, what the caller may see and the full address;
    calls with an API token (whose user is known only once ninja has authenticated)
    and file exports go through uncached.
    """

    @wraps(run)
    def view(request, *args, **kwargs):
        if (
            request.method != "GET"
            or "HTTP_AUTHORIZATION" in request.META
            or request.GET.get("format", "json") != "json"
        ):
            return run(request, *args, **kwargs)
        text = f"{data_stamp()}|{visibility_scope(request.user)}|{get_language()}|"
        key = (
            "api:"
            + hashlib.blake2b((text + request.get_full_path()).encode(), digest_size=16).hexdigest()
        )
        fragments = caches["fragments"]
        hit = fragments.get(key)
        if hit is not None:
            content, content_type = hit
            return HttpResponse(content, content_type=content_type)
        response = run(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            fragments.set(key, (response.content, response["Content-Type"]))
        return response

    return view
