"""Partnerships between two parties: sister cities, agreements, letters of intent."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from twinning.extraction import scan
from twinning.extraction.context import PARTY_KINDS, DocContext, is_org_part
from twinning.extraction.facts import Partnership
from twinning.extraction.gazetteer import PlaceMention, fold, gazetteer
from twinning.extraction.names import ascii_key
from twinning.extraction.rules.focus import focus_topics
from twinning.extraction.segments import BULLETS

# Most specific first: the first cue found in a sentence decides its kind.
_KIND_CUES: list[tuple[str, str, bool]] = [
    ("letter_of_intent", r"letters?\s+of\s+intent|\bLOI\b|hensigtserklæring\w*", True),
    ("memorandum", r"memorand\w+\s+of\s+understanding|\bMoU\b|\bMOU\b", True),
    (
        "strategic_sector_cooperation",
        r"strategic\s+sector\s+cooperation|strategisk\w*\s+sektorsamarbejde\w*",
        True,
    ),
    (
        "strategic_partnership",
        r"strategic\s+partnership\w*|strategisk\w*\s+partnerskab\w*",
        True,
    ),
    (
        "sister_city",
        r"sister[\s-]+(?:cit(?:y|ies)|town|municipalit\w+|region|province)|twin[\s-]*(?:town|cit)\w*"
        r"|twinning|venskabsby\w*|venskabskommune\w*|søsterby\w*|vänort\w*|vennskapsby\w*"
        r"|partnerstadt|städtepartnerschaft|姐妹城市|友好城市",
        True,
    ),
    ("friendship_city", r"friendship\s+cit\w+|venskabssamarbejde\w*|friendly\s+cit\w+", True),
    (
        "cooperation_agreement",
        r"co-?operation\s+agreements?|collaboration\s+agreements?|partnership\s+agreements?"
        r"|samarbejds-?\s*\n?\s*aftale\w*|samarbeidsavtale\w*|samarbetsavtal\w*"
        r"|kooperationsvereinbarung\w*|合作协议",
        True,
    ),
    (
        "other",
        r"partnership\w*|partnerskab\w*|partnered|samarbejdskommune\w*|partner\s+cit\w+"
        r"|partner\s+municipalit\w+|partnerby\w*|partnerkommune\w*",
        True,
    ),
    (
        "other",
        r"collaboration\s+(?:and\s+\w+\s+\w+\s+)?with|cooperation\s+with|co-operation\s+with"
        r"|friendly\s+dialogue\s+with|samarbejde\s+med|samarbete\s+med|samarbeid\s+med",
        False,
    ),
]
_CUE_RES = [(kind, re.compile(body.lower()), strong) for kind, body, strong in _KIND_CUES]
# The words each cue begins with: a cue is tried only where one of them occurs.
_CUE_WORDS = [
    "letter loi hensigtserklæring",
    "memorand mou",
    "strategic strategisk",
    "strategic strategisk",
    "sister twin venskabsby venskabskommune søsterby vänort vennskapsby partnerstadt "
    "städtepartnerschaft 姐妹城市 友好城市",
    "friendship venskabssamarbejde friendly",
    "co-operation cooperation collaboration partnership samarbejds samarbeidsavtale "
    "samarbetsavtal kooperationsvereinbarung 合作协议",
    "partnership partnerskab partnered samarbejdskommune partner",
    "collaboration cooperation co-operation friendly samarbejde samarbete samarbeid",
]
for _i, _words in enumerate(_CUE_WORDS):
    scan.register(f"cue:{_i}", _words, word_start=False)
# Both are searched in the lower-cased text: plain first letters let the engine skip.
_TERMINATED = re.compile(
    r"terminat\w+|opsagt|ophævet|ophørt|afbrudt|suspend\w+|ended|discontinued|cancelled|"
    r"avsluta\w*|beendet|gekündigt",
)
_SINCE_CUE = re.compile(
    r"sign\w*|indg\w+|underskr\w+|since|siden|sedan|seit|dating|established|etabler\w+|"
    r"oprett\w+|made|"
    r"entered|concluded|founded|began|started|fornye\w*|renew\w*",
)
# What may stand between two items of a list once the countries in it are blanked out:
# commas, a conjunction, and the preposition of an apposition ("Lahti i Finland, ...").
_LIST_GAP = re.compile(
    r"^[\s,;]*(?:(?:i|in|på|im|en)\s+)?[\s,;]*(?:(?:and|og|och|und|samt|&|as well as)\s*)?[\s,]*$"
)
# A heading that introduces a list: it ends with a colon, perhaps before debris.
_HEADING_END = re.compile(r"[:：][^\w\u3400-\u9fff]{0,30}$|[:：]\s*$")
_LIST_ITEM_MAX = 200
_GOVERNMENT = re.compile(
    r"(?:den|the)\s+(?:danske|danish|kinesiske|chinese|svenske|swedish|norske|norwegian|"
    r"tyske|german|finske|finnish)\s+(?:regering|government|stat)",
    re.IGNORECASE,
)
_GOV_COUNTRY = {
    "dansk": "DK",
    "danis": "DK",
    "kines": "CN",
    "chine": "CN",
    "svens": "SE",
    "swedi": "SE",
    "norsk": "NO",
    "norwe": "NO",
    "tyske": "DE",
    "germa": "DE",
    "finsk": "FI",
    "finni": "FI",
}


_QUALIFIER_GAP = re.compile(r"\s*(?:in|i|,|of)\s*")
_BRACKET_GAP = re.compile(r"\s*\(\s*")
_BRACKETED = re.compile(r"\([^)]*\)")


@dataclass
class _Party:
    name: str
    country: str
    key: str
    start: int
    end: int


def _party_name(ctx: DocContext, m: PlaceMention, mentions: list[PlaceMention]) -> str:
    """Return the party's name, qualified by a parent or alias named right after it."""
    name = ctx.text[m.start : m.end]
    if m.genitive and name.endswith(("'s", "’s")):
        name = name[:-2]
    elif m.genitive and name.endswith("s") and not m.place.name.endswith("s"):
        name = name[:-1]
    name = " ".join(name.split())
    for other in mentions:
        if other.start < m.end or other.start - m.end > 12:
            continue
        gap = ctx.text[m.end : other.start]
        if (
            _QUALIFIER_GAP.fullmatch(gap)
            and other.place.kind != "country"
            and other.place.id in gazetteer().ancestors(m.place)
        ):
            return f"{name}, {other.place.name}"
        if (
            _BRACKET_GAP.fullmatch(gap)
            and other.place.country == m.place.country
            and other.place.kind != "country"
        ):
            return f"{name} ({ctx.text[other.start : other.end]})"
    return name


