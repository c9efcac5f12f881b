"""The declared API: each app says once what a resource is; this module builds its endpoints.

A ``Resource`` names a model, the selector that applies visibility, the app's FilterSet,
its output and input schemas and its services; ``Resource.mount(router)`` adds the list,
detail, create, update and delete operations. A ``Child`` does the same for the rows kept
inside a record (the posts of a person, the agreements of a partnership). Every operation
of the API, declared or written by hand, also passes ``guard``: unknown query parameters
and integers out of range answer 422 before anything reads the database.
"""

import datetime as dt
import hashlib
import inspect
import json
import re
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial, wraps
from inspect import signature
from typing import Annotated, Any, Literal

from django.core.cache import caches
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import Model, ProtectedError, QuerySet
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django_filters import FilterSet
from django_filters import filters as df
from ninja import Field, Query, Router, Schema
from ninja.conf import settings as ninja_settings
from ninja.decorators import decorate_view
from ninja.errors import HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.params.models import QueryModel
from ninja.responses import NinjaJSONEncoder, Status
from pydantic import AfterValidator, BeforeValidator, ConfigDict, WithJsonSchema, create_model
from pydantic.fields import FieldInfo

from twinning.accounts.auth import read_auth, write_auth
from twinning.accounts.selectors import (
    can_edit,
    editable_organisation_ids,
    is_editor,
    visibility_scope,
    visible_to,
)
from twinning.core.exports import content_type, table_bytes
from twinning.core.selectors import data_stamp, history_changes
from twinning.core.services import StaleRecord, model_append
from twinning.core.translated import record_texts, texts_as_fields

MAX_LIMIT = 500
MAX_INT = 2**63 - 1  # the largest integer every supported database stores

# Types ------------------------------------------------------------------------------------


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


PartialDateStr = Annotated[
    str,
    BeforeValidator(_iso),
    WithJsonSchema(
        {
            "type": "string",
            "format": "partial-date",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "examples": ["2007", "2013-06", "2012-10-02"],
        }
    ),
]
"""A date known to the year, month or day, written as an ISO prefix."""


Label = Annotated[str, BeforeValidator(lambda v: v if v is None or isinstance(v, str) else str(v))]
"""A record shown by its name (its ``str``)."""

Slugs = Annotated[list[str], BeforeValidator(lambda rows: [getattr(r, "slug", r) for r in rows])]
"""Related records shown by their slugs, such as focus areas."""

Ids = Annotated[list[int], BeforeValidator(lambda rows: [getattr(r, "pk", r) for r in rows])]
"""Related records shown by their identifiers."""


