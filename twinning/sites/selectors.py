"""Reads of showcase sites, including the sites suggested for a visit's programme."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from twinning.accounts.selectors import visible_link, visible_to
from twinning.places.models import Place
from twinning.sites.models import ShowcaseSite

SUGGESTIONS = 10


def showcase_site_list(*, user) -> QuerySet[ShowcaseSite]:
    """Return the sites the user may see, with what a list shows loaded up front."""
    return (
        visible_to(ShowcaseSite.objects.all(), user)
        .select_related("organisation", "place")
        .prefetch_related("focus_areas")
    )


def showcase_site_detail(*, user, pk: int) -> ShowcaseSite:
    """Return one visible site with the programme items of visible visits that used it.

    The items are attached as ``programme_shown``, newest first.
    """
    from twinning.visits.models import ProgrammeItem, Visit

    visits = visible_to(Visit.objects.all(), user)
    items = (
        ProgrammeItem.objects.filter(visible_link("visit_id", visits))
        .select_related("visit__visiting_party", "visit__host")
        .order_by("-day", "start_time")
    )
    site = (
        showcase_site_list(user=user)
        .select_related("owner", "place__parent")
        .prefetch_related(Prefetch("programme_items", queryset=items, to_attr="programme_shown"))
        .get(pk=pk)
    )
    return site


@dataclass
class Suggestion:
    """A site suggested for a visit, with the parts of its score and why."""

    site: ShowcaseSite
    shared: list  # focus areas the site shares with the delegation's interests
    in_host_place: bool
    fits: bool | None  # None when the site's capacity is unknown
    member_count: int

    @property
    def score(self) -> tuple[int, int, int]:
        return (len(self.shared), int(self.in_host_place), int(bool(self.fits)))

    def reasons(self) -> list[str]:
        """Return the score explained, one sentence per part, in the active language."""
        names = ", ".join(area.name for area in self.shared)
        reasons = [
            ngettext(
                "%(count)d shared interest: %(names)s",
                "%(count)d shared interests: %(names)s",
                len(self.shared),
            )
            % {"count": len(self.shared), "names": names}
        ]
        if self.in_host_place:
            reasons.append(_("in the host place"))
        else:
            reasons.append(_("outside the host place"))
        if self.fits is None:
            reasons.append(_("capacity unknown"))
        elif self.fits:
            reasons.append(
                _("room for %(capacity)d, the delegation has %(members)d")
                % {"capacity": self.site.capacity, "members": self.member_count}
            )
        else:
            reasons.append(
                _("too small: room for %(capacity)d, the delegation has %(members)d")
                % {"capacity": self.site.capacity, "members": self.member_count}
            )
        return reasons


def sites_suggested_for(*, visit, user, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Return visible sites that share interests with a visit, best first.

    Sites are ranked by the number of focus areas they share with the delegation's
    interests, then by lying in the host place (or in a place inside it or a member of
    it, when the host is a group), then by a capacity that holds every member of the
    delegation. Sites already in the visit's programme are left out.
    """
    interests = list(visit.interests.all())
    if not interests:
        return []
    interest_ids = [area.pk for area in interests]
    member_count = visit.members.count()
    host_members = Place.members.through.objects.filter(
        from_place_id=visit.host_id, to_place_id=OuterRef("place_id")
    )
    sites = (
        visible_to(ShowcaseSite.objects.all(), user)
        .exclude(programme_items__visit=visit)
        .select_related("organisation", "place")
        .prefetch_related("focus_areas")
        .annotate(
            shared_count=Count(
                "focus_areas", filter=Q(focus_areas__in=interest_ids), distinct=True
            ),
            in_host_place=Case(
                When(
                    Q(place_id=visit.host_id)
                    | Q(place__parent_id=visit.host_id)
                    | Exists(host_members),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            ),
            fits=Case(
                When(capacity__gte=member_count, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
        .filter(shared_count__gt=0)
        .order_by("-shared_count", "-in_host_place", "-fits", "name", "pk")[:limit]
    )
    suggestions = []
    for site in sites:
        shared = [area for area in site.focus_areas.all() if area.pk in interest_ids]
        suggestions.append(
            Suggestion(
                site=site,
                shared=shared,
                in_host_place=site.in_host_place,
                fits=None if site.capacity is None else site.fits,
                member_count=member_count,
            )
        )
    return suggestions