def _qualifiers(ctx: DocContext, mentions: list[PlaceMention]) -> set[int]:
    """Return indexes of mentions that only qualify a neighbour (a parent or an alias)."""
    skip: set[int] = set()
    anc = gazetteer().ancestors
    for i, m in enumerate(mentions):
        for j, other in enumerate(mentions):
            if j == i or other.start < m.end or other.start - m.end > 12:
                continue
            gap = ctx.text[m.end : other.start]
            if _QUALIFIER_GAP.fullmatch(gap) and other.place.id in anc(m.place):
                skip.add(j)
            if _BRACKET_GAP.fullmatch(gap):
                skip.add(j)
    return skip


def _cue_index(text: str) -> list[list[int]]:
    """Return, for every cue pattern, the sorted start offsets of its matches in the text."""
    low = scan.lowered(text)
    index = [
        [m.start() for m in scan.match_at(pattern, low, scan.positions(text, f"cue:{i}"))]
        for i, (_, pattern, _) in enumerate(_CUE_RES)
    ]
    # The last list holds every cue of any kind, to dismiss segments without one quickly.
    index.append(sorted(at for starts in index for at in starts))
    return index


def _kind(index: list[list[int]], start: int, end: int) -> tuple[str, int, bool] | None:
    every = index[-1]
    i = bisect_left(every, start)
    if i == len(every) or every[i] >= end:
        return None  # most segments have no cue at all
    for (kind, _, strong), starts in zip(_CUE_RES, index, strict=False):
        i = bisect_left(starts, start)
        if i < len(starts) and starts[i] < end:
            return kind, starts[i], strong
    return None