def _local(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError(_("Give the local time without a time zone."))
    return value


LocalTime = Annotated[dt.time, AfterValidator(_local)]
"""A time of day on the local clock of the place where it happens."""


class Ref(Schema):
    """Another record, by identifier and name."""

    id: int = Field(description="Identifier of the record.")
    name: str = Field(description="Name of the record.")


class QuoteOut(Schema):
    """A passage of a source that supports the record."""

    title: Label = Field(alias="source", description="Title of the source.")
    quote: str = Field(description="The quoted passage; may be empty.")


class Body(Schema):
    """A request body: a field the schema does not name answers 422 naming it."""

    model_config = ConfigDict(extra="forbid")


# The fields of an owned record's answer that say who changes it and whether visitors see it.
OWNER = Field(alias="owner_id", description="Organisation whose editors may change the record.")
PUBLIC = Field(description="Whether visitors who are not logged in see it.")


class AppendIn(Body):
    """Text to add at the end of a record's text field."""

    text: str = Field(min_length=1, description="The text to add, as a paragraph of its own.")


class OwnedIn(Body):
    """The owner and visibility of a record to create."""

    owner: int | None = Field(
        None,
        description="Organisation whose editors may change it; one of the caller's. May be "
        "left out when the caller edits for one organisation only.",
    )
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


RecordLanguage = Literal["en", "da", "zh"]


class TranslatedOut(Schema):
    """A record whose texts may be kept in several languages."""

    translations: dict[str, dict[str, str]] = Field(
        description="The record's texts in each language that has them, such as "
        '{"da": {"title": "…"}, "zh": {"title": "…"}}. The plain fields give the text in '
        "the language asked for (Accept-Language), or else in the first language that has one."
    )

    @staticmethod
    def resolve_translations(obj) -> dict:
        return record_texts(obj)


class TranslatedIn(Body):
    """A record body that may carry texts in several languages."""

    translations: dict[RecordLanguage, dict[str, str | None]] | None = Field(
        None,
        description='Texts by language, such as {"da": {"title": "…"}}; the plain text fields '
        "are the language of the request (Accept-Language).",
    )


def patch_of(schema: type[Schema], name: str | None = None) -> type[Schema]:
    """Return the schema with every field optional: the fields of a record to change."""
    fields = {
        key: (info.annotation | None, FieldInfo.merge_field_infos(info, default=None))
        for key, info in schema.model_fields.items()
    }
    name = name or schema.__name__.removesuffix("In") + "Patch"
    return create_model(
        name, __base__=Body, __doc__=f"Fields to change of: {schema.__doc__}", **fields
    )


class ErrorOut(Schema):
    """The body of an error response."""

    detail: str = Field(description="What went wrong.")


class Problem(Schema):
    """One thing wrong with a request."""

    type: str = Field(description="Kind of problem, such as missing or value_error.")
    loc: list[str | int] = Field(description="Where: query, path or body, then the name.")
    msg: str = Field(description="What is wrong.")


class InvalidOut(Schema):
    """The body of a 422 response: the parameters or fields that are wrong."""

    detail: str | list[Problem] = Field(description="What is wrong, as text or one by one.")
    errors: dict[str, list[str]] | None = Field(
        None, description="A record's own validation: the reasons by field."
    )


# Every operation: unknown parameters and integers out of range ---------------------------

_INTEGER = re.compile(r"^[+-]?\d+$")


def _out_of_range(value, loc: list, found: list) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, str) and _INTEGER.match(value):
        value = int(value)
    if isinstance(value, int) and abs(value) > MAX_INT:
        found.append(loc)
    elif isinstance(value, dict):
        for key, inner in value.items():
            _out_of_range(inner, [*loc, key], found)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _out_of_range(inner, [*loc, index], found)


def guard(run):
    """Refuse unknown query parameters and integers out of range with 422, for one operation.

    Added to the whole API as a view decorator; ninja hands it the operation's bound
    ``run``, from which it learns the query parameters the operation declares, and it adds
    the 422 it may give to the operation's documented responses.
    """
    operation = inspect.unwrap(run).__self__
    names: set[str] = set()
    for model in operation.models:
        if issubclass(model, QueryModel):
            flat = getattr(model, "__ninja_flatten_map__", None)
            names |= set(flat) if flat else {f.alias or k for k, f in model.model_fields.items()}
    operation.response_models.setdefault(422, operation._create_response_model(InvalidOut))

    @wraps(run)
    def view(request, *args, **kwargs):
        problems = [
            {"type": "extra_forbidden", "loc": ["query", name], "msg": _("Unknown parameter.")}
            for name in request.GET
            if name not in names
        ]
        found: list = []
        _out_of_range(kwargs, ["path"], found)
        _out_of_range(dict(request.GET.lists()), ["query"], found)
        if request.method in ("POST", "PUT", "PATCH") and request.content_type.endswith("json"):
            with suppress(ValueError, RecursionError):  # ninja reports a body it cannot read
                _out_of_range(json.loads(request.body), ["body"], found)
        problems += [
            {"type": "less_than_equal", "loc": loc, "msg": _("Number out of range.")}
            for loc in found
        ]
        if problems:
            return operation.api.create_response(request, {"detail": problems}, status=422)
        return run(request, *args, **kwargs)

    return view


