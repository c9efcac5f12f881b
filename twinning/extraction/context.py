"""Per-document analysis shared by the extraction rules."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from twinning.extraction import scan
from twinning.extraction.dates import (
    DateMention,
    document_date,
    document_month,
    document_year,
    find_dates,
)
from twinning.extraction.gazetteer import Place, PlaceMention, find_places, fold, gazetteer
from twinning.extraction.language import detect_language
from twinning.extraction.names import address_place, find_names, home_from_address
from twinning.extraction.segments import Segment, segments

LANGUAGE_COUNTRY = {"da": "DK", "sv": "SE", "nb": "NO", "no": "NO", "de": "DE", "zh": "CN"}
PARTY_KINDS = frozenset(
    {"municipality", "group", "region", "province", "city", "district", "county", "prefecture"}
)
_PLACE_WORDS = (
    r"(?:Kommune|kommune|Kommunes|kommunes|Municipality|municipality|City|city|District|"
    r"district|Provinsen|provinsen|Province|province|Provins|provins|Region|County|county|"
    r"Shi|Sheng|Qu|Municipal\s+Government|Regionskommune)"
)
# "Odense City Hall" and "Vejle City Council" name a building and a body, not "Odense City".
_PLACE_SUFFIX = re.compile(
    rf"[ \t]*\n?[ \t\n]*{_PLACE_WORDS}(?![\w])(?![ \t]+(?:Hall|Council|Centre|Center)\b)"
)
# A capitalised word right after a place name makes it part of an organisation's name
# ("Wuxi Urban Development Group", "Copenhagen Capacity").
_ORG_AFTER = re.compile(
    r"[ \t]+(?!(?:Kommune|Municipality|City|District|Province|Provinsen|"
    r"Region|County|Municipal|Government|Shi|Sheng|Council|Hall|Byråd)\b)"
    r"[A-Z][\w&]*"
)
_ORG_BEFORE = re.compile(
    r"(?:(?:Greater|Grand|Central|WTC|Team|Visit|Destination)[ \t]+|"
    r"(?:ambassade\w*|embassy|konsulat\w*|consulate\w*|generalkonsulat\w*)\s+(?:i|in)\s+)$",
    re.IGNORECASE,
)


scan.register(
    "org-before",
    "greater grand central wtc team visit destination ambassade embassy konsulat consulate "
    "generalkonsulat",
    word_start=False,
)


@dataclass
class DocContext:
    """The normalised text of one document with what every rule needs to know about it."""

    name: str
    text: str
    language: str | None = None
    date: dt.date | None = None
    # The month the document was written (``YYYY-MM``), known more often than its day.
    month: str | None = None
    places: list[PlaceMention] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    home_country: str | None = None
    home: Place | None = None
    excluded: list[tuple[int, int]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    _date_starts: list[int] = field(default_factory=list)
    _place_starts: list[int] = field(default_factory=list)
    _countries: list[PlaceMention] | None = None
    # True when the page's own address names the place it is about.
    home_from_address: bool = False

    @property
    def home_name(self) -> str:
        """Return the home party's name as the text first writes it (its own name if not)."""
        if self.home is None:
            return ""
        for m in self.places:
            if m.place.id == self.home.id:
                name = self.text[m.start : m.end]
                if m.genitive and name.endswith(("'s", "’s")):
                    name = name[:-2]
                elif m.genitive and name.endswith("s") and not m.place.name.endswith("s"):
                    name = name[:-1]
                return " ".join(name.split())
        return self.home.name

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        """Return the dates found in ``[start, end)`` (resolved against the document date)."""
        i = bisect_left(self._date_starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            if self.dates[i].end <= end:
                out.append(self.dates[i])
            i += 1
        return out

    def places_in(self, start: int, end: int) -> list[PlaceMention]:
        """Return the place mentions that lie within ``[start, end)``."""
        if len(self._place_starts) != len(self.places):
            self._place_starts = [m.start for m in self.places]
        i = bisect_left(self._place_starts, start)
        out = []
        while i < len(self.places) and self.places[i].start < end:
            if self.places[i].end <= end:
                out.append(self.places[i])
            i += 1
        return out

    def countries(self) -> list[PlaceMention]:
        """Return the mentions of countries, in text order."""
        if self._countries is None:
            self._countries = [m for m in self.places if m.place.kind == "country"]
        return self._countries

    def is_excluded(self, start: int, end: int) -> bool:
        """Return True when the span lies in a region handled by a structure rule (a table)."""
        return any(s <= start and end <= e for s, e in self.excluded)


def _extend_place_words(text: str, mentions: list[PlaceMention]) -> None:
    for m in mentions:
        if m.place.kind == "country":
            continue
        at = m.end
        if m.genitive:
            # "Københavns Kommune": the genitive belongs to the name, not to a possessor.
            at += 1 if text[at : at + 1] == "s" else 0
        suffix = _PLACE_SUFFIX.match(text, at)
        if suffix:
            m.end = suffix.end()
            m.genitive = text[m.start : m.end].lower().endswith("kommunes")
            m.surface = text[m.start : m.end]


def is_org_part(text: str, mention: PlaceMention) -> bool:
    """Return True when the place name is only part of an organisation's name."""
    if mention.genitive or mention.place.id.startswith("text-"):
        return False
    after = _ORG_AFTER.match(text, mention.end)
    if after and text[mention.end : mention.end + 1] != "\n":
        # "Rostock Germany": a country named after a city qualifies it.
        word = after.group(0).strip()
        return fold(word) not in _country_words()
    lo = max(0, mention.start - 30)
    if not scan.positions(text, "org-before", lo, mention.start):
        return False
    return bool(_ORG_BEFORE.search(text, lo, mention.start))


def _country_words() -> frozenset[str]:
    return gazetteer().country_words


_ADDRESS = re.compile(r"\s*(https?://\S+)")
_PARTNER_BEFORE = re.compile(
    r"(?:sister[\s-]+cit(?:y|ies)|twin[\s-]+(?:town|cit(?:y|ies))|partner[\s-]+cit(?:y|ies)|"
    r"friendship[\s-]+cit(?:y|ies)|venskabsby(?:en)?|vennskapsby(?:en)?|vänort(?:en)?|"
    r"partnerstadt|städtepartnerschaft|twinned|twinning|paired|venskabsbysamarbejde\w*|"
    r"vennskapsbysamarbeid\w*|partnerschaft)"
    r"(?:\s+(?:programme|program|relationship|ties|links?|agreement))?"
    r"\s+(?:with|med|mit|till|zu|to)\s+(?:(?:the|den|der|die)\s+)?$"
)
# Between two items of a list of partners: "Bourges (France) and Tønsberg".
_PARTNER_LIST_GAP = re.compile(
    r"^\s*(?:\([^()\n]{1,40}\))?\s*(?:,|;|\band\b|\bog\b|\boch\b|\bund\b|、|和|与)\s*"
    r"(?:(?:and|og|och|und)\s+)?$"
)


_TOWNS = frozenset({"municipality", "city", "group"})


def _qualifies(text: str, mentions: list[PlaceMention], i: int) -> bool:
    """Return True for a region written after a town to place it ("Baisha, Hainan")."""
    m = mentions[i]
    if i == 0 or m.place.kind in _TOWNS:
        return False
    prev = mentions[i - 1]
    return prev.place.kind in _TOWNS and text[prev.end : m.start].strip() in (",", "in", "i")


def _partner_marked(text: str, mentions: list[PlaceMention]) -> set[str]:
    """Return the ids of places written as the partner: "sister city with X"."""
    low = scan.lowered(text)
    marked: set[str] = set()
    previous = None
    for m in mentions:
        if _PARTNER_BEFORE.search(low, max(0, m.start - 60), m.start) or (
            previous is not None
            and previous.place.id in marked
            and _PARTNER_LIST_GAP.match(low[previous.end : m.start])
        ):
            marked.add(m.place.id)
        if m.place.kind != "country":
            previous = m
    return marked


def _address(text: str) -> str | None:
    """Return the web address a saved page begins with, if it does."""
    m = _ADDRESS.match(text[:500])
    return m.group(1) if m else None


def analyse(name: str, text: str) -> DocContext:
    """Return the context of a document: language, date, places, segments and home party."""
    ctx = DocContext(name=name, text=text)
    ctx.language = detect_language(text)
    ctx.date = document_date(text)
    ctx.month = document_month(text, ctx.date)
    ctx.places = find_places(text)
    _extend_place_words(text, ctx.places)
    ctx.home_country = LANGUAGE_COUNTRY.get(ctx.language or "")
    url = _address(text)
    extra = find_names(text, ctx.places, ctx.home_country, url)
    if extra:
        # A name found from the grammar replaces the gazetteer names inside it.
        spans = [(m.start, m.end) for m in extra]
        kept = [m for m in ctx.places if not any(s <= m.start and m.end <= e for s, e in spans)]
        ctx.places = sorted(kept + extra, key=lambda m: m.start)
    ctx.segments = segments(text)
    # A page with no date of its own may still say which year it is written in.
    own_year = document_year(text) if ctx.month is None else None
    ctx.dates = find_dates(text, reference=ctx.date, month=ctx.month, default_year=own_year)
    ctx._date_starts = [d.start for d in ctx.dates]
    counts: Counter[str] = Counter(
        m.place.id
        for i, m in enumerate(ctx.places)
        if m.place.kind in PARTY_KINDS
        and not is_org_part(text, m)
        and not _qualifies(text, ctx.places, i)
    )
    places = {m.place.id: m.place for m in ctx.places}
    if url:
        named = home_from_address(url, ctx.places)
        place = named.place if named else address_place(url)
        if place is not None:
            ctx.home, ctx.home_from_address = place, True
            ctx.home_country = place.country or ctx.home_country
            return ctx
    # Ties go to curated places: the documents are about the curated municipalities.
    ranked = sorted(counts, key=lambda pid: (counts[pid], places[pid].curated), reverse=True)
    # A place the text calls its partner ("our sister city programme with Kumamoto") is
    # not the place it is about, however often it is named.
    partners = _partner_marked(text, ctx.places)
    if len(ranked) > 1 and ranked[0] in partners:
        ranked = [pid for pid in ranked if pid not in partners] + [
            pid for pid in ranked if pid in partners
        ]
    if ranked and all(pid in partners for pid in ranked):
        # "The town remains twinned with Bourges and Tønsberg": every town named is a
        # partner, and the page's own town is left unnamed.
        return ctx
    if ctx.home_country is None and ranked:
        ctx.home_country = places[ranked[0]].country or None
    for pid in ranked:
        if places[pid].country == ctx.home_country:
            ctx.home = places[pid]
            break
    else:
        # No place of the language's country: a place of unknown country may be home.
        ctx.home = next((places[pid] for pid in ranked if not places[pid].country), None)
    return ctx