def _pick_home(
    ctx: DocContext, home_side: list[PlaceMention], target: PlaceMention
) -> PlaceMention | None:
    before = [m for m in home_side if m.end <= target.start]
    after = [m for m in home_side if m.start >= target.end]
    for pool in (
        [m for m in reversed(before) if not m.genitive],
        [m for m in after if not m.genitive],
        list(reversed(before)),
        after,
    ):
        if pool:
            return pool[0]
    return None


def _list_around(ctx: DocContext, foreign: list[PlaceMention], anchor: int) -> list[PlaceMention]:
    """Return the run of foreign places written as one list next to the cue at ``anchor``."""
    if not foreign:
        return []
    nearest = min(
        range(len(foreign)),
        key=lambda i: min(abs(foreign[i].start - anchor), abs(foreign[i].end - anchor)),
    )
    countries = ctx.countries()

    def joined(a: PlaceMention, b: PlaceMention) -> bool:
        gap = ctx.text[a.end : b.start]
        for c in countries:
            if c.start >= a.end and c.end <= b.start:
                gap = gap.replace(ctx.text[c.start : c.end], " ")
        gap = _BRACKETED.sub(" ", gap)
        return bool(_LIST_GAP.match(gap))

    lo = hi = nearest
    while lo > 0 and joined(foreign[lo - 1], foreign[lo]):
        lo -= 1
    while hi + 1 < len(foreign) and joined(foreign[hi], foreign[hi + 1]):
        hi += 1
    return foreign[lo : hi + 1]


def extract_partnerships(ctx: DocContext) -> list[Partnership]:
    """Return one partnership per pair of parties, with its clearest evidence."""
    text = ctx.text
    best: dict[tuple[str, str], Partnership] = {}
    strength: dict[tuple[str, str], int] = {}
    doc_focus = focus_topics(text)
    cues = _cue_index(text)
    items = _list_items(ctx, cues)
    for index, seg in enumerate(ctx.segments):
        cue = _kind(cues, seg.start, seg.end)
        heading = items.get(index)
        if cue is None and heading is not None:
            # An item of a list takes its kind from the heading above it.
            kind, _, strong = heading[0]
            cue = (kind, seg.start, strong)
        if cue is None:
            continue
        seg_text = text[seg.start : seg.end]
        kind, cue_at, strong = cue
        mentions = [m for m in ctx.places_in(seg.start, seg.end) if not is_org_part(text, m)]
        skip = _qualifiers(ctx, mentions)
        parties = [m for i, m in enumerate(mentions) if i not in skip]
        if heading is not None:
            parties = heading[1] + parties
        pairs: list[tuple[_Party, _Party]] = []
        pairs += _possessive_pairs(ctx, parties, cue_at)
        if not pairs:
            pairs += _government_pairs(ctx, seg.start, seg.end, parties, cue_at)
        if not pairs:
            pairs += _home_pairs(ctx, parties, mentions, cue_at, strong)
        if not pairs:
            continue
        status, ended = "active", None
        low = scan.lowered(text)
        if _TERMINATED.search(low, seg.start, seg.end):
            status = "terminated"
            dates = ctx.dates_in(seg.start, seg.end)
            full = [d for d in dates if d.precision == "day"] or dates
            ended = full[-1].value if full else None
        since = None
        # A year in a list item ("Rakvere i Estland 1990") is the year the tie began.
        if status == "active" and (
            heading is not None or _SINCE_CUE.search(low, seg.start, seg.end)
        ):
            for d in ctx.dates_in(seg.start, seg.end):
                if d.form != "yrange" and d.has_year:
                    since = d.value
                    break
        rank = {"other": 1}.get(kind, 2) + (1 if strong else 0)
        for a, b in pairs:
            key = (a.key, b.key)
            # An equally strong statement that says since when replaces one that does not.
            dated = since is not None and key in best and best[key].since is None
            if key in best and strength[key] >= rank and not (dated and strength[key] == rank):
                continue
            if any(k[1] == key[1] and strength[k] >= rank for k in best if k != key):
                continue
            focus = [t for t in focus_topics(text, seg.start, seg.end) if t in doc_focus]
            best[key] = Partnership(
                start=seg.start,
                end=seg.end,
                evidence=seg_text,
                a=a.name,
                a_country=a.country,
                b=b.name,
                b_country=b.country,
                relation=kind,
                since=since,
                status=status,
                ended=ended,
                focus=focus,
            )
            strength[key] = rank
    kept = _prune(list(best.values()), list(best))
    _date_from_later_statements(ctx, kept)
    return kept


