"""JSON endpoints for sources and the evidence they give.

Sources are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change a source or its evidence. Evidence may
point only at records the caller can see.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth, write_auth
from twinning.accounts.selectors import visible_link, visible_to
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import owner_for, require_can_edit, require_editor
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Agreement
from twinning.partnerships.selectors import partnership_list
from twinning.people.models import Person, Post
from twinning.places.models import Place
from twinning.sources.filters import SourceFilter
from twinning.sources.models import Evidence, Source
from twinning.sources.schemas import (
    EvidenceIn,
    EvidenceOut,
    SourceDetailOut,
    SourceIn,
    SourceOut,
    SourcePatch,
    SourceQuery,
)
from twinning.sources.selectors import source_detail, source_evidence, source_list
from twinning.sources.services import (
    evidence_add,
    evidence_delete,
    source_create,
    source_delete,
    source_update,
)

router = Router(tags=["sources"])

_TEXT_FIELDS = {"url", "language", "text"}


@router.get(
    "",
    response=list[SourceOut],
    auth=read_auth,
    operation_id="source_list",
    summary="List sources",
    description=(
        "Return the sources the caller may see, without their texts, filtered and "
        "paginated with limit and offset; with format=csv or xlsx, every match as a file. "
        "Anonymous callers see public records; logged-in users also their organisations'."
    ),
)
@paginate_or_export(SourceOut, "sources")
def list_sources(request, filters: Query[SourceQuery]):
    return filter_or_422(SourceFilter, filters, source_list(user=request.user), request=request)


def _source(request, pk: int) -> Source:
    try:
        source = source_detail(user=request.user, pk=pk)
    except Source.DoesNotExist:
        raise HttpError(404, _("No such source.")) from None
    source.evidence_shown = source_evidence(source=source, user=request.user)
    return source


def _editable_source(request, pk: int) -> Source:
    source = _source(request, pk)
    require_can_edit(request.user, source)
    return source


@router.get(
    "/{int:pk}",
    response={200: SourceDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="source_detail",
    summary="Get a source",
    description=(
        "Return one source with its text and the evidence it gives for records the caller "
        "may see. A source that does not exist or that the caller may not see gives 404."
    ),
)
def get_source(request, pk: int):
    return _source(request, pk)


def _fields(request, payload: dict) -> dict:
    fields = {k: ("" if v is None and k in _TEXT_FIELDS else v) for k, v in payload.items()}
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    if fields.get("publisher") is not None:
        visible = visible_to(Organisation.objects.all(), request.user)
        try:
            fields["publisher"] = visible.get(pk=fields["publisher"])
        except Organisation.DoesNotExist:
            raise HttpError(
                422, _("publisher: no organisation with id %(id)s.") % {"id": fields["publisher"]}
            ) from None
    return fields


@router.post(
    "",
    response={201: SourceDetailOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="source_create",
    summary="Create a source",
    description="Create a source; editors only. The owner must be one of the caller's "
    "organisations.",
)
def create_source(request, payload: SourceIn):
    require_editor(request.user)
    source = source_create(**_fields(request, payload.dict()))
    return 201, _source(request, source.pk)


@router.patch(
    "/{int:pk}",
    response={200: SourceDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="source_update",
    summary="Change a source",
    description="Change the fields given; the others stay as they are. Only editors of "
    "the owning organisation may.",
)
def update_source(request, pk: int, payload: SourcePatch):
    source = _editable_source(request, pk)
    source_update(source=source, **_fields(request, payload.dict(exclude_unset=True)))
    return _source(request, pk)


@router.delete(
    "/{int:pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=write_auth,
    operation_id="source_delete",
    summary="Delete a source",
    description="Delete a source with its evidence. Agreements whose text it held lose the "
    "link and keep standing.",
)
def delete_source(request, pk: int):
    source_delete(source=_editable_source(request, pk))
    return 204, None


def _facts(user) -> dict:
    """Return, per fact type, the records of that type the user may see."""
    people = visible_to(Person.objects.all(), user)
    return {
        "partnership": partnership_list(user=user),
        "agreement": Agreement.objects.filter(
            visible_link("partnership_id", partnership_list(user=user))
        ),
        "person": people,
        "post": Post.objects.filter(visible_link("person_id", people)),
        "organisation": visible_to(Organisation.objects.all(), user),
        "place": Place.objects.all(),
    }


@router.post(
    "/{int:pk}/evidence",
    response={201: EvidenceOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="evidence_add",
    summary="Add evidence from a source",
    description=(
        "Record that a passage of the source supports a record (partnership, agreement, "
        "person, post, organisation or place) the caller may see. When the source has a "
        "text, the quote must occur in it, at the offsets if they are given."
    ),
)
def add_evidence(request, pk: int, payload: EvidenceIn):
    source = _editable_source(request, pk)
    kind, fact_pk = payload.fact.type, payload.fact.id
    try:
        fact = _facts(request.user)[kind].get(pk=fact_pk)
    except ObjectDoesNotExist:
        raise HttpError(
            422, _("fact: no %(type)s with id %(id)s.") % {"type": kind, "id": fact_pk}
        ) from None
    evidence = evidence_add(
        source=source, fact=fact, quote=payload.quote, start=payload.start, end=payload.end
    )
    return 201, Evidence.objects.select_related("content_type").get(pk=evidence.pk)


@router.delete(
    "/{int:pk}/evidence/{int:evidence_pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=write_auth,
    operation_id="evidence_delete",
    summary="Delete evidence",
    description="Delete one piece of evidence of the source; the record it supported stays.",
)
def delete_evidence(request, pk: int, evidence_pk: int):
    source = _editable_source(request, pk)
    evidence_delete(evidence=get_object_or_404(Evidence, pk=evidence_pk, source=source))
    return 204, None
