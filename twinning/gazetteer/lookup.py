"""Look place names up in the gazetteer and rank what they may mean."""

from __future__ import annotations

import dataclasses
import math
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from twinning.gazetteer.text import fold, saint_key, split_qualified, strip_area_word

# Two candidates closer than this are one place described twice (a city and the
# municipality or prefecture named after it).
SAME_PLACE_KM = 25.0
# A runner-up with more than this share of the leader's population leaves the name
# ambiguous unless a qualifier, the country or a given point tells them apart; below
# it, the larger place is the one a list means far more often than not.
_AMBIGUOUS_RATIO = 0.5
# A place found by another of its names (often a former one: Tolyatti was once
# Stavropol) yields to a place of that main name unless it is ten times larger.
_OTHER_NAME_WEIGHT = -1.0
_KIND_WEIGHT = {"city": 0.0, "admin1": -0.6, "admin2": -1.2}


class GazetteerMissing(RuntimeError):
    """Raised when the index file is absent and may not be built."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A place of the gazetteer: a populated place or an administrative area."""

    geonames_id: int
    kind: str  # "city", "admin1" or "admin2"
    name: str
    country: str  # ISO 3166-1 alpha-2
    admin1: str  # GeoNames code of the first-level area, e.g. "US.OR"
    admin2: str
    latitude: float | None
    longitude: float | None
    population: int | None
    iso: str = ""  # ISO 3166-2 code of an area, e.g. "CN-JS"


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate for a name, with its score and the reasons for it."""

    entry: Entry
    score: float
    reasons: tuple[str, ...]
    distance_km: float | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a name may mean: candidates best first, and whether it stays ambiguous."""

    query: str
    candidates: tuple[Match, ...] = ()
    ambiguous: bool = False
    country: str = ""
    qualifiers: tuple[str, ...] = field(default_factory=tuple)

    @property
    def best(self) -> Match | None:
        """Return the chosen candidate, or None when there is none or it is ambiguous."""
        return None if self.ambiguous or not self.candidates else self.candidates[0]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance between two points in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    """Read access to a built index file; safe to share between threads."""

    _COLUMNS = "id, kind, name, country, admin1, admin2, latitude, longitude, population, iso"

    def __init__(self, path: Path):
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerMissing(str(self.path))
        self._local = threading.local()
        self._country_cache: dict[str, tuple[str, str] | None] = {}
        self._area_cache: dict[str, frozenset[str]] = {}
        self._area_names: dict[str, str | None] = {}

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
            db.execute("PRAGMA cache_size=-8000")
            self._local.db = db
        return db

    def meta(self) -> dict[str, str]:
        """Return the index's version, counts and the versions of the data packages."""
        return dict(self._db.execute("SELECT key, value FROM meta"))

    # Countries ------------------------------------------------------------------
    def country(self, text: str) -> tuple[str, str] | None:
        """Return (ISO code, area code) for a country name in any of its forms.

        The area code is set when the name is a part of a country that is commonly
        named like one: "Scotland" gives ("GB", "GB.SCT"). Compound names such as
        "Scotland, United Kingdom" or "Réunion, France" are tried whole, then part by
        part from the first. None when nothing matches.
        """
        if text in self._country_cache:
            return self._country_cache[text]
        found = self._country_whole(text)
        if found is None:
            parts = [p.strip() for p in text.replace("(", ",").replace(")", "").split(",")]
            for part in filter(None, parts):
                if found := self._country_whole(part):
                    break
        self._country_cache[text] = found
        return found

    def country_code(self, text: str) -> str | None:
        """Return the ISO 3166-1 alpha-2 code for a country name, or None."""
        found = self.country(text)
        return found[0] if found else None

    def country_name(self, code: str) -> str | None:
        """Return the common English name of a country by its code."""
        row = self._db.execute(
            "SELECT name FROM country WHERE code = ?", (code.upper(),)
        ).fetchone()
        return row[0] if row else None

    def _country_whole(self, text: str) -> tuple[str, str] | None:
        key = fold(text)
        if key.startswith("the "):
            key = key[4:]
        if not key:
            return None
        rows = self._db.execute(
            "SELECT DISTINCT code, area FROM country_name WHERE key = ?", (key,)
        ).fetchall()
        codes = {code for code, _area in rows}
        if len(codes) != 1:
            return None
        areas = {area for _code, area in rows if area}
        return rows[0][0], (areas.pop() if len(areas) == 1 else "")

    # Areas ----------------------------------------------------------------------
    def areas(self, text: str) -> frozenset[str]:
        """Return the GeoNames codes of the administrative areas a name may mean."""
        key = fold(text)
        if key not in self._area_cache:
            rows = self._db.execute("SELECT code FROM area_name WHERE key = ?", (key,))
            self._area_cache[key] = frozenset(code for (code,) in rows)
        return self._area_cache[key]

    # Places ---------------------------------------------------------------------
    def get(self, geonames_id: int) -> Entry | None:
        """Return the place with this GeoNames id."""
        row = self._db.execute(
            f"SELECT {self._COLUMNS} FROM place WHERE id = ?", (geonames_id,)
        ).fetchone()
        return Entry(*row) if row else None

    def names(self, geonames_id: int) -> list[tuple[str, str]]:
        """Return the (name, language) pairs of a place; language is "zh" or ""."""
        rows = self._db.execute(
            "SELECT DISTINCT name, language FROM name WHERE place = ? ORDER BY main DESC, name",
            (geonames_id,),
        )
        return list(rows)

    def area_name(self, code: str) -> str | None:
        """Return the name of an administrative area by its GeoNames code ("US.OR")."""
        if code not in self._area_names:
            level = "admin1" if code.count(".") == 1 else "admin2"
            row = self._db.execute(
                f"SELECT name FROM place WHERE {level} = ? AND kind = ? LIMIT 1", (code, level)
            ).fetchone()
            self._area_names[code] = row[0] if row else None
        return self._area_names[code]

    def _by_key(self, key: str) -> dict[int, tuple[Entry, bool]]:
        found: dict[int, tuple[Entry, bool]] = {}
        rows = self._db.execute(
            f"SELECT {', '.join('p.' + c.strip() for c in self._COLUMNS.split(','))}, n.main "
            "FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?",
            (key,),
        )
        for *values, main in rows:
            entry = Entry(*values)
            known = found.get(entry.geonames_id)
            if known is None or (main and not known[1]):
                found[entry.geonames_id] = (entry, bool(main))
        return found

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        admin: str | None = None,
        near: tuple[float, float] | None = None,
        kinds: tuple[str, ...] = ("city", "admin1", "admin2"),
        limit: int = 10,
        _area_bonus: float | None = None,
    ) -> Resolution:
        """Return the places a name may mean, best first, and whether it stays ambiguous.

        ``name`` may carry qualifiers ("Portland, Oregon", "Halle (Saale)", "Suzhou,
        Jiangsu"); ``country`` is an ISO code or a country name in any form ("England",
        "Republic of Korea"); ``admin`` names an administrative area; ``near`` is a
        (latitude, longitude) the place should be close to. A name is ambiguous when
        two distinct places fit about equally well and nothing given tells them apart.
        """
        wanted_country, wanted_area = "", ""
        if country:
            if len(country) == 2 and country.isalpha():
                wanted_country = country.upper()
            elif found := self.country(country):
                wanted_country, wanted_area = found
        base, qualifiers = split_qualified(name)
        if admin:
            qualifiers.append(admin)
        full_key, base_key = fold(name), fold(base)
        found = self._by_key(full_key)
        for key in {base_key, saint_key(base_key), saint_key(full_key)} - {full_key, ""}:
            for gid, item in self._by_key(key).items():
                found.setdefault(gid, item)

        # Each qualifier narrows to an area or a country; one that names neither is
        # a town the place lies near ("Behringen (Hörselberg-Hainich)"), or else a
        # river ("Saale"), kept only as a tie-breaker on the name.
        area_sets: list[frozenset[str]] = []
        towns: list[Entry] = []
        for qualifier in qualifiers:
            areas = self.areas(qualifier)
            as_country = self.country(qualifier)
            if as_country and not areas:
                wanted_country = wanted_country or as_country[0]
                if as_country[1]:
                    wanted_area = wanted_area or as_country[1]
            elif areas:
                area_sets.append(areas)
            elif _area_bonus is None:
                town = self.lookup(
                    qualifier, country=wanted_country or None, kinds=("city",), _area_bonus=0.0
                ).best
                if town is not None and town.entry.latitude is not None:
                    towns.append(town.entry)

        fitting = [
            (entry, main)
            for entry, main in found.values()
            if entry.kind in kinds
            and (not wanted_country or entry.country == wanted_country)
            and (not wanted_area or wanted_area in (entry.admin1, entry.admin2))
        ]
        if area_sets and fitting:
            # A qualifier that names an area is a condition, not a preference:
            # "Chaoyang (Beijing)" is not the Chaoyang in Liaoning. A place whose own
            # name carries the qualifier ("Halle (Saale)") needs no area.
            fitting = [
                (entry, main)
                for entry, main in fitting
                if fold(entry.name) == full_key
                or any(entry.admin1 in areas or entry.admin2 in areas for areas in area_sets)
            ]
        any_main = any(main for _entry, main in fitting)
        matches: list[Match] = []
        for entry, main in fitting:
            reasons = ["name" if main else "other name"]
            score = math.log10((entry.population or 0) + 10) + _KIND_WEIGHT[entry.kind]
            if entry.kind != "city" and _area_bonus:
                score += _area_bonus
                reasons.append("an area, as its name says")
            if not main:
                score += _OTHER_NAME_WEIGHT if any_main else -0.3
            if full_key != base_key and fold(entry.name) == full_key:
                score += 3
                reasons.append("full name")
            for areas in area_sets:
                if entry.admin1 in areas or entry.admin2 in areas:
                    score += 4
                    reasons.append("in the named area")
            if entry.latitude is not None and any(
                distance_km(t.latitude, t.longitude, entry.latitude, entry.longitude)
                < 2 * SAME_PLACE_KM
                for t in towns
                if t.geonames_id != entry.geonames_id
            ):
                score += 4
                reasons.append("near the named town")
            distance = None
            if near is not None and entry.latitude is not None:
                distance = distance_km(near[0], near[1], entry.latitude, entry.longitude)
                score += 6 - min(distance, 2000) / 100
                reasons.append(f"{distance:.0f} km from the given point")
            matches.append(Match(entry, round(score, 3), tuple(reasons), distance))
        matches.sort(key=lambda m: (-m.score, m.entry.kind != "city", m.entry.geonames_id))
        matches = self._merge_same(matches)
        if not matches and _area_bonus is None and (stripped := strip_area_word(base)):
            # "Avellino Province", "County Limerick": the area, or the town it is named after.
            short, is_area = stripped
            rest = "".join(f", {q}" for q in qualifiers if q != admin)
            return dataclasses.replace(
                self.lookup(
                    short + rest,
                    country=country,
                    admin=admin,
                    near=near,
                    kinds=kinds,
                    limit=limit,
                    _area_bonus=5.0 if is_area else 0.0,
                ),
                query=name,
            )
        return Resolution(
            query=name,
            candidates=tuple(matches[:limit]),
            ambiguous=self._ambiguous(matches, located=near is not None),
            country=wanted_country,
            qualifiers=tuple(qualifiers),
        )

    @staticmethod
    def _merge_same(matches: list[Match]) -> list[Match]:
        """Drop candidates within SAME_PLACE_KM of a better one: one place, two records."""
        kept: list[Match] = []
        for match in matches:
            e = match.entry
            if e.latitude is not None and any(
                k.entry.latitude is not None
                and k.entry.country == e.country
                and distance_km(k.entry.latitude, k.entry.longitude, e.latitude, e.longitude)
                < SAME_PLACE_KM
                for k in kept
            ):
                continue
            kept.append(match)
        return kept

    @staticmethod
    def _ambiguous(matches: list[Match], *, located: bool) -> bool:
        if len(matches) < 2:
            return False
        first, second = matches[0], matches[1]
        gap = first.score - second.score
        if located:
            # A given point separates the candidates by a point per 100 km.
            return gap < 1.0
        # Unqualified: scores are log10 of population; a runner-up with more than a
        # quarter of the leader's population is as likely to be meant.
        return gap < -math.log10(_AMBIGUOUS_RATIO)