# Matched on the lower-cased text, where plain first letters let the regex engine skip.
_AGREEMENT_NOUN = re.compile(
    r"agreement|memorand\w+|letter\s+of\s+intent|aftale\w*|hensigtserklæring\w*|"
    r"avtal\w*|vereinbarung\w*|partnership|partnerskab\w*"
)


def _date_from_later_statements(ctx: DocContext, found: list[Partnership]) -> None:
    """Fill in ``since`` from a sentence that dates an agreement without naming another
    party: "The memorandum was signed on 6 May 2019 at the city hall."
    """
    undated = [p for p in found if p.since is None and p.status == "active"]
    if not undated:
        return
    text = ctx.text
    seg_starts = [seg.start for seg in ctx.segments]
    chosen: list[int] = []
    for m in _AGREEMENT_NOUN.finditer(scan.lowered(text)):
        i = bisect_left(seg_starts, m.start() + 1) - 1
        if i >= 0 and m.start() < ctx.segments[i].end and (not chosen or chosen[-1] != i):
            chosen.append(i)
    for i in chosen:
        seg = ctx.segments[i]
        if not _SINCE_CUE.search(scan.lowered(text), seg.start, seg.end):
            continue
        dates = [d for d in ctx.dates_in(seg.start, seg.end) if d.form != "yrange" and d.has_year]
        if not dates:
            continue
        named = {
            fold(text[m.start : m.end])
            for m in ctx.places_in(seg.start, seg.end)
            if m.place.kind in PARTY_KINDS
        }
        # The sentence must be about one partnership: the parties it names are that
        # partnership's, or it names none and the document has only one.
        fits = [
            p
            for p in undated
            if p.since is None
            and p.start < seg.start
            and all(any(n.startswith(fold(x.split(",")[0])) for x in (p.a, p.b)) for n in named)
        ]
        if len(fits) == 1 and (named or len(found) == 1):
            fits[0].since = dates[0].value


def _prune(found: list[Partnership], keys: list[tuple[str, str]]) -> list[Partnership]:
    """Drop pairs that a more specific pair of the same document already covers."""
    places = gazetteer().places
    anc = gazetteer().ancestors
    kept: list[Partnership] = []
    kept_keys: list[tuple[str, str]] = []
    for p, (a, b) in zip(found, keys, strict=True):
        b_place = places.get(b)
        # The parent of a partner ("Nanjing" next to "Qixia district, Nanjing").
        if any(
            a2 == a and b_place and b2 != b and b in anc(places[b2])
            for a2, b2 in keys
            if b2 in places
        ):
            continue
        # A member of a group partnering with the same party ("Frederikssund" in Bycirklen).
        if any(b2 == b and a in places[a2].members for a2, b2 in keys if a2 in places):
            continue
        # One local partner per foreign party: the first, strongest statement wins.
        if any(b2 == b for _, b2 in kept_keys):
            continue
        kept.append(p)
        kept_keys.append((a, b))
    return kept


def _as_party(ctx: DocContext, m: PlaceMention, mentions: list[PlaceMention]) -> _Party:
    return _Party(_party_name(ctx, m, mentions), m.place.country, m.place.id, m.start, m.end)


def _list_items(
    ctx: DocContext, cues: list[list[int]]
) -> dict[int, tuple[tuple[str, int, bool], list[PlaceMention]]]:
    """Return the segments that are items of a list under a heading with a cue.

    "Sorø Kommune har 4 venskabsbyer:" followed by one town per line, or a bulleted
    list of "Rakvere i Estland sedan 1990." items: each item is read as if it said the
    heading's words. The value holds the heading's cue and its home-side places.
    """
    text = ctx.text
    out: dict[int, tuple[tuple[str, int, bool], list[PlaceMention]]] = {}
    segs = ctx.segments
    for i, seg in enumerate(segs):
        bulleted = i + 1 < len(segs) and _bullet_before(text, segs[i + 1].start)
        if not bulleted and not _HEADING_END.search(text[seg.start : seg.end]):
            continue
        cue = _kind(cues, seg.start, seg.end)
        if cue is None:
            continue
        home_side = [
            m
            for m in ctx.places_in(seg.start, seg.end)
            if m.place.kind in PARTY_KINDS
            and (_is_home(ctx, m) or m.place.country == ctx.home_country)
        ]
        for j in range(i + 1, min(len(segs), i + 40)):
            item = segs[j]
            if item.end - item.start > _LIST_ITEM_MAX:
                break
            places = [m for m in ctx.places_in(item.start, item.end) if m.place.kind != "country"]
            if not places:
                break
            if _kind(cues, item.start, item.end) is not None:
                continue
            out[j] = (cue, home_side)
    return out


