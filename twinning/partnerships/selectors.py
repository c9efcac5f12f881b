import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.utils import timezone

from twinning.accounts.selectors import is_visible, visibility_scope, visible_link, visible_to
from twinning.core.selectors import data_stamp, history_changes
from twinning.core.text import fold
from twinning.partnerships.models import (
    FRAMEWORK_KINDS,
    Agreement,
    AgreementDueKind,
    AgreementKind,
    Partnership,
    PartnershipClaim,
    PartnershipStatus,
)
from twinning.people.models import Person, Post
from twinning.places.models import Place, PlaceResolution
from twinning.sources.models import Evidence, Source


def partnership_list(*, user) -> QuerySet[Partnership]:
    """Return the partnerships the user may see, with what a list shows loaded up front."""
    return (
        visible_to(Partnership.objects.all(), user)
        .select_related("party_a", "party_b")
        .prefetch_related("focus_areas")
    )


def partnership_started_from(*, user, value) -> Partnership | None:
    """Return the visible partnership whose page a new record was started from, if any."""
    value = str(value or "").strip()
    if not value.isdigit():
        return None
    return partnership_list(user=user).filter(pk=int(value)).first()


def partnership_detail(*, user, pk: int) -> Partnership:
    """Return one visible partnership with its agreements, people and sources loaded."""
    signatories = Post.objects.select_related("person", "organisation", "place")
    agreements = Agreement.objects.select_related("document", "renews").prefetch_related(
        Prefetch("signatories", queryset=signatories)
    )
    return (
        partnership_list(user=user)
        .select_related("party_a__parent", "party_b__parent", "owner")
        .prefetch_related(
            Prefetch("agreements", queryset=agreements.order_by("signed", "pk")),
            "person_links__person",
        )
        .get(pk=pk)
    )


def partnership_evidence(*, partnership: Partnership) -> QuerySet[Evidence]:
    """Return the evidence for the partnership and its agreements, with sources loaded."""
    agreement_ids = [a.pk for a in partnership.agreements.all()]
    return Evidence.objects.filter(
        Q(
            content_type=ContentType.objects.get_for_model(Partnership),
            object_id=partnership.pk,
        )
        | Q(content_type=ContentType.objects.get_for_model(Agreement), object_id__in=agreement_ids)
    ).select_related("source")


# When an agreement names no notice period, its renewal is flagged this long before the end.
DEFAULT_NOTICE_MONTHS = 6
# A notice deadline of a tacitly renewing agreement is flagged this long before it passes.
NOTICE_LEAD_DAYS = 90


@dataclass(frozen=True)
class AgreementDue:
    """An agreement that needs attention today, and why.

    ``date`` is the day that matters: the end of the term for a renewal, the last day to
    give notice for a tacit renewal, and the day the term ended for a lapse.
    """

    agreement: Agreement
    kind: str
    date: dt.date
    window_opens: dt.date
    term_end: dt.date
    suggested_status: str = ""

    @property
    def owner_id(self):
        return self.agreement.partnership.owner_id

    def get_kind_display(self) -> str:
        return str(AgreementDueKind(self.kind).label)

    def get_suggested_status_display(self) -> str:
        return str(PartnershipStatus(self.suggested_status).label) if self.suggested_status else ""


