"""Readers of the atlas: map data, the national overview and statistics.

They read plain values (values_list) rather than model instances, because the map and the
statistics cover every partnership at once and must stay fast with tens of thousands.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Left
from django.utils.translation import get_language
from django_countries import countries

from twinning.accounts.selectors import visibility_scope, visible_to
from twinning.core.partialdates import PartialDate
from twinning.core.selectors import data_stamp
from twinning.partnerships.models import Partnership, PartnershipKind, PartnershipStatus
from twinning.places.models import Place, PlaceKind

# Ancestors whose coordinates are read in the same query as the place itself; a deeper
# chain costs one more query per further level, and only when the nearer ones have none.
_JOINED_ANCESTORS = 3
_COORDINATE_DIGITS = 4
# Beyond this many places, they are selected by a subquery rather than a list of ids,
# which would overrun SQLite's limit on query parameters.
_ID_LIST_LIMIT = 2000


def visible_partnerships(*, user) -> QuerySet[Partnership]:
    """Return the partnerships the user may see, unordered, for reading plain values."""
    return visible_to(Partnership.objects.all(), user).order_by()


def _ancestor_columns() -> list[str]:
    columns = []
    prefix = ""
    for _level in range(_JOINED_ANCESTORS):
        prefix += "parent__"
        columns += [f"{prefix}latitude", f"{prefix}longitude"]
    return [*columns, f"{prefix}parent_id"]


class CoordinateLookup:
    """Find where to draw places: their own coordinates or their nearest ancestor's.

    One lookup serves one request and remembers every ancestor it had to read.
    """

    def __init__(self) -> None:
        self._ancestors: dict[int, tuple[int | None, float | None, float | None]] = {}

    def places(self, place_ids: QuerySet | list[int]) -> dict[int, tuple]:
        """Return {id: (name, country, latitude, longitude)} for the places; no coordinates
        anywhere up the chain gives (name, country, None, None)."""
        rows = Place.objects.filter(pk__in=place_ids).values_list(
            "pk", "name", "country", "latitude", "longitude", *_ancestor_columns()
        )
        found, deeper = {}, {}
        for pk, name, country, lat, lon, *chain in rows:
            if lat is None:
                for index in range(0, len(chain) - 1, 2):
                    if chain[index] is not None:
                        lat, lon = chain[index], chain[index + 1]
                        break
                else:
                    if chain[-1] is not None:
                        deeper[pk] = chain[-1]
            found[pk] = (name, country, lat, lon)
        for pk, ancestor_id in deeper.items():
            name, country, _lat, _lon = found[pk]
            found[pk] = (name, country, *self._climb(ancestor_id))
        return found

    def _climb(self, place_id: int | None) -> tuple[float | None, float | None]:
        seen = set()
        while place_id is not None and place_id not in seen:
            seen.add(place_id)
            if place_id not in self._ancestors:
                row = Place.objects.filter(pk=place_id).values_list(
                    "parent_id", "latitude", "longitude"
                )
                self._ancestors[place_id] = row[0] if row else (None, None, None)
            parent_id, lat, lon = self._ancestors[place_id]
            if lat is not None:
                return lat, lon
            place_id = parent_id
        return None, None


def map_data(*, partnerships: QuerySet[Partnership]) -> dict:
    """Return the points and lines that draw these partnerships on a map.

    Points are the parties, each with the number of lines that end there; a place without
    coordinates is drawn at its nearest ancestor's. A partnership with a party that has no
    coordinates at all is left off and counted in ``unmapped``.
    """
    rows = list(
        partnerships.order_by("pk").values_list(
            "pk", "party_a_id", "party_b_id", "kind", "status", Left("since", 10)
        )
    )
    place_ids = {row[1] for row in rows} | {row[2] for row in rows}
    if len(place_ids) > _ID_LIST_LIMIT:
        place_ids = Place.objects.filter(
            Q(pk__in=partnerships.values("party_a_id"))
            | Q(pk__in=partnerships.values("party_b_id"))
        ).values("pk")
    places = CoordinateLookup().places(place_ids) if rows else {}
    counts: Counter[int] = Counter()
    lines = []
    for pk, a, b, kind, status, since in rows:
        if places[a][2] is None or places[b][2] is None:
            continue
        counts[a] += 1
        counts[b] += 1
        lines.append({"id": pk, "a": a, "b": b, "kind": kind, "status": status, "since": since})
    points = [
        {
            "id": pk,
            "name": places[pk][0],
            "country": places[pk][1],
            "lat": round(places[pk][2], _COORDINATE_DIGITS),
            "lon": round(places[pk][3], _COORDINATE_DIGITS),
            "count": count,
        }
        for pk, count in counts.items()
    ]
    return {"points": points, "lines": lines, "unmapped": len(rows) - len(lines)}


def cache_key(*, name: str, user, query: list[tuple[str, list[str]]]) -> str:
    """Return the cache key of an atlas answer for what the user may see and the query.

    The key holds the data stamp, so that any save, import or deletion makes a new key,
    and the language, which names the kinds and statuses in the answer.
    """
    terms = "&".join(f"{name}={','.join(sorted(values))}" for name, values in sorted(query))
    text = "|".join([visibility_scope(user), get_language() or "", terms, data_stamp()])
    # Hashed: the filters may hold spaces and any length of text, which not every cache
    # backend accepts in a key.
    return f"atlas-{name}:{hashlib.sha256(text.encode()).hexdigest()}"


def decades_begun(*, user) -> list[int]:
    """Return the decades (1990, 2000, ...) in which visible partnerships began."""
    prefixes = (
        visible_partnerships(user=user)
        .exclude(since__isnull=True)
        .annotate(prefix=Left("since", 3))
        .values_list("prefix", flat=True)
        .distinct()
    )
    return sorted(int(prefix) * 10 for prefix in prefixes if prefix and prefix.isdigit())


def _label(choices, value: str) -> str:
    return str(dict(choices.choices).get(value, value))


@dataclass
class NationalEntry:
    """One partnership as seen from a place of the home country."""

    id: int
    partner_id: int
    partner_name: str
    partner_kind: str
    kind: str
    status: str
    since: PartialDate | None
    until: PartialDate | None

    @property
    def kind_label(self) -> str:
        return _label(PartnershipKind, self.kind)

    @property
    def status_label(self) -> str:
        return _label(PartnershipStatus, self.status)

    @property
    def partner_kind_label(self) -> str:
        return _label(PlaceKind, self.partner_kind)


@dataclass
class NationalPlace:
    """A place of the home country with its partnerships in the partner country."""

    id: int
    name: str
    kind: str
    partnerships: list[NationalEntry] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return _label(PlaceKind, self.kind)


@dataclass
class NationalOverview:
    """Every place of one country with a partner in another, with counts and a timeline."""

    country: str
    partner_country: str
    places: list[NationalPlace]
    partnership_count: int
    by_place_kind: list[tuple[str, str, int]]
    by_kind: list[tuple[str, str, int]]
    by_status: list[tuple[str, str, int]]
    by_year: list[tuple[int, int]]
    by_decade: list[tuple[int, int]]
    since_unknown: int

    @property
    def country_name(self) -> str:
        return str(countries.name(self.country))

    @property
    def partner_country_name(self) -> str:
        return str(countries.name(self.partner_country))


def _counted(counter: Counter, choices) -> list[tuple[str, str, int]]:
    # In the order of the choices, so that tables and charts read the same every time.
    return [
        (value, str(label), counter[value]) for value, label in choices.choices if counter[value]
    ]


def national_overview(*, user, country: str, partner_country: str) -> NationalOverview:
    """Return every place of ``country`` with a partnership with a place of
    ``partner_country``, whichever party each is, with counts by kind, status and year."""
    rows = (
        visible_partnerships(user=user)
        .filter(
            Q(party_a__country=country, party_b__country=partner_country)
            | Q(party_a__country=partner_country, party_b__country=country)
        )
        .order_by("pk")
        .values_list(
            "pk",
            "kind",
            "status",
            "since",
            "until",
            *[f"party_{side}_id" for side in "ab"],
            *[f"party_{side}__{column}" for side in "ab" for column in ("name", "kind", "country")],
        )
    )
    places: dict[int, NationalPlace] = {}
    seen, kinds, statuses, years = set(), Counter(), Counter(), Counter()
    since_unknown = 0
    for pk, kind, status, since, until, a_id, b_id, *parties in rows:
        a = (a_id, *parties[0:3])
        b = (b_id, *parties[3:6])
        for home, partner in ((a, b), (b, a)):
            if home[3] != country or partner[3] != partner_country:
                continue
            place = places.setdefault(home[0], NationalPlace(home[0], home[1], home[2]))
            place.partnerships.append(
                NationalEntry(pk, partner[0], partner[1], partner[2], kind, status, since, until)
            )
        if pk in seen:
            continue
        seen.add(pk)
        kinds[kind] += 1
        statuses[status] += 1
        if since is None:
            since_unknown += 1
        else:
            years[since.year] += 1
    decades = Counter()
    for year, count in years.items():
        decades[year - year % 10] += count
    ordered = sorted(places.values(), key=lambda place: place.name.casefold())
    for place in ordered:
        place.partnerships.sort(key=lambda entry: (entry.since is None, entry.since or 0))
    return NationalOverview(
        country=country,
        partner_country=partner_country,
        places=ordered,
        partnership_count=len(seen),
        by_place_kind=_counted(Counter(place.kind for place in ordered), PlaceKind),
        by_kind=_counted(kinds, PartnershipKind),
        by_status=_counted(statuses, PartnershipStatus),
        by_year=sorted(years.items()),
        by_decade=sorted(decades.items()),
        since_unknown=since_unknown,
    )


NATIONAL_COLUMNS = [
    "place",
    "place_kind",
    "country",
    "partner",
    "partner_kind",
    "partner_country",
    "kind",
    "status",
    "since",
    "until",
    "partnership_id",
]


def national_rows(overview: NationalOverview):
    """Yield the overview as one row per partnership, for a CSV download."""
    for place in overview.places:
        for entry in place.partnerships:
            yield {
                "place": place.name,
                "place_kind": place.kind,
                "country": overview.country,
                "partner": entry.partner_name,
                "partner_kind": entry.partner_kind,
                "partner_country": overview.partner_country,
                "kind": entry.kind,
                "status": entry.status,
                "since": entry.since.isoformat() if entry.since else "",
                "until": entry.until.isoformat() if entry.until else "",
                "partnership_id": entry.id,
            }


@dataclass
class Statistics:
    """Counts of partnerships by decade begun, kind, status and partner country."""

    total: int
    by_decade: list[tuple[int, int]]
    since_unknown: int
    by_kind: list[tuple[str, str, int]]
    by_status: list[tuple[str, str, int]]
    top_countries: list[tuple[str, str, int]]
    country: list[str]


def partnership_statistics(
    *, partnerships: QuerySet[Partnership], country: str = "", top: int = 15
) -> Statistics:
    """Return counts of the partnerships by decade, kind, status and partner country.

    With ``country`` (ISO codes, comma-separated), partner countries are those of the
    other party of each partnership of that country's places; without, every party's
    country counts, once per partnership.
    """
    # Aggregating over an id subquery keeps a filter's DISTINCT out of the GROUP BY.
    base = Partnership.objects.filter(pk__in=partnerships.values("pk")).order_by()
    decades: Counter[int] = Counter()
    since_unknown = 0
    for prefix, count in (
        base.annotate(prefix=Left("since", 3)).values_list("prefix").annotate(n=Count("pk"))
    ):
        if prefix and prefix.isdigit():
            decades[int(prefix) * 10] += count
        else:
            since_unknown += count
    kinds = Counter(dict(base.values_list("kind").annotate(n=Count("pk"))))
    statuses = Counter(dict(base.values_list("status").annotate(n=Count("pk"))))
    codes = {code.strip().upper() for code in country.split(",") if code.strip()}
    partner_countries: Counter[str] = Counter()
    pairs = base.values_list("party_a__country", "party_b__country").annotate(n=Count("pk"))
    for a, b, count in pairs:
        if codes:
            other = b if a in codes else a if b in codes else None
            if other is not None:
                partner_countries[other] += count
        else:
            partner_countries[a] += count
            if b != a:
                partner_countries[b] += count
    partner_countries.pop("", None)
    return Statistics(
        total=sum(kinds.values()),
        by_decade=sorted(decades.items()),
        since_unknown=since_unknown,
        by_kind=_counted(kinds, PartnershipKind),
        by_status=_counted(statuses, PartnershipStatus),
        top_countries=[
            (code, str(countries.name(code)), count)
            for code, count in sorted(
                partner_countries.items(), key=lambda item: (-item[1], item[0])
            )[:top]
        ],
        country=sorted(codes),
    )