def _bullet_before(text: str, start: int) -> bool:
    """Return True when the segment at ``start`` is a bulleted line."""
    line = text.rfind("\n", 0, start) + 1
    return any(c in BULLETS for c in text[line:start])


def _is_home(ctx: DocContext, m: PlaceMention) -> bool:
    home = ctx.home
    if home is None:
        return False
    return m.place.id == home.id or ascii_key(m.place.name) == ascii_key(home.name)


def _home_pairs(
    ctx: DocContext,
    parties: list[PlaceMention],
    mentions: list[PlaceMention],
    cue_at: int,
    strong: bool,
) -> list[tuple[_Party, _Party]]:
    candidates = [m for m in parties if m.place.kind in PARTY_KINDS]
    if ctx.home_from_address:
        # The page belongs to its place: every other place listed with the cue is a
        # partner, a neighbour of the same country as much as a foreign town.
        home_side = [m for m in candidates if _is_home(ctx, m)]
        foreign = [m for m in candidates if not _is_home(ctx, m)]
        if not home_side:
            home_side = [
                m for m in foreign if m.place.country == ctx.home_country and m.start < cue_at
            ]
            run = _list_around(ctx, foreign, cue_at) if foreign else []
            home_side = [m for m in home_side if m not in run]
            foreign = [m for m in foreign if m not in home_side]
    else:
        home_side = [m for m in candidates if m.place.country == ctx.home_country]
        foreign = [m for m in candidates if m.place.country != ctx.home_country]
    if not strong:
        foreign = [m for m in foreign if m.start >= cue_at]
    chosen = _list_around(ctx, foreign, cue_at)
    pairs = []
    for b in chosen:
        a = _pick_home(ctx, home_side, b)
        if a is not None:
            a_party = _as_party(ctx, a, mentions)
        elif ctx.home is not None:
            a_party = _Party(ctx.home.name, ctx.home.country, ctx.home.id, -1, -1)
        else:
            continue
        if a_party.key == b.place.id or a_party.name == _party_name(ctx, b, mentions):
            continue
        pairs.append((a_party, _as_party(ctx, b, mentions)))
    return pairs


def _possessive_pairs(
    ctx: DocContext, parties: list[PlaceMention], cue_at: int
) -> list[tuple[_Party, _Party]]:
    """Return the pair in "X's partner city Y" constructions."""
    for i, m in enumerate(parties):
        if not m.genitive or m.place.kind not in PARTY_KINDS or not 0 <= cue_at - m.end <= 30:
            continue
        for other in parties[i + 1 :]:
            if (
                other.start > cue_at
                and other.start - cue_at <= 60
                and other.place.kind in (PARTY_KINDS)
                and other.place.id != m.place.id
            ):
                return [(_as_party(ctx, m, parties), _as_party(ctx, other, parties))]
    return []


def _government_pairs(
    ctx: DocContext, start: int, end: int, parties: list[PlaceMention], cue_at: int
) -> list[tuple[_Party, _Party]]:
    gov = _GOVERNMENT.search(ctx.text, start, end)
    if gov is None:
        return []
    adjective = gov.group(0).split()[1].lower()[:5]
    country = _GOV_COUNTRY.get(adjective)
    for m in ctx.places_in(start, end):
        if m.place.kind == "country" and m.start > cue_at and m.place.country != country:
            a = _Party(
                " ".join(gov.group(0).split()),
                country or "",
                f"gov-{country}",
                gov.start(),
                gov.end(),
            )
            b = _Party(ctx.text[m.start : m.end], m.place.country, m.place.id, m.start, m.end)
            return [(a, b)]
    return []
