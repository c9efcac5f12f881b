"""Reads of partner profiles and of the partners suggested for a place."""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from twinning.accounts.selectors import user_organisation_ids, visible_to
from twinning.focusareas.models import FocusArea
from twinning.partnerships.models import Partnership
from twinning.places.models import Place
from twinning.profiles.matching import Reason, Seeker, World
from twinning.profiles.models import PartnerProfile, SizeBand


def profile_list(*, user) -> QuerySet[PartnerProfile]:
    """Return the profiles the user may see, with place and focus areas loaded.

    Each carries ``known_population`` (its own population, or else its place's) and
    ``contact_shown``: visitors read the contact only when the profile's owner chose so,
    the owner's members always.
    """
    focus = FocusArea.objects.order_by("name_en")
    shown = Q(contact_public=True)
    if getattr(user, "is_superuser", False):
        shown = Q(pk__isnull=False)
    elif org_ids := user_organisation_ids(user):
        shown |= Q(owner_id__in=org_ids)
    return (
        visible_to(PartnerProfile.objects.all(), user)
        .select_related("place", "owner")
        .prefetch_related(
            Prefetch("focus_sought", queryset=focus), Prefetch("focus_offered", queryset=focus)
        )
        .annotate(
            known_population=Coalesce(F("population"), F("place__population")),
            contact_shown=ExpressionWrapper(shown, output_field=BooleanField()),
        )
    )


def profile_detail(*, user, pk: int) -> PartnerProfile:
    """Return one visible profile."""
    return profile_list(user=user).get(pk=pk)


def profile_of_place(*, user, place) -> PartnerProfile | None:
    """Return the visible profile of a place, if it has one."""
    return profile_list(user=user).filter(place=place).first()


# The matching index of this process and the stamp of the data it was built from.
_INDEX: dict = {}
_INDEX_LOCK = threading.Lock()


def _index_stamp() -> tuple:
    """Return a stamp of exactly the rows the matching index reads, in one query.

    Narrower than ``core.selectors.data_stamp``: on PostgreSQL that stamp moves with any
    write on the server, and the index, which takes a while to build, would be rebuilt
    after every login.
    """
    quote = connection.ops.quote_name
    parts = []
    for model in (Place, Partnership):
        table = quote(model._meta.db_table)
        parts += [f"(SELECT COUNT(*) FROM {table})", f"(SELECT MAX(updated_at) FROM {table})"]
    history = quote(PartnerProfile.history.model._meta.db_table)
    parts.append(f"(SELECT MAX(history_id) FROM {history})")
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return (connection.alias, *cursor.fetchone())


def _codes(stored) -> list[str]:
    # A multiple CountryField reads back as a list of countries, or raw as "DK,SE".
    if isinstance(stored, str):
        return [code for code in stored.split(",") if code]
    return [str(getattr(code, "code", code)) for code in stored or ()]


def world_rows(*, pairs=None) -> dict:
    """Return the keyword arguments of a matching ``World`` built from public records.

    Only public partnerships and profiles enter, so that no suggestion reveals a private
    one. ``pairs`` replaces the partnerships (the benchmark hides some of them).
    """
    rows = list(
        Place.objects.order_by("pk").values_list(
            "pk", "country", "kind", "latitude", "longitude", "population"
        )
    )
    profiles = PartnerProfile.objects.filter(is_public=True)
    sought, offered = defaultdict(set), defaultdict(set)
    for field, into in (("focus_sought", sought), ("focus_offered", offered)):
        through = PartnerProfile._meta.get_field(field).remote_field.through
        for profile_id, area_id in through.objects.filter(
            partnerprofile__is_public=True
        ).values_list("partnerprofile_id", "focusarea_id"):
            into[profile_id].add(area_id)
    seekers, own_population = {}, {}
    for pk, place_id, seeking, wanted, band, population in profiles.values_list(
        "pk", "place_id", "seeking", "desired_countries", "desired_size", "population"
    ):
        seekers[place_id] = Seeker(
            seeking=seeking,
            sought=frozenset(sought[pk]),
            offered=frozenset(offered[pk]),
            countries=frozenset(_codes(wanted)),
            size_band=band,
        )
        if population is not None:
            own_population[place_id] = population
    if pairs is None:
        pairs = Partnership.objects.filter(is_public=True).values_list("party_a_id", "party_b_id")
    return {
        "ids": [r[0] for r in rows],
        "countries": [r[1] or "" for r in rows],
        "kinds": [r[2] for r in rows],
        "latitudes": [r[3] for r in rows],
        "longitudes": [r[4] for r in rows],
        "populations": [own_population.get(r[0], r[5]) for r in rows],
        "pairs": list(pairs),
        "seekers": seekers,
    }


def matching_world() -> World:
    """Return this process's matching index, rebuilt when the records it reads changed."""
    stamp = _index_stamp()
    with _INDEX_LOCK:
        if _INDEX.get("stamp") != stamp:
            _INDEX["world"] = World(**world_rows())
            _INDEX["stamp"] = stamp
        return _INDEX["world"]


@dataclass(frozen=True)
class ShownReason:
    """A reason for a suggestion as the reader reads it, with its weight."""

    code: str
    text: str
    weight: float


