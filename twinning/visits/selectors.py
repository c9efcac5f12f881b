"""Reads of visits, their programmes and follow-up commitments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from twinning.accounts.selectors import is_visible, visible_link, visible_to
from twinning.core.selectors import history_changes
from twinning.organisations.models import Organisation
from twinning.places.models import Place
from twinning.visits.models import Commitment, ProgrammeItem, Visit, VisitMember

# Beyond this many days a programme lists only the days that have items.
LONGEST_DAY_BY_DAY = 31


def _host_organisations(user) -> Prefetch:
    # A host organisation the user may not see reads as none given.
    return Prefetch("host_organisation", queryset=visible_to(Organisation.objects.all(), user))


def visit_list(*, user, today: dt.date | None = None) -> QuerySet[Visit]:
    """Return the visits the user may see, with what a list shows loaded up front.

    Each visit carries ``member_count`` and ``overdue_count`` (open commitments past due).
    """
    today = today or timezone.localdate()
    return (
        visible_to(Visit.objects.all(), user)
        .select_related("visiting_party", "host")
        .prefetch_related(_host_organisations(user), "interests")
        .annotate(
            member_count=Count("members", distinct=True),
            overdue_count=Count(
                "commitments",
                filter=Q(commitments__done_on__isnull=True, commitments__due_date__lt=today),
                distinct=True,
            ),
        )
        # Aggregating queries drop Meta.ordering, so the order is given here.
        .order_by("-start_date", "title", "pk")
    )


def visit_detail(*, user, pk: int, today: dt.date | None = None) -> Visit:
    """Return one visible visit with members, programme, gifts and commitments loaded.

    Each commitment gets ``overdue``; the visit gets ``overdue_count``. Visitors who are
    not signed in get no members, commitments, notes or report.
    """
    today = today or timezone.localdate()
    members = VisitMember.objects.select_related("organisation", "person")
    programme = ProgrammeItem.objects.select_related("site", "host_organisation")
    commitments = Commitment.objects.select_related("responsible")
    signed_in = getattr(user, "is_authenticated", False)
    if not signed_in:
        # Visitors who are not signed in read where and when, not who travelled, what was
        # promised or what the office noted.
        members, commitments = members.none(), commitments.none()
    visit = (
        visit_list(user=user, today=today)
        # One visit: its host organisation is joined and judged below rather than fetched.
        .prefetch_related(None)
        .select_related(
            "host_organisation",
            "owner",
            "partnership__party_a",
            "partnership__party_b",
            "visiting_party__parent",
        )
        .prefetch_related(
            "interests",
            Prefetch("members", queryset=members),
            Prefetch("programme_items", queryset=programme),
            "gifts",
            Prefetch("commitments", queryset=commitments),
        )
        .get(pk=pk)
    )
    if not signed_in:
        visit.notes = visit.report = ""
        visit.overdue_count = 0
    # What the visit links to that the user may not see reads as not given.
    _hide_invisible(visit, user, "host_organisation", "partnership")
    for member in visit.members.all():
        _hide_invisible(member, user, "organisation", "person")
    for item in visit.programme_items.all():
        _hide_invisible(item, user, "site", "host_organisation")
    for commitment in visit.commitments.all():
        _hide_invisible(commitment, user, "responsible")
    for commitment in visit.commitments.all():
        commitment.overdue = commitment.is_overdue(today)
    return visit


def _hide_invisible(record, user, *links: str) -> None:
    """Set to none each loaded link of the record to a row the user may not see."""
    for link in links:
        linked = getattr(record, link)
        if linked is not None and not is_visible(linked, user):
            setattr(record, link, None)


@dataclass
class ProgrammeDay:
    """One day of a visit's programme with its items in order."""

    day: dt.date
    items: list[ProgrammeItem]


def programme_days(*, visit: Visit) -> list[ProgrammeDay]:
    """Return the visit's programme grouped by day, from prefetched items.

    Every day of a short visit is listed, so that free days show; a long visit lists only
    the days that have items.
    """
    by_day: dict[dt.date, list[ProgrammeItem]] = {}
    for item in visit.programme_items.all():
        by_day.setdefault(item.day, []).append(item)
    days = visit.days()
    if len(days) > LONGEST_DAY_BY_DAY:
        days = sorted(by_day)
    return [ProgrammeDay(day=day, items=by_day.get(day, [])) for day in days]


def place_name_in(place: Place | None, language: str) -> str:
    """Return the place's name as written in the language, or its usual name."""
    if place is None:
        return ""
    written = place.names.filter(language=language).order_by("name").first()
    return written.name if written else place.name


def commitments_overdue(*, user, today: dt.date | None = None) -> QuerySet[Commitment]:
    """Return open commitments past their due date on visits the user may see, oldest first."""
    today = today or timezone.localdate()
    return (
        Commitment.objects.filter(
            visible_link("visit_id", visible_to(Visit.objects.all(), user)),
            done_on__isnull=True,
            due_date__lt=today,
        )
        .select_related("visit__visiting_party", "visit__host", "responsible")
        .order_by("due_date", "pk")
    )


def commitments_due(*, user, today: dt.date | None = None, days: int = 30) -> QuerySet[Commitment]:
    """Return open commitments due within the coming days, overdue ones included, oldest first."""
    today = today or timezone.localdate()
    return (
        Commitment.objects.filter(
            visible_link("visit_id", visible_to(Visit.objects.all(), user)),
            done_on__isnull=True,
            due_date__lte=today + dt.timedelta(days=days),
        )
        .select_related("visit__visiting_party", "visit__host", "responsible")
        .order_by("due_date", "pk")
    )


def visit_history(*, visit: Visit, limit: int = 50):
    """Return the visit's own changes, newest first, with the fields changed."""
    records = list(
        visit.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    return history_changes(
        records,
        kind=str(Visit._meta.verbose_name),
        label=lambda record: "",
        url_name="visits:detail",
    )[:limit]


def visit_host_choices() -> list[Place]:
    """Return the places that have hosted a visit, for the list's filter."""
    return list(Place.objects.filter(visits_hosted__isnull=False).distinct().order_by("name"))


def visiting_country_choices() -> list[str]:
    """Return the country codes of visiting parties, for the list's filter."""
    codes = (
        Visit.objects.exclude(visiting_party__country="")
        .order_by()
        .values_list("visiting_party__country", flat=True)
        .distinct()
    )
    return sorted(set(codes))
