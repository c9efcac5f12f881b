"""JSON endpoints for sources and the evidence they give for records."""

from collections import defaultdict

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router
from ninja.errors import HttpError
from ninja.responses import Status

from twinning.accounts.auth import write_auth
from twinning.core.api import ErrorOut, InvalidOut, Resource, declared, visible
from twinning.sources import services
from twinning.sources.filters import SourceFilter
from twinning.sources.models import Evidence, Source
from twinning.sources.schemas import EvidenceIn, EvidenceOut, SourceDetailOut, SourceIn, SourceOut
from twinning.sources.selectors import source_detail, source_evidence, source_list


def _detail(user, pk: int) -> Source:
    """Return the source with the evidence it gives for records the user may see."""
    source = source_detail(user=user, pk=pk)
    # The selector judges owned facts by their own owner; facts that belong to another
    # record (an agreement, a post) are judged by the selector of their resource.
    evidence = source_evidence(source=source, user=user)
    ids = defaultdict(set)
    for item in evidence:
        if not hasattr(item.fact, "is_public"):
            ids[type(item.fact)].add(item.object_id)
    hidden = set()
    for model, pks in ids.items():
        rows = visible(model, user)
        if rows.query.has_filters():
            hidden |= {
                (model, pk)
                for pk in pks - set(rows.filter(pk__in=pks).values_list("pk", flat=True))
            }
    source.evidence_shown = [e for e in evidence if (type(e.fact), e.object_id) not in hidden]
    return source


sources = Resource(
    model=Source,
    out=SourceOut,
    detail=SourceDetailOut,
    select=lambda user: source_list(user=user),
    fetch=_detail,
    filterset=SourceFilter,
    query_docs={"q": "Text found in the title, address or publisher."},
    body=SourceIn,
    create=services.source_create,
    update=services.source_update,
    delete=services.source_delete,
    export="sources",
    not_found=gettext_lazy("No such source."),
    docs={
        "list": "Sources are listed without their texts.",
        "detail": "With its text and the evidence it gives for records the caller may see.",
        "delete": "Its evidence goes with it; agreements whose text it held keep standing.",
    },
)
router = sources.mount(Router(tags=["sources"]))


@router.post(
    "/{int:pk}/evidence",
    response={201: EvidenceOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: InvalidOut},
    auth=write_auth,
    operation_id="evidence_add",
    summary="Add evidence from a source",
    description=(
        "Record that a passage of the source supports a record the caller may see, named by "
        "its kind (such as partnership, agreement, person, post, organisation, place or "
        "activity) and id. When the source has a text, the quote must occur in it, at the "
        "offsets if they are given."
    ),
)
def add_evidence(request, pk: int, payload: EvidenceIn):
    source = sources.editable(request, pk)
    kind, fact_pk = payload.fact.type, payload.fact.id
    model = declared(kind)
    fact = visible(model, request.user).filter(pk=fact_pk).first() if model else None
    if fact is None:
        raise HttpError(422, _("fact: no %(type)s with id %(id)s.") % {"type": kind, "id": fact_pk})
    evidence = services.evidence_add(
        source=source, fact=fact, quote=payload.quote, start=payload.start, end=payload.end
    )
    return Status(201, Evidence.objects.select_related("content_type").get(pk=evidence.pk))


@router.delete(
    "/{int:pk}/evidence/{int:evidence_pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=write_auth,
    operation_id="evidence_delete",
    summary="Delete evidence",
    description="Delete one piece of evidence of the source; the record it supported stays.",
)
def delete_evidence(request, pk: int, evidence_pk: int):
    source = sources.editable(request, pk)
    services.evidence_delete(evidence=get_object_or_404(Evidence, pk=evidence_pk, source=source))
    return Status(204, None)