# Lists: filters, pages and files ----------------------------------------------------------


class PageQuery(Schema):
    """Query parameters that pick one page of a list."""

    limit: int = Field(
        ninja_settings.PAGINATION_PER_PAGE,
        ge=1,
        le=MAX_LIMIT,
        description=f"How many items to return, at most {MAX_LIMIT}.",
    )
    offset: int = Field(0, ge=0, le=MAX_INT, description="How many of the matching items to skip.")


class Page(LimitOffsetPagination):
    """Limit-offset pagination answering ``{"count": N, "items": [...]}``."""

    Input = PageQuery

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


def _filter_text(flt) -> str:
    text = [capfirst(str(flt.label or flt.field_name)).rstrip(".") + "."]
    choices = flt.extra.get("choices")
    if choices and not callable(choices):
        text.append("One of: " + ", ".join(str(value) for value, _label in choices) + ".")
    if isinstance(flt, df.ModelChoiceFilter | df.ModelMultipleChoiceFilter):
        key = flt.extra.get("to_field_name") or "identifier"
        text.append(
            f"The {key} of a {flt.queryset.model._meta.verbose_name}."
            if hasattr(flt.queryset, "model")
            else f"The {key} of the record."
        )
    if isinstance(flt, df.MultipleChoiceFilter):
        text.append("Repeat to allow several.")
    return " ".join(text)


def query_schema(filterset: type[FilterSet], docs: dict | None = None) -> type[Schema]:
    """Return the query parameters of a list, one for each filter of the app's FilterSet."""
    fields = {}
    with translation.override("en"):
        for key, flt in filterset.base_filters.items():
            text = (docs or {}).get(key) or _filter_text(flt)
            if isinstance(flt, df.BooleanFilter):
                kind = bool
            elif isinstance(flt, df.NumberFilter) or (
                isinstance(flt, df.ModelChoiceFilter | df.ModelMultipleChoiceFilter)
                and not flt.extra.get("to_field_name")
            ):
                kind = Annotated[int, Field(ge=-MAX_INT, le=MAX_INT)]
            else:
                kind = str
            if isinstance(flt, df.MultipleChoiceFilter):
                fields[key] = (list[kind], Field([], description=text))
            else:
                fields[key] = (kind | None, Field(None, description=text))
    name = filterset.__name__.removesuffix("Filter") + "Query"
    return create_model(name, __base__=Schema, __doc__=filterset.__doc__, **fields)