@dataclass(frozen=True)
class ShownSuggestion:
    """A suggested partner with its place, profile (if visible), score and reasons."""

    place: Place
    score: float
    reasons: list[ShownReason]
    profile: PartnerProfile | None = None


def _names(ids, places: dict) -> str:
    shown = [places[pk].name for pk in ids[:3] if pk in places]
    if len(ids) > 3:
        shown.append(gettext("%(count)d more") % {"count": len(ids) - 3})
    return ", ".join(shown)


def _number(value) -> str:
    return number_format(value, force_grouping=True)


def _reason_text(reason: Reason, places: dict, focus_names: dict) -> str:
    """Return a reason in the reader's language."""
    v, good = reason.values, reason.weight > 0
    count = v.get("count", 0)
    if reason.code == "network":
        return ngettext(
            "Partner of %(names)s, a partner of yours",
            "Partner of %(count)d of your partners: %(names)s",
            count,
        ) % {"count": count, "names": _names(v["places"], places)}
    if reason.code == "peers":
        return ngettext(
            "Twinned with %(names)s, near you",
            "Twinned with %(count)d places near you: %(names)s",
            count,
        ) % {"count": count, "names": _names(v["places"], places)}
    if reason.code == "near_partners":
        return ngettext(
            "Near %(names)s, a partner of yours",
            "Near %(count)d of your partners: %(names)s",
            count,
        ) % {"count": count, "names": _names(v["places"], places)}
    if reason.code == "countries":
        values = {
            "mine": countries.name(v["mine"]),
            "theirs": countries.name(v["theirs"]),
            "count": count,
        }
        if good:
            return (
                ngettext(
                    "Places in %(mine)s often twin with places in %(theirs)s "
                    "(%(count)d partnership)",
                    "Places in %(mine)s often twin with places in %(theirs)s "
                    "(%(count)d partnerships)",
                    count,
                )
                % values
            )
        return gettext("Places in %(mine)s seldom twin with places in %(theirs)s") % values
    if reason.code == "distance":
        km = {"km": _number(v["km"])}
        if good:
            return gettext("%(km)s km away: a common distance between partners") % km
        return gettext("%(km)s km away: an uncommon distance between partners") % km
    if reason.code == "population":
        values = {"mine": _number(v["mine"]), "theirs": _number(v["theirs"])}
        if good:
            return (
                gettext("Population %(theirs)s, yours %(mine)s: a ratio common between partners")
                % values
            )
        return (
            gettext("Population %(theirs)s, yours %(mine)s: a ratio uncommon between partners")
            % values
        )
    if reason.code == "climate":
        zone = {"zone": ZONE_NAMES[v["zone"]]}
        if good:
            return gettext("The same climate zone (%(zone)s)") % zone
        return gettext("Another climate zone (%(zone)s)") % zone
    if reason.code == "kind":
        level = {"level": LEVEL_NAMES[v["level"]]}
        if good:
            return gettext("The same level of government (%(level)s)") % level
        return gettext("Another level of government (%(level)s)") % level
    if reason.code == "popularity":
        return ngettext(
            "Active in twinning: %(count)d partnership",
            "Active in twinning: %(count)d partnerships",
            count,
        ) % {"count": count}
    if reason.code == "focus":
        names = ", ".join(focus_names[pk] for pk in v["focus_areas"] if pk in focus_names)
        return gettext("Focus areas in common: %(names)s") % {"names": names}
    if reason.code == "mutual":
        return gettext("Both are seeking a partner now")
    if reason.code == "wanted_country":
        return gettext("Your profile seeks partners in %(country)s") % {
            "country": countries.name(v["country"])
        }
    if reason.code == "wants_you":
        return gettext("Its profile seeks partners in %(country)s") % {
            "country": countries.name(v["country"])
        }
    if reason.code == "wanted_size":
        return gettext("The size your profile seeks: %(band)s") % {
            "band": SizeBand(v["band"]).label
        }
    raise ValueError(f"no text for the reason {reason.code!r}")


ZONE_NAMES = {
    "tropical": _("tropical"),
    "subtropical": _("subtropical"),
    "temperate": _("temperate"),
    "cold": _("cold"),
    "polar": _("polar"),
}
LEVEL_NAMES = {"local": _("local"), "regional": _("regional"), "national": _("national")}


def place_suggestions(*, user, place: Place, limit: int = 20) -> list[ShownSuggestion]:
    """Return the partners suggested for a place, best first, with reasons to read."""
    world = matching_world()
    if place.pk not in world.index:
        return []
    found = world.suggest(place.pk, limit)
    wanted = {s.place_id for s in found}
    for suggestion in found:
        for reason in suggestion.reasons:
            wanted.update(reason.values.get("places", ()))
    places = Place.objects.in_bulk(wanted)
    profiles = {p.place_id: p for p in profile_list(user=user).filter(place_id__in=wanted)}
    focus_names = {area.pk: area.name for area in FocusArea.objects.all()}
    return [
        ShownSuggestion(
            place=places[s.place_id],
            score=round(s.score, 2),
            reasons=[
                ShownReason(r.code, _reason_text(r, places, focus_names), r.weight)
                for r in s.reasons
            ],
            profile=profiles.get(s.place_id),
        )
        for s in found
        if s.place_id in places
    ]
