from dataclasses import dataclass

from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Prefetch, QuerySet

from twinning.accounts.selectors import user_organisation_ids, visible_to
from twinning.core.selectors import history_changes
from twinning.partnerships.models import Agreement, Partnership
from twinning.people.models import Post
from twinning.places.models import Place
from twinning.sources.models import Evidence, Source

# Facts of these kinds name related rows in their titles and links; load those with them.
_FACTS = [
    Partnership.objects.select_related("party_a__parent", "party_b__parent"),
    Agreement.objects.select_related("partnership__party_a", "partnership__party_b"),
    Post.objects.select_related("person", "organisation", "place__parent"),
    Place.objects.select_related("parent"),
]


def source_list(*, user) -> QuerySet[Source]:
    """Return the sources the user may see, without their long texts."""
    return visible_to(Source.objects.all(), user).select_related("publisher").defer("text")


def source_detail(*, user, pk: int) -> Source:
    """Return one visible source with its evidence and the facts it supports loaded."""
    evidence = Evidence.objects.select_related("content_type").prefetch_related(
        GenericPrefetch("fact", _FACTS)
    )
    return (
        visible_to(Source.objects.all(), user)
        .select_related("publisher", "owner")
        .prefetch_related(Prefetch("evidence", queryset=evidence.order_by("start", "pk")))
        .get(pk=pk)
    )


def source_evidence(*, source: Source, user) -> list[Evidence]:
    """Return the source's evidence whose facts exist and the user may see, grouped by fact."""
    superuser = getattr(user, "is_superuser", False)
    org_ids = user_organisation_ids(user)
    shown = [
        e
        for e in source.evidence.all()
        if e.fact is not None
        and (
            superuser
            or getattr(e.fact, "is_public", True)
            or getattr(e.fact, "owner_id", None) in org_ids
        )
    ]
    return sorted(shown, key=lambda e: (e.content_type_id, e.object_id, e.start or 0))


@dataclass(frozen=True)
class Passage:
    """A stretch of a source's text; ``evidence_id`` names the evidence it is, if any."""

    text: str
    evidence_id: int | None = None


def source_passages(*, source: Source, evidence: list[Evidence]) -> list[Passage]:
    """Cut the source's text into stretches, the quoted ones marked by their evidence.

    Only evidence whose offsets still select its quote is marked; where two quotes overlap,
    the one that starts first is marked and the other is shown inside the text around it.
    """
    text = source.text or ""
    quoted = sorted(
        (
            e
            for e in evidence
            if e.start is not None and e.end > e.start and text[e.start : e.end] == e.quote
        ),
        key=lambda e: (e.start, e.end, e.pk),
    )
    passages: list[Passage] = []
    at = 0
    for e in quoted:
        if e.start < at:
            continue
        if e.start > at:
            passages.append(Passage(text[at : e.start]))
        passages.append(Passage(text[e.start : e.end], evidence_id=e.pk))
        at = e.end
    if at < len(text):
        passages.append(Passage(text[at:]))
    return passages


def source_history(*, source: Source, limit: int = 30) -> list:
    """Return the latest changes of the source, newest first, naming the fields changed."""
    # One record more than shown, so that the oldest shown has one to compare with.
    records = list(
        source.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    kind = str(Source._meta.verbose_name)
    return history_changes(records, kind=kind, label=str, url_name="sources:detail")[:limit]