def filter_or_422(filterset_class: type[FilterSet], params: Schema, queryset, request=None):
    """Return the queryset filtered by the query parameters, or fail with 422.

    The FilterSet's form is the one judge of valid parameters, so the API rejects exactly
    what the HTML list rejects; its errors are reported the way ninja reports its own.
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
    """Paginate a list endpoint, or hand out every match as CSV or XLSX (``?format=``)."""

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
            content, content_type, etag = hit
            response = HttpResponse(content, content_type=content_type)
            if etag:
                response["ETag"] = etag
            return response
        response = run(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            fragments.set(key, (response.content, response["Content-Type"], response.get("ETag")))
        return response

    return view


# Who may write, and how refusals read ------------------------------------------------------


def require_editor(user) -> None:
    """Refuse a caller who may not create records."""
    if not is_editor(user):
        raise HttpError(403, _("Only editors may change records."))


def owner_for(user, owner_id: int | None, organisations: type[Model]):
    """Return the owner a new record gets: the one asked for, if the caller may use it."""
    allowed = editable_organisation_ids(user)
    if owner_id is None:
        if allowed is None or not allowed:
            return None
        if len(allowed) > 1:
            raise HttpError(422, _("Say which of your organisations owns the record (owner)."))
        owner_id = next(iter(allowed))
    if allowed is not None and owner_id not in allowed:
        raise HttpError(403, _("You may not file records under that organisation."))
    try:
        return organisations._default_manager.get(pk=owner_id)
    except organisations.DoesNotExist:
        raise HttpError(422, _("No organisation with id %(id)s.") % {"id": owner_id}) from None


def validation_error_payload(error: DjangoValidationError) -> dict:
    """Return a Django validation error as the body of a 422 response."""
    if hasattr(error, "error_dict"):
        errors = {
            field: [str(m) for m in messages] for field, messages in error.message_dict.items()
        }
    else:
        errors = {"__all__": [str(m) for m in error.messages]}
    detail = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in errors.items())
    return {"detail": detail, "errors": errors}


def delete_conflict(error: ProtectedError, noun: str) -> HttpError:
    """Return a 409 error saying which records still refer to the one to be deleted."""
    counts = Counter(str(obj._meta.verbose_name_plural) for obj in error.protected_objects)
    refs = ", ".join(f"{name}: {count}" for name, count in sorted(counts.items()))
    return HttpError(
        409,
        _("The %(noun)s cannot be deleted because other records refer to it (%(refs)s).")
        % {"noun": noun, "refs": refs},
    )


# Declared resources ------------------------------------------------------------------------

_VISIBLE: dict[type[Model], Callable[[Any], QuerySet]] = {}


def visible(model: type[Model], user) -> QuerySet:
    """Return the rows of a model the user may see, by the selector its resource declares."""
    if model in _VISIBLE:
        return _VISIBLE[model](user)
    rows = model._default_manager.all()
    return visible_to(rows, user) if hasattr(model, "is_public") else rows


def declared(name: str) -> type[Model] | None:
    """Return the model of the declared resource of this name (its model name), if any."""
    return next((model for model in _VISIBLE if model._meta.model_name == name), None)


def _missing(field_name: str, ids) -> HttpError:
    return HttpError(
        422,
        _("%(field)s: no record with id %(id)s.")
        % {"field": field_name, "id": ", ".join(str(i) for i in ids)},
    )


def resolve_fields(user, model: type[Model], payload: dict, keys=None, refs=None) -> dict:
    """Turn a request body into service arguments.

    Every id is looked up among the rows the caller may see, so that an id the caller may
    not see reads exactly like one that does not exist; the owner must be one of the
    caller's organisations; null in a text field that cannot be null becomes "". ``keys``
    names fields whose records are named by another field than the id (a slug); ``refs``
    narrows the records a field may name further (given the user, a queryset).
    """
    fields = {}
    payload = dict(payload)
    if texts := payload.pop("translations", None):
        try:
            payload.update(texts_as_fields(model, texts))
        except KeyError as exc:
            raise HttpError(
                422,
                _("“%(name)s” is not a text kept in several languages.") % {"name": exc.args[0]},
            ) from exc
    for name, value in payload.items():
        try:
            spec = model._meta.get_field(name)
        except FieldDoesNotExist:
            fields[name] = value
            continue
        key = (keys or {}).get(name, "pk")
        rows = (refs or {}).get(name, partial(visible, spec.related_model))
        if name == "owner":
            value = owner_for(user, value, spec.related_model)
        elif key is None:
            pass  # the service reads this field itself
        elif spec.many_to_many and value is not None:
            wanted = list(dict.fromkeys(value))
            found = {getattr(row, key): row for row in rows(user).filter(**{f"{key}__in": wanted})}
            if missing := [v for v in wanted if v not in found]:
                raise _missing(name, missing)
            value = [found[v] for v in wanted]
        elif spec.is_relation and spec.concrete and value is not None:
            try:
                value = rows(user).get(**{key: value})
            except spec.related_model.DoesNotExist:
                raise _missing(name, [value]) from None
        elif value is None and isinstance(spec, models.CharField | models.TextField):
            value = "" if not spec.null else None
        fields[name] = value
    return fields


def _respond(obj, schema: type[Schema], status: int = 200) -> HttpResponse:
    data = schema.from_orm(obj).model_dump(mode="json")
    response = HttpResponse(
        json.dumps(data, cls=NinjaJSONEncoder),
        content_type="application/json; charset=utf-8",
        status=status,
    )
    version = getattr(obj, "version", None)
    digest = hashlib.blake2b(response.content, digest_size=12).hexdigest()
    response["ETag"] = f'"v{version}"' if version is not None else f'"{digest}"'
    return response


def _given(payload: Schema, exclude_unset: bool = False) -> dict:
    # Fields left out whose default is null are left to the service's own defaults; a new
    # record's owner is always chosen (owner_for), even when left out.
    return {
        key: value
        for key, value in payload.dict(exclude_unset=exclude_unset).items()
        if value is not None or key in payload.model_fields_set or key == "owner"
    }


def _article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"


def _first_parameter(service: Callable) -> str:
    return next(iter(inspect.signature(service).parameters))


class ChangeOut(Schema):
    """One change of a record, as its history keeps it."""

    when: dt.datetime = Field(description="When the change was made (ISO 8601).")
    action: Literal["created", "changed", "deleted"] = Field(description="What happened.")
    user: str | None = Field(
        description="Who made it; shown only to callers who may change the record."
    )
    fields: list[str] = Field(description="The names of the fields a change changed.")


_ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}


def history(obj: Model, user) -> list[dict]:
    """Return the changes of a record, newest first; names only for who may change it."""
    records = obj.history.select_related("history_user").order_by("-history_date", "-history_id")
    named = can_edit(user, obj)
    return [
        {
            "when": change.when,
            "action": _ACTIONS[change.record.history_type],
            "user": str(change.who) if named and change.who else None,
            "fields": [str(name) for name in change.fields],
        }
        for change in history_changes(records, kind="", label=str, url_name="")
    ]


_STALE = gettext_lazy("The record has changed since you read it; read it again.")
ETAG_TEXT = (
    " The ETag header names this state of the record; send it back as If-Match to make "
    "sure nobody changed the record meanwhile (412 when somebody did)."
)


@dataclass(kw_only=True)
class Resource:
    """One kind of record as the API offers it: what it is, who sees it, how it changes."""

    model: type[Model]
    out: type[Schema]
    select: Callable[[Any], QuerySet]
    """Given the user, the records the user may see (the list, and ids in bodies)."""
    detail: type[Schema] | None = None
    fetch: Callable[[Any, int], Model] | None = None
    """Given the user and an id, the record for the detail; DoesNotExist when hidden."""
    filterset: type[FilterSet] | None = None
    query_docs: dict = field(default_factory=dict)
    body: type[Schema] | None = None
    patch: type[Schema] | None = None
    create: Callable | None = None
    update: Callable | None = None
    delete: Callable | None = None
    keys: dict = field(default_factory=dict)
    """Body fields whose records are named by another field than the id, such as a slug."""
    refs: dict = field(default_factory=dict)
    """Body fields whose records are narrower than all visible ones: given the user, those."""
    guarded: tuple[str, ...] = ()
    """Body fields naming records the caller must be allowed to change, such as a parent."""
    may_edit: Callable[[Any, Model], bool] = can_edit
    appendable: tuple[str, ...] = ()
    """Text fields that take additions (POST /{pk}/<field>), which never overwrite others'."""
    author: str = ""
    """The service argument that receives the caller who creates a record, if any."""
    export: str | None = None
    cached: bool = False
    arrange: Callable | None = None
    """Given the filtered queryset, the request and the filters, the list in its order."""
    not_found: str = ""
    docs: dict = field(default_factory=dict)
    name: str = ""

    def __post_init__(self):
        self.name = self.name or self.model._meta.model_name
        self.detail = self.detail or self.out
        if self.body is not None and self.patch is None:
            self.patch = patch_of(self.body)
        if self.filterset is not None:
            self.query = query_schema(self.filterset, self.query_docs)
        _VISIBLE[self.model] = self.select

    def get(self, request, pk: int) -> Model:
        """Return the record for the detail, or fail with 404."""
        try:
            if self.fetch is not None:
                return self.fetch(request.user, pk)
            return self.select(request.user).get(pk=pk)
        except self.model.DoesNotExist:
            raise HttpError(404, str(self.not_found) or _("Not Found")) from None

    def editable(self, request, pk: int) -> Model:
        """Return the record the caller means to change, or fail with 404 or 403."""
        try:
            obj = self.select(request.user).get(pk=pk)
        except self.model.DoesNotExist:
            raise HttpError(404, str(self.not_found) or _("Not Found")) from None
        if not self.may_edit(request.user, obj):
            raise HttpError(403, _("You may not change this record."))
        return obj

    def check_match(self, request, obj: Model) -> int | None:
        """Refuse the change with 412 when If-Match names another state of the record.

        Return the version If-Match names, for the service to check again as it writes.
        """
        wanted = request.headers.get("If-Match", "").split(",")
        wanted = [tag.strip().removeprefix("W/") for tag in wanted if tag.strip()]
        if not wanted or "*" in wanted:
            return None
        if _respond(self.get(request, obj.pk), self.detail)["ETag"] not in wanted:
            raise HttpError(412, str(_STALE))
        return getattr(obj, "version", None)

    def fields(self, request, payload: Schema, **dump) -> dict:
        """Return the body as service arguments, ids resolved through visibility."""
        fields = resolve_fields(
            request.user, self.model, _given(payload, **dump), self.keys, self.refs
        )
        for name in self.guarded:
            if fields.get(name) is not None and not can_edit(request.user, fields[name]):
                raise HttpError(403, _("You may not change this record."))
        return fields

    def mount(self, router: Router) -> Router:
        """Add the operations this resource declares to the router and return it."""
        with translation.override("en"):
            noun = str(self.model._meta.verbose_name)
            plural = str(self.model._meta.verbose_name_plural)
        one, docs, detail, name = _article(noun), self.docs, self.detail, self.name

        if self.filterset is not None:
            query, resource = self.query, self

            def list_(request, filters: Query[query]):
                rows = filter_or_422(
                    resource.filterset, filters, resource.select(request.user), request=request
                )
                return resource.arrange(rows, request, filters) if resource.arrange else rows

            if self.export:
                list_ = paginate_or_export(self.out, self.export)(list_)
            else:
                list_ = paginate(Page)(list_)
            if self.cached:
                list_ = decorate_view(cached_read)(list_)
            router.get(
                "",
                response=list[self.out],
                auth=read_auth,
                operation_id=f"{name}_list",
                summary=f"List {plural}",
                description=f"Return the {plural} the caller may see, filtered by the query "
                "parameters and paginated with limit and offset"
                + ("; with format=csv or xlsx, every match as a file." if self.export else ".")
                + " Anonymous callers see public records only. "
                + docs.get("list", ""),
            )(list_)

        def read(request, pk: int):
            return _respond(self.get(request, pk), detail)

        if self.cached:
            read = decorate_view(cached_read)(read)
        router.get(
            "/{int:pk}",
            response={200: detail, 404: ErrorOut},
            auth=read_auth,
            operation_id=f"{name}_detail",
            summary=f"Get {one}",
            description=f"Return one {noun}. One that does not exist or that the caller may "
            "not see gives 404." + ETAG_TEXT + " " + docs.get("detail", ""),
        )(read)

        if hasattr(self.model, "history"):

            @paginate(Page)
            def changes(request, pk: int):
                return history(self.get(request, pk), request.user)

            router.get(
                "/{int:pk}/history",
                response={200: list[ChangeOut], 404: ErrorOut},
                auth=read_auth,
                operation_id=f"{name}_history",
                summary=f"History of {one}",
                description=f"Return the changes of one {noun}, newest first, with the fields "
                "each changed. Who made a change is named only to callers who may change the "
                "record.",
            )(changes)

        if self.create is not None:
            body = self.body

            def create(request, payload: body):
                require_editor(request.user)
                fields = self.fields(request, payload)
                if self.author:
                    fields[self.author] = request.user
                obj = self.create(**fields)
                return _respond(self.get(request, obj.pk), detail, status=201)

            router.post(
                "",
                response={201: detail, 401: ErrorOut, 403: ErrorOut, 422: InvalidOut},
                auth=write_auth,
                operation_id=f"{name}_create",
                summary=f"Create {one}",
                description=f"Create {one}; editors only. A record named by its id must be one "
                "the caller may see. " + docs.get("create", ""),
            )(create)

        if self.update is not None:
            patch, service_key = self.patch, _first_parameter(self.update)

            def update(request, pk: int, payload: patch):
                obj = self.editable(request, pk)
                fields = self.fields(request, payload, exclude_unset=True)
                version = self.check_match(request, obj)
                if version is not None and "version" in signature(self.update).parameters:
                    fields["version"] = version  # checked again as the service writes
                try:
                    self.update(**{service_key: obj}, **fields)
                except StaleRecord:
                    raise HttpError(412, str(_STALE)) from None
                return _respond(self.get(request, pk), detail)

            router.patch(
                "/{int:pk}",
                response={200: detail, **WRITE_ERRORS, 412: ErrorOut},
                auth=write_auth,
                operation_id=f"{name}_update",
                summary=f"Change {one}",
                description="Change the fields given; the others stay as they are. Only "
                "editors who may change the record may." + ETAG_TEXT + " " + docs.get("update", ""),
            )(update)

        for text_field in self.appendable:

            def append(request, pk: int, payload: AppendIn, text_field=text_field):
                model_append(
                    instance=self.editable(request, pk), field=text_field, text=payload.text
                )
                return _respond(self.get(request, pk), detail)

            router.post(
                f"/{{int:pk}}/{text_field}",
                response={200: detail, **WRITE_ERRORS},
                auth=write_auth,
                operation_id=f"{name}_{text_field}_append",
                summary=f"Add to the {text_field} of {one}",
                description=f"Add a paragraph at the end of the {text_field}, after what is "
                "there when it is written: two callers adding at the same moment both keep "
                "their text, so no version or If-Match is needed. Only editors who may "
                "change the record may.",
            )(append)

        if self.delete is not None:
            delete_key = _first_parameter(self.delete)

            def remove(request, pk: int):
                obj = self.editable(request, pk)
                self.check_match(request, obj)
                try:
                    self.delete(**{delete_key: obj})
                except ProtectedError as error:
                    raise delete_conflict(error, noun) from None
                return Status(204, None)

            router.delete(
                "/{int:pk}",
                response={204: None, **WRITE_ERRORS, 409: ErrorOut, 412: ErrorOut},
                auth=write_auth,
                operation_id=f"{name}_delete",
                summary=f"Delete {one}",
                description=f"Delete the {noun}. A record that others still refer to gives "
                "409." + ETAG_TEXT + " " + docs.get("delete", ""),
            )(remove)
        return router


WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut}


@dataclass(kw_only=True)
class Child:
    """Rows kept inside a record, written through the record: changing them changes it."""

    parent: Resource
    path: str
    model: type[Model]
    out: type[Schema]
    body: type[Schema]
    patch: type[Schema] | None = None
    create: Callable
    update: Callable | None = None
    delete: Callable | None = None
    key: str = "pk"
    """The field that names a row within its parent, such as a phase's number."""
    keys: dict = field(default_factory=dict)
    refs: dict = field(default_factory=dict)
    rows: Callable | None = None
    """Given the user, the rows the caller may reach; by default every row of the parent."""
    shown: Callable | None = None
    """Given the row and the request, the row as the answer shows it."""
    docs: dict = field(default_factory=dict)
    name: str = ""
    param: str = ""
    """The name of the row's path parameter; by default the name followed by _pk."""

    def __post_init__(self):
        self.name = self.name or self.model._meta.model_name
        self.param = self.param or f"{self.name}_pk"
        self.patch = self.patch or patch_of(self.body, f"{self.out.__name__[:-3]}Patch")
        self.link = next(
            f.name
            for f in self.model._meta.fields
            if f.is_relation and f.related_model is self.parent.model
        )
        parent, link = self.parent, self.link
        _VISIBLE[self.model] = lambda user: self.model._default_manager.filter(
            **{f"{link}__in": parent.select(user).order_by().values("pk")}
        )

    def row(self, request, parent_obj: Model, value) -> Model:
        """Return the row of the parent named in the path, or fail with 404."""
        rows = self.rows(request.user) if self.rows else self.model._default_manager.all()
        try:
            return rows.get(**{self.link: parent_obj, self.key: value})
        except self.model.DoesNotExist:
            raise Http404 from None

    def answer(self, request, obj: Model, status: int = 200):
        obj = self.shown(obj, request) if self.shown else self.model._default_manager.get(pk=obj.pk)
        return Status(status, obj)

    def mount(self, router: Router) -> Router:
        """Add the create, update and delete operations of the rows to the parent's router."""
        with translation.override("en"):
            noun = str(self.model._meta.verbose_name)
            owner = str(self.parent.model._meta.verbose_name)
        one, docs, body, patch = _article(noun), self.docs, self.body, self.patch
        param = self.param
        spec = self.model._meta.pk if self.key == "pk" else self.model._meta.get_field(self.key)
        spec = spec.target_field if spec.is_relation else spec
        kind = int if isinstance(spec, models.IntegerField) else str
        item = f"/{{int:pk}}/{self.path}/{{{'int:' if kind is int else ''}{param}}}"

        def fields(request, payload, **dump):
            return resolve_fields(
                request.user, self.model, _given(payload, **dump), self.keys, self.refs
            )

        def create(request, pk: int, payload: body):
            parent = self.parent.editable(request, pk)
            obj = self.create(**{_first_parameter(self.create): parent}, **fields(request, payload))
            return self.answer(request, obj, 201)

        router.post(
            f"/{{int:pk}}/{self.path}",
            response={201: self.out, **WRITE_ERRORS},
            auth=write_auth,
            operation_id=f"{self.name}_create",
            summary=f"Add {one} to {_article(owner)}",
            description=f"Add {one}; only editors who may change the {owner} may. "
            + docs.get("create", ""),
        )(create)

        if self.update is not None:

            def update(request, pk: int, payload: patch, **path):
                row = self.row(request, self.parent.editable(request, pk), path[param])
                values = fields(request, payload, exclude_unset=True)
                self.update(**{_first_parameter(self.update): row}, **values)
                return self.answer(request, row)

            _with_path_parameter(update, param, kind)
            router.patch(
                item,
                response={200: self.out, **WRITE_ERRORS},
                auth=write_auth,
                operation_id=f"{self.name}_update",
                summary=f"Change {one}",
                description="Change the fields given; the others stay as they are. "
                + docs.get("update", ""),
            )(update)

        if self.delete is not None:

            def remove(request, pk: int, **path):
                row = self.row(request, self.parent.editable(request, pk), path[param])
                try:
                    self.delete(**{_first_parameter(self.delete): row})
                except ProtectedError as error:
                    raise delete_conflict(error, noun) from None
                return Status(204, None)

            _with_path_parameter(remove, param, kind)
            router.delete(
                item,
                response={204: None, **WRITE_ERRORS, 409: ErrorOut},
                auth=write_auth,
                operation_id=f"{self.name}_delete",
                summary=f"Delete {one}",
                description=f"Delete the {noun}. " + docs.get("delete", ""),
            )(remove)
        return router


def _with_path_parameter(func, name: str, kind: type) -> None:
    # ninja reads parameters from the signature; the row's path parameter has a declared name.
    signature = inspect.signature(func)
    parameters = [p for p in signature.parameters.values() if p.kind != p.VAR_KEYWORD]
    parameters.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=kind))
    func.__signature__ = signature.replace(parameters=parameters)