def _current_term_end(agreement: Agreement, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """Return the bounds of the term running today (or that ran last) of an agreement.

    A tacit renewal rolls the term on until the term in which notice took effect.
    """
    bounds = agreement.first_term_end()
    if bounds is None or not agreement.renews_tacitly:
        return bounds
    first, last = bounds
    notice = agreement.notice_months or 0
    step = 0
    term = relativedelta(months=agreement.term_months)
    while True:
        end_first, end_last = first + term * step, last + term * step
        if agreement.notice_given:
            if agreement.notice_given <= end_first - relativedelta(months=notice):
                return end_first, end_last
        elif end_last >= today:
            return end_first, end_last
        step += 1


def _agreement_due(agreement: Agreement, today: dt.date, latest: bool) -> AgreementDue | None:
    """Return why an agreement needs attention today, or None; ``latest`` when it is the
    most recent framework agreement of its partnership (only that one can lapse)."""
    bounds = _current_term_end(agreement, today)
    if bounds is None:
        return None
    first, last = bounds
    if last < today:
        if latest and agreement.partnership.status == PartnershipStatus.ACTIVE:
            return AgreementDue(
                agreement,
                AgreementDueKind.AGREEMENT_LAPSED,
                date=last,
                window_opens=last,
                term_end=last,
                # Notice given means it was ended on purpose; otherwise it merely ran out.
                suggested_status=(
                    PartnershipStatus.TERMINATED
                    if agreement.notice_given
                    else PartnershipStatus.DORMANT
                ),
            )
        return None
    if agreement.renews_tacitly and not agreement.notice_given:
        deadline = first - relativedelta(months=agreement.notice_months or 0)
        opens = deadline - dt.timedelta(days=NOTICE_LEAD_DAYS)
        if opens <= today <= deadline:
            return AgreementDue(
                agreement,
                AgreementDueKind.NOTICE_DEADLINE,
                date=deadline,
                window_opens=opens,
                term_end=last,
            )
        return None
    opens = first - relativedelta(months=agreement.notice_months or DEFAULT_NOTICE_MONTHS)
    if opens <= today:
        return AgreementDue(
            agreement, AgreementDueKind.RENEWAL_DUE, date=last, window_opens=opens, term_end=last
        )
    return None


def agreements_due(*, user, today: dt.date | None = None) -> list[AgreementDue]:
    """Return the agreements of live partnerships that need attention today, soonest first.

    This is the one rule for "agreement due" that the dashboard, alerts and reports share:
    an agreement's term ends on its explicit expiry or on its signing date plus its term;
    it is due for renewal from its notice period (or DEFAULT_NOTICE_MONTHS) before that end;
    a tacitly renewing one runs on term after term, and its notice deadline is flagged
    instead; the latest framework agreement of an active partnership that ended without
    renewal has lapsed, and the partnership is then suggested dormant.
    """
    today = today or timezone.localdate()
    live = visible_to(Partnership.objects.all(), user).exclude(status=PartnershipStatus.TERMINATED)
    # The latest framework agreement of each partnership is the one that can lapse.
    latest = (
        Agreement.objects.filter(
            partnership_id=OuterRef("partnership_id"),
            kind__in=[*FRAMEWORK_KINDS, AgreementKind.TERMINATION],
        )
        .order_by(F("signed").desc(nulls_last=True), "-pk")
        .values("pk")[:1]
    )
    candidates = (
        Agreement.objects.filter(
            visible_link("partnership_id", live),
            Q(expires__isnull=False) | Q(signed__isnull=False, term_months__gt=0),
            renewed_by__isnull=True,
        )
        .exclude(kind=AgreementKind.TERMINATION)
        .annotate(latest_framework=Subquery(latest))
        .select_related("partnership__party_a", "partnership__party_b")
        .order_by("pk")
    )
    due = []
    for agreement in candidates:
        is_latest = agreement.latest_framework == agreement.pk
        found = _agreement_due(agreement, today, is_latest)
        if found is not None:
            due.append(found)
    return sorted(due, key=lambda d: (d.date, d.agreement.pk))


def partnership_export_rows(*, user=None):
    """Yield every partnership (or those the user may see) as a row of export columns."""
    partnerships = Partnership.objects.all() if user is None else partnership_list(user=user)
    partnerships = (
        partnerships.select_related("party_a", "party_b")
        .prefetch_related("focus_areas")
        .order_by("pk")
    )
    for p in partnerships.iterator(chunk_size=2000):
        yield {
            "party_a": p.party_a.name,
            "party_a_kind": p.party_a.kind,
            "party_a_country": p.party_a.country_code,
            "party_b": p.party_b.name,
            "party_b_kind": p.party_b.kind,
            "party_b_country": p.party_b.country_code,
            "kind": p.kind,
            "status": p.status,
            "since": p.since.isoformat() if p.since else "",
            "until": p.until.isoformat() if p.until else "",
            "termination_reason": p.termination_reason,
            "focus_areas": ";".join(sorted(area.slug for area in p.focus_areas.all())),
            "notes": p.notes,
        }


def partnership_dossier(*, user, pk: int) -> Partnership:
    """Return one visible partnership with only what the user may see of it attached.

    Besides what partnership_detail loads, set ``people_shown`` (links to visible people),
    ``evidence_shown`` (evidence from visible sources) and, on each agreement,
    ``signatories_shown`` and ``document_shown`` (the document, when the user may see
    it), so that a private person or source stays hidden inside a public partnership.
    """
    partnership = partnership_detail(user=user, pk=pk)
    agreements = list(partnership.agreements.all())
    links = list(partnership.person_links.all())
    person_ids = {link.person_id for link in links} | {
        post.person_id for agreement in agreements for post in agreement.signatories.all()
    }
    shown = (
        set(visible_to(Person.objects.filter(pk__in=person_ids), user).values_list("pk", flat=True))
        if person_ids
        else set()
    )
    partnership.people_shown = [link for link in links if link.person_id in shown]
    for agreement in agreements:
        agreement.signatories_shown = [
            post for post in agreement.signatories.all() if post.person_id in shown
        ]
        document = agreement.document
        agreement.document_shown = document if document and is_visible(document, user) else None
    partnership.evidence_shown = list(
        partnership_evidence(partnership=partnership).filter(
            visible_link("source_id", visible_to(Source.objects.all(), user))
        )
    )
    return partnership


# The country pickers may lag this long behind a partnership with a new country.
COUNTRIES_CACHE_SECONDS = 120


def party_countries() -> list[str]:
    """Return the country codes of places that hold a partnership, for filter pickers."""
    codes = cache.get("partnership-party-countries")
    if codes is None:
        codes = set()
        for side in ("party_a", "party_b"):
            codes |= set(
                Partnership.objects.order_by().values_list(f"{side}__country", flat=True).distinct()
            )
        codes = sorted(code for code in codes if code)
        cache.set("partnership-party-countries", codes, COUNTRIES_CACHE_SECONDS)
    return codes


def partnership_history(*, partnership: Partnership, limit: int = 50):
    """Return the partnership's and its agreements' changes, newest first, with fields changed.

    Each record is compared with the one before it, so one older record than shown is read.
    """
    own = list(
        partnership.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    changes = history_changes(
        own,
        kind=str(Partnership._meta.verbose_name),
        label=lambda r: "",
        url_name="partnerships:detail",
    )[:limit]
    records = list(
        Agreement.history.filter(partnership_id=partnership.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[: limit * 2]
    )
    by_agreement: dict[int, list] = {}
    for record in records:
        by_agreement.setdefault(record.id, []).append(record)
    for agreement_records in by_agreement.values():
        changes += history_changes(
            agreement_records,
            kind=str(Agreement._meta.verbose_name),
            label=lambda r: r.title or r.get_kind_display(),
            url_name="partnerships:detail",
        )
    changes.sort(key=lambda change: change.when, reverse=True)
    return changes[:limit]


# Ordered ids of a list are kept this long at most; any save, import or deletion of a
# partnership or place changes the key before then.
ORDER_CACHE_SECONDS = 600


class OrderedPage(Sequence):
    """A sorted queryset read a page at a time through its cached list of ids.

    Sorting tens of thousands of partnerships by the names of their parties costs a
    join and a sort of every row, for page 1 as for page 500; the order is computed once
    per state of the data and each page then loads only its own rows. Paginator and the
    API's limit-offset pagination take it like a queryset.
    """

    def __init__(self, queryset: QuerySet[Partnership], ids: list[int]):
        self.queryset = queryset
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def _load(self, ids: list[int]) -> list[Partnership]:
        found = {p.pk: p for p in self.queryset.filter(pk__in=ids).order_by()}
        return [found[pk] for pk in ids if pk in found]

    def __getitem__(self, index):
        if isinstance(index, slice):
            return PageRows(self, self.ids[index])
        return self._load([self.ids[index]])[0]

    def __iter__(self):
        for start in range(0, len(self.ids), 2000):
            yield from self._load(self.ids[start : start + 2000])


class PageRows(Sequence):
    """The rows of one page, read from the database only when first looked at.

    A page whose table comes from the fragment cache never reads its rows; its length
    is known from the ids alone.
    """

    def __init__(self, page: OrderedPage, ids: list[int]):
        self.page = page
        self.ids = ids
        self._rows: list[Partnership] | None = None

    def _loaded(self) -> list[Partnership]:
        if self._rows is None:
            self._rows = self.page._load(self.ids)
        return self._rows

    def __len__(self) -> int:
        return len(self._loaded()) if self._rows is not None else len(self.ids)

    def __getitem__(self, index):
        return self._loaded()[index]

    def __iter__(self):
        return iter(self._loaded())


def ordered_page(
    queryset: QuerySet[Partnership], *, user, query: str, stamp: str | None = None
) -> OrderedPage:
    """Return the queryset as an OrderedPage, its order cached for the user and query."""
    text = "|".join([visibility_scope(user), query, stamp or data_stamp()])
    key = f"partnership-order:{hashlib.sha256(text.encode()).hexdigest()}"
    ids = cache.get(key)
    if ids is None:
        ids = list(queryset.values_list("pk", flat=True))
        cache.set(key, ids, ORDER_CACHE_SECONDS)
    return OrderedPage(queryset, ids)


# Fields on which a source's statement can disagree with the registry.
CLAIMED_FIELDS = ("kind", "status", "since")


def partnerships_in_conflict(*, ids=None, user=None) -> QuerySet[Partnership]:
    """Return partnerships that a sourced statement contradicts on kind, status or since."""
    claims = PartnershipClaim.objects.filter(partnership=OuterRef("pk"))
    disagreeing = claims.filter(
        (~Q(kind="") & ~Q(kind=OuterRef("kind")))
        | (~Q(status="") & ~Q(status=OuterRef("status")))
        | (Q(since__isnull=False) & ~Q(since=OuterRef("since")))
    )
    queryset = (
        Partnership.objects.all() if user is None else visible_to(Partnership.objects.all(), user)
    )
    queryset = queryset.filter(Exists(disagreeing))
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    return queryset.select_related("party_a", "party_b").order_by("party_a__name", "pk")


def partnership_claims(*, partnership: Partnership) -> list[PartnershipClaim]:
    """Return what each open-data source states about the partnership."""
    return list(partnership.claims.order_by("dataset", "pk"))


def partnership_conflicts(*, partnership: Partnership, claims=None) -> list[dict]:
    """Return, per disagreeing field, every value stated and who states it."""
    claims = partnership_claims(partnership=partnership) if claims is None else claims
    conflicts = []
    for name in CLAIMED_FIELDS:
        field = Partnership._meta.get_field(name)
        own = getattr(partnership, name)
        stated = [(claim, getattr(claim, name)) for claim in claims if getattr(claim, name)]
        if not stated or all(value == own for _claim, value in stated):
            continue
        values = [(str(own) if own else "", None)]
        values += [(str(value), claim) for claim, value in stated]
        if name in {"kind", "status"}:
            labels = dict(field.choices)
            values = [(str(labels.get(value, value)), claim) for value, claim in values]
        conflicts.append({"field": field.verbose_name, "values": values})
    return conflicts


FLAGGED_RESOLUTIONS = (PlaceResolution.AMBIGUOUS, PlaceResolution.UNRESOLVED)


def places_to_review(*, country: str = "", resolution: str = "") -> QuerySet[Place]:
    """Return the places open data left for a person: ambiguous or not found.

    The places with most partnerships come first: settling them settles most.
    """
    wanted = [resolution] if resolution in FLAGGED_RESOLUTIONS else list(FLAGGED_RESOLUTIONS)
    places = Place.objects.filter(resolution__in=wanted)
    if country:
        places = places.filter(country=country.upper())
    return places.annotate(
        partnership_count=Count("partnerships_as_a", distinct=True)
        + Count("partnerships_as_b", distinct=True)
    ).order_by("-partnership_count", "name", "pk")


def place_merge_candidates(*, place: Place, q: str = "", limit: int = 20) -> list[Place]:
    """Return places that may be the same as ``place``, settled ones first.

    With q, the places whose name or other name contains it; without, the places of its
    country whose name begins with the first word of its name.
    """
    if q:
        key = fold(q)
        places = Place.objects.filter(
            Q(search_key__contains=key) | Q(names__search_key__contains=key)
        )
    else:
        first = (place.search_key or fold(place.name)).split(" ")[0]
        places = Place.objects.filter(country=place.country).filter(
            Q(search_key__startswith=first) | Q(names__search_key__startswith=first)
        )
    places = places.exclude(pk=place.pk).distinct()
    flagged_last = Case(When(resolution__in=FLAGGED_RESOLUTIONS, then=1), default=0)
    return list(places.order_by(flagged_last, "name", "pk")[:limit])
