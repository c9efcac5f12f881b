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
from twinning.extraction.world import world_place

# Most specific first: the first cue found in a sentence decides its kind.
_KIND_CUES: list[tuple[str, str, bool]] = [
    (
        "letter_of_intent",
        r"letters?\s+of\s+intent|\bLOI\b|hensigtserklæring\w*|absichtserklärung\w*"
        r"|intensjonsavtale\w*|avsiktsförklaring\w*|意向书",
        True,
    ),
    (
        "memorandum",
        r"memorand\w+\s+of\s+understanding|\bMoU\b|\bMOU\b|备忘录",
        True,
    ),
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
    # Ties that are vaguer than a twinning: "cousin towns", 友好交流城市, 友好关系城市.
    (
        "other",
        r"cousin[\s-]+(?:twin[\s-]+)?(?:town|cit)\w*|友好交流城市|友好关系城市|友好合作关系",
        True,
    ),
    (
        "sister_city",
        r"sister[\s-]+(?:cit(?:y|ies)|town|municipalit\w+|region|province)|twin[\s-]*(?:town|cit)\w*"
        r"|twinning|twinned|to\s+twin\b|venskabsbånd\w*|vennskapsband\w*|vänortsband\w*|venskabsby\w*|venskabskommune\w*|søsterby\w*|vänort\w*|vänstad\w*"
        r"|vennskapsby\w*|vennskapskommune\w*|partnerstadt|partnerstädte\w*"
        r"|städtepartnerschaft\w*|partnerschaftsvertr\w*|partnerschaftsurkunde\w*|姐妹城市",
        True,
    ),
    (
        "friendship_city",
        r"friendship\s+cit\w+|friendship\s+agreement\w*|venskabssamarbejde\w*"
        r"|friendly\s+cit\w+|友好城市|友城",
        True,
    ),
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
        r"|partner\s+municipalit\w+|partnerby\w*|partnerkommune\w*|partnerschaft\w*"
        r"|partnerskap\w*|freundschaftsbeziehung\w*|freundschaftliche\s+beziehung\w*",
        True,
    ),
    (
        "other",
        r"collaboration\s+(?:and\s+\w+\s+\w+\s+)?with|cooperation\s+with|co-operation\s+with"
        r"|friendly\s+dialogue\s+with|samarbejde[tr]?\s+med|samarbete[tr]?\s+med"
        r"|samarbeid(?:et|er)?\s+med|zusammenarbeit\s+mit",
        False,
    ),
]
_CUE_RES = [(kind, re.compile(body.lower()), strong) for kind, body, strong in _KIND_CUES]
# The words each cue begins with: a cue is tried only where one of them occurs.
_CUE_WORDS = [
    "letter loi hensigtserklæring absichtserklärung intensjonsavtale avsiktsförklaring 意向书",
    "memorand mou 备忘录",
    "strategic strategisk",
    "strategic strategisk",
    "cousin 友好交流城市 友好关系城市 友好合作关系",
    "sister twin to venskabsbånd vennskapsband vänortsband venskabsby venskabskommune søsterby "
    "vänort vänstad vennskapsby "
    "vennskapskommune partnerstadt partnerstädte städtepartnerschaft partnerschaftsvertr "
    "partnerschaftsurkunde 姐妹城市",
    "friendship venskabssamarbejde friendly 友好城市 友城",
    "co-operation cooperation collaboration partnership samarbejds samarbeidsavtale "
    "samarbetsavtal kooperationsvereinbarung 合作协议",
    "partnership partnerskab partnered samarbejdskommune partner partnerschaft partnerskap "
    "freundschaftsbeziehung freundschaftliche",
    "collaboration cooperation co-operation friendly samarbejde samarbete samarbeid zusammenarbeit",
]
for _i, _words in enumerate(_CUE_WORDS):
    scan.register(f"cue:{_i}", _words, word_start=False)
# Both are searched in the lower-cased text: plain first letters let the engine skip.
# Words of ending, per language: ended, or announced to end.
_TERMINATED = re.compile(
    r"terminat\w+|opsagt|opsagde|opsige\w*|ophævet|ophæve|ophørt|ophøre\w*|afbrudt|"
    r"tidligere\s+venskabsby\w*|forhenværende|ended|\bend\s+(?:all\s+)?(?:its|the|their)\s+"
    r"(?:links?|twinning|relationship|partnership)|discontinued|cancelled|dropp\w+\s+(?:its|the)"
    r"|avsluta\w*|avslutt\w*|sagt\s+opp|upphör\w*|beendet|beenden|gekündigt|aufgelöst|"
    r"终止|解除",
)
# Words that leave a tie's state open: suspended, inactive, proposed, considered.
_UNSETTLED = re.compile(
    r"suspend\w+|ausgesetzt|aussetz\w*|suspender\w*|inaktiv\w*|inactive|dormant|"
    r"propos\w+|considerat\w+|considering|consider\s+establishing|"
    r"anbefales\s+ikke|ikke\s+direkte\s+videreført|forslag\s+om|foreslå\w*|"
    r"planned|planlagt|geplant|angestrebt|暂停|拟",
)
_NEGATION = re.compile(
    r"(?:\bnot\b|\bnicht\b|\bkein\w*|\bikke\b|\bikkje\b|\binte\b|\bnever\b|\bno\b|不|未)"
)
_SINCE_CUE = re.compile(
    r"sign\w*|indg\w+|underskr\w+|since|siden|sidan|sedan|seit|dating|established|etabler\w+|"
    r"oprett\w+|made|签|缔结|建立|以来|\bfik\b|\bfick\b|\bfikk\b|became|\bblev\b|\bble\b|"
    r"wurde|成为|结为|结成|"
    r"entered|concluded|founded|began|started|fornye\w*|renew\w*",
)
# What may stand between two items of a list once the countries in it are blanked out:
# commas, a conjunction, and the preposition of an apposition ("Lahti i Finland, ...").
_LIST_GAP = re.compile(
    r"^[\s,;]*(?:(?:kommune|kommun|municipality)\s+)?"
    r"(?:(?:i|in|på|im|en)\s+(?:[A-ZÆØÅ]\w+\s*)?)?[\s,;]*"
    r"(?:(?:and|og|och|und|samt|&|as well as|、|和|与|及)\s*)?[\s,]*"
    r"(?:(?:zum|zur|zu|mit|with|to|med|til|the)\s+)?(?:\w+(?:schen|ske|ish|ese)\s+)?"
    r"(?:(?:stadt|town|city|village|by|byen)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
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


_CJK = re.compile(r"[\u3400-\u9fff]")
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


_LOCATIVE_BEFORE = re.compile(
    r"(?:near|nær|nära|bei|nahe|close\s+to|outside|(?:north|south|east|west)\s+of|"
    r"(?:nord|syd|øst|vest|norr|söder|öster|väster)\s+(?:for|om))[ \t]+$",
    re.IGNORECASE,
)
_OF_GAP = re.compile(r"[ \t]+of[ \t]+")
_TOWN_KINDS = frozenset({"municipality", "city", "group"})


def _qualifiers(ctx: DocContext, mentions: list[PlaceMention]) -> set[int]:
    """Return indexes of mentions that only qualify a neighbour (a parent or an alias).

    "Qingdao in Shandong", "Sunnyvale of California", "Jyväskylä (Finnland)", "near
    Dijon", and in Chinese a higher unit written right before its town ("海南省三亚市").
    """
    skip: set[int] = set()
    anc = gazetteer().ancestors
    text = ctx.text
    for j, m in enumerate(mentions):
        if _LOCATIVE_BEFORE.search(text[max(0, m.start - 25) : m.start]):
            skip.add(j)
        if j + 1 < len(mentions) and m.end == mentions[j + 1].start and _CJK.match(m.surface):
            skip.add(j)
    for i, m in enumerate(mentions):
        for j, other in enumerate(mentions):
            if j == i or other.start < m.end or other.start - m.end > 12:
                continue
            gap = ctx.text[m.end : other.start]
            if _QUALIFIER_GAP.fullmatch(gap) and other.place.id in anc(m.place):
                skip.add(j)
            if _OF_GAP.fullmatch(gap) and other.place.kind not in _TOWN_KINDS:
                skip.add(j)
            # "Dongfang City, Hainan Province": a province after a town places it.
            if (
                _QUALIFIER_GAP.fullmatch(gap)
                and m.place.kind in _TOWN_KINDS
                and other.place.kind not in _TOWN_KINDS
                and other.place.country in (m.place.country, "")
            ):
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


def _kinds(index: list[list[int]], start: int, end: int) -> list[tuple[str, int, bool]]:
    """Return every cue in ``[start, end)`` in text order, the most specific at a place."""
    every = index[-1]
    i = bisect_left(every, start)
    if i == len(every) or every[i] >= end:
        return []
    found: dict[int, tuple[str, int, bool]] = {}
    for (kind, _, strong), starts in zip(_CUE_RES, index, strict=False):
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            found.setdefault(starts[i], (kind, starts[i], strong))
            i += 1
    # A cue inside a longer one ("partnership" in "partnership agreement") adds nothing.
    out: list[tuple[str, int, bool]] = []
    for at in sorted(found):
        if out and at - out[-1][1] < 12:
            continue
        out.append(found[at])
    return out


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


_BOTH_TOWNS = re.compile(
    r"两市|两城|双方城市|the\s+two\s+(?:cities|towns|municipalities)|both\s+(?:cities|towns)|"
    r"begge\s+(?:byer|byene|kommuner|kommunene)|de\s+to\s+(?:byer|kommuner)|"
    r"båda\s+(?:städerna|kommunerna)|de\s+två\s+(?:städerna|kommunerna)|"
    r"die\s+beiden\s+(?:städte|gemeinden)|beide\s+(?:städte|gemeinden)"
)


def extract_partnerships(ctx: DocContext) -> list[Partnership]:
    """Return one partnership per pair of parties, with its clearest evidence."""
    text = ctx.text
    best: dict[tuple[str, str], Partnership] = {}
    strength: dict[tuple[str, str], int] = {}
    doc_focus = focus_topics(text)
    cues = _cue_index(text)
    items = _list_items(ctx, cues)
    # Lists of partners that name foreign towns: a town of the home country in one is a
    # partner too, while a list of towns of one country names a group's members.
    foreign_lists = {
        heading[0]
        for j, heading in items.items()
        if any(
            m.place.country and m.place.country != ctx.home_country
            for m in ctx.places_in(ctx.segments[j].start, ctx.segments[j].end)
            if m.place.kind in PARTY_KINDS
        )
    }
    low = scan.lowered(text)
    recent: tuple[int, tuple[str, int, bool]] | None = None
    for index, seg in enumerate(ctx.segments):
        found_cues = _kinds(cues, seg.start, seg.end)
        if found_cues:
            recent = (index, found_cues[0])
        heading = items.get(index)
        if not found_cues and heading is not None:
            # An item of a list takes its kind from the heading above it.
            kind, _, strong = heading[0]
            found_cues = [(kind, seg.start, strong)]
        versus = False
        # "They are: Sunnyvale of California vs. Anqing of Anhui, ...": a list of pairs
        # after the sentence that says what they signed.
        near = recent is not None and index - recent[0] <= 3
        if not found_cues and near and _VERSUS.search(text, seg.start, seg.end):
            kind, _, strong = recent[1]
            found_cues = [(kind, seg.start, strong)]
            versus = True
        # "I 1979 kom Nittedal i Norge til": a town joining the ties just told about.
        joined = False
        if not found_cues and near and _JOINED.search(low, seg.start, seg.end):
            kind, _, strong = recent[1]
            # Each town may join in its own year: read the segment once per town.
            towns = [m for m in ctx.places_in(seg.start, seg.end) if m.place.kind in PARTY_KINDS]
            found_cues = [(kind, m.start, strong) for m in towns] or [(kind, seg.start, strong)]
            joined = True
        if not found_cues:
            continue
        ev_start = seg.start
        mentions = [m for m in ctx.places_in(seg.start, seg.end) if not is_org_part(text, m)]
        if index and not mentions and _BOTH_TOWNS.search(low, seg.start, seg.end):
            # "两市于1984年结为友好城市", "The two cities have been twinned since 1984": the
            # pair the sentence before names.
            prev = ctx.segments[index - 1]
            mentions = [
                m
                for m in ctx.places_in(prev.start, prev.end)
                if m.place.kind in PARTY_KINDS and not is_org_part(text, m)
            ]
            if len(mentions) != 2 or mentions[0].place.country == mentions[1].place.country:
                mentions = []
            else:
                ev_start = prev.start  # the evidence holds both sentences
        skip = _qualifiers(ctx, mentions)
        parties = [m for i, m in enumerate(mentions) if i not in skip]
        item_pair = None
        if heading is not None and heading[0] in foreign_lists:
            item_pair = _item_pair(ctx, heading[1], parties, mentions)
            parties = heading[1] + parties
        candidates: list[tuple[str, bool, tuple[_Party, _Party]]] = []
        for kind, cue_at, strong in found_cues:
            pairs = (
                _versus_pairs(ctx, parties)
                or _semicolon_pairs(ctx, parties)
                or _respective_pairs(ctx, parties, seg.end)
            )
            if not pairs and heading is not None and item_pair is not None:
                pairs = [item_pair]
            if not pairs and not versus:
                pairs = _pairs_at(ctx, seg.start, seg.end, parties, mentions, cue_at, strong)
            candidates += [(kind, strong, pair) for pair in pairs]
        if not candidates:
            continue
        status, ended, reason = _status(ctx, seg.start, seg.end)
        since = None
        # A year in a list item ("Rakvere i Estland 1990") is the year the tie began.
        if status == "active" and (
            heading is not None or _SINCE_CUE.search(low, seg.start, seg.end)
        ):
            for d in ctx.dates_in(seg.start, seg.end):
                if d.form != "yrange" and d.has_year:
                    since = d.value
                    break
        for kind, strong, pair in candidates:
            _keep(
                ctx,
                best,
                strength,
                text[ev_start : seg.end],
                ev_start,
                seg.end,
                kind,
                strong,
                pair,
                _year_before(ctx, seg.start, pair[1].start) if joined else since,
                (status, ended, reason),
                doc_focus,
            )
    kept = _prune(list(best.values()), list(best))
    _still_to_sign(ctx, kept)
    _ended_elsewhere(ctx, kept)
    _since_from_jubilee(ctx, kept)
    _date_from_later_statements(ctx, kept)
    _agreement_terms(ctx, kept)
    return kept


def _pairs_at(
    ctx: DocContext,
    start: int,
    end: int,
    parties: list[PlaceMention],
    mentions: list[PlaceMention],
    cue_at: int,
    strong: bool,
) -> list[tuple[_Party, _Party]]:
    """Return the pairs that the cue at ``cue_at`` states in the segment."""
    pairs = _possessive_pairs(ctx, parties, cue_at)
    if not pairs:
        pairs = _government_pairs(ctx, start, end, parties, cue_at)
    if not pairs:
        pairs = _coordinated_pair(ctx, parties, cue_at)
    if not pairs:
        pairs = _home_pairs(ctx, parties, mentions, cue_at, strong)
    return pairs


def _status(ctx: DocContext, start: int, end: int) -> tuple[str, str | None, str]:
    """Return the status a segment gives its ties, with the end date when ended.

    Ended or announced to end: terminated. Suspended, inactive, proposed or under
    consideration: unknown. A negated word ("nicht beenden") says nothing.
    """
    low = scan.lowered(ctx.text)
    for pattern, status in ((_TERMINATED, "terminated"), (_UNSETTLED, "unknown")):
        for m in pattern.finditer(low, start, end):
            if _NEGATION.search(low, max(start, m.start() - 45), m.start()):
                continue
            reason = " ".join(ctx.text[m.start() : m.end()].split())
            if status == "terminated":
                dates = ctx.dates_in(start, end)
                full = [d for d in dates if d.precision == "day"] or dates
                return status, full[-1].value if full else None, reason
            return status, None, reason
    return "active", None, ""


def _keep(
    ctx: DocContext,
    best: dict[tuple[str, str], Partnership],
    strength: dict[tuple[str, str], int],
    seg_text: str,
    start: int,
    end: int,
    kind: str,
    strong: bool,
    pair: tuple[_Party, _Party],
    since: str | None,
    state: tuple[str, str | None, str],
    doc_focus: list[str],
) -> None:
    """Record a pair unless a stronger statement of it is already kept."""
    text = ctx.text
    a, b = pair
    status, ended, reason = state
    # A twinning outranks an instrument signed between the same pair (a memorandum beside
    # a friendship city link is a happening of that link).
    rank = {"other": 1, "memorandum": 2, "letter_of_intent": 2}.get(kind, 3) + (1 if strong else 0)
    key = (a.key, b.key)
    # An equally strong statement that says since when replaces one that does not.
    dated = since is not None and key in best and best[key].since is None
    # An ending is the news about a tie told earlier as it stands ("is twinned with
    # Netanya ... agreed to end the twinning with Netanya"): it replaces that statement.
    ends = key in best and status == "terminated" and best[key].status == "active"
    if key in best and best[key].status == "terminated" and status != "terminated":
        # The ended tie stands; a sentence telling how it began only dates it.
        if best[key].since is None and since is not None:
            best[key].since = since
        return
    if ends:
        kind = best[key].relation if strength[key] > rank else kind
        rank = max(rank, strength[key])
        since = since or best[key].since
    if key in best and not ends and strength[key] >= rank and not (dated and strength[key] == rank):
        return
    if any(k[1] == key[1] and strength[k] >= rank for k in best if k != key):
        return
    focus = [t for t in focus_topics(text, start, end) if t in doc_focus]
    best[key] = Partnership(
        start=start,
        end=end,
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
        status_reason=reason,
        a_place=_place_id(a),
        b_place=_place_id(b),
    )
    strength[key] = rank


def _place_id(party: _Party) -> str | None:
    """Return the gazetteer id of a party: the engine's own, or the world gazetteer's
    GeoNames id for a place only the text revealed; None when neither knows it."""
    if party.key.startswith("gov-"):
        return None
    if not party.key.startswith("text-"):
        return party.key
    known = world_place(party.name, party.country or None)
    return known.id if known is not None else None


_CJK_AGREEMENT = re.compile(r"协议|备忘录|意向书|协定|vertrag|charter|urkunde|avtale")
_NUMBER_WORDS = {
    w: n
    for n, words in enumerate(
        [
            "",
            "one en et ein eine ett",
            "two to zwei två",
            "three tre drei",
            "four fire vier fyra",
            "five fem fünf",
            "six seks sechs sex",
            "seven syv sju sieben",
            "eight otte åtte acht åtta",
            "nine ni neun nio",
            "ten ti zehn tio",
        ]
    )
    for w in words.split()
}
_CJK_NUMBERS = {c: i for i, c in enumerate("〇一二三四五六七八九十")} | {"两": 2}
_NUMBER = r"(\d{1,2}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
# "for a period of five years", "gælder i fem år", "femårig", "für fünf Jahre", "为期五年".
_TERM = re.compile(
    rf"(?:for|in|i|på|für|gælder|gäller|gilder|gilt|løber|runs|period\s+of|term\s+of)\s+"
    rf"(?:a\s+(?:period|term)\s+of\s+)?{_NUMBER}[\s-]+(?:years?|år|jahre?n?)\b|"
    rf"\b{_NUMBER}[\s-]*(?:year|årig\w*|jährig\w*)\b|为期([一二三四五六七八九十两\d]+)年"
)
_TACIT = re.compile(
    r"automatic\w*\s+renew\w*|renew\w*\s+automatic\w*|tacit\w*|stiltiende|"
    r"forlænges\s+automatisk|fornyes\s+automatisk|automatisk\s+(?:forlæng|forny|förläng|fornye)\w*|"
    r"förlängs\s+automatiskt|verlängert\s+sich\s+automatisch|stillschweigend|自动延续|自动续"
)
_NOTICE = re.compile(
    rf"{_NUMBER}\s+(?:months?|måneders?|månaders?|monate?n?)['’]?s?\s+"
    rf"(?:written\s+)?(?:notice|varsel|opsigelse\w*|uppsägning\w*|kündigung\w*)|"
    rf"(?:notice|varsel|kündigungsfrist)\s+of\s+{_NUMBER}\s+months?|"
    rf"提前([一二三四五六七八九十两\d]+)个月"
)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if word in _CJK_NUMBERS:
        return _CJK_NUMBERS[word]
    return None


def _agreement_terms(ctx: DocContext, found: list[Partnership]) -> None:
    """Give each partnership the term, tacit renewal and notice its agreement states."""
    if not found:
        return
    low = scan.lowered(ctx.text)
    segs = ctx.segments
    seg_starts = [seg.start for seg in segs]

    def owner(m: re.Match[str]) -> Partnership | None:
        # The statement must be about an agreement, and about this one: in the same
        # sentence as the partnership, or in a text that states only one.
        i = bisect_left(seg_starts, m.start() + 1) - 1
        lo, hi = (segs[i].start, segs[i].end) if i >= 0 else (m.start(), m.end())
        lo, hi = min(lo, max(0, m.start() - 40)), max(hi, m.end() + 40)
        if not _AGREEMENT_NOUN.search(low, lo, hi) and not _CJK_AGREEMENT.search(low, lo, hi):
            return None
        inside = [p for p in found if p.start <= m.start() < p.end]
        if inside:
            return inside[0]
        return found[0] if len(found) == 1 else None

    for m in _TERM.finditer(low):
        value = _number(next(g for g in m.groups() if g))
        p = owner(m)
        if p is not None and value and 0 < value <= 50:
            p.term_years = p.term_years or value
    for m in _TACIT.finditer(low):
        p = owner(m)
        if p is not None and not _NEGATION.search(low, max(0, m.start() - 30), m.start()):
            p.tacit_renewal = True
    for m in _NOTICE.finditer(low):
        value = _number(next(g for g in m.groups() if g))
        p = owner(m)
        if p is not None and value and 0 < value <= 36:
            p.notice_months = p.notice_months or value


# Matched on the lower-cased text, where plain first letters let the regex engine skip.
_AGREEMENT_NOUN = re.compile(
    r"agreement|memorand\w+|letter\s+of\s+intent|aftale\w*|hensigtserklæring\w*|"
    r"avtal\w*|vereinbarung\w*|partnership|partnerskab\w*|partnerschaft\w*|twinning|"
    r"venskab\w*|vennskap\w*|vänort\w*|友好城市|友城"
)


def _segments_matching(ctx: DocContext, pattern: re.Pattern[str]) -> list:
    """Return the segments in which ``pattern`` matches, each once, in text order."""
    low = scan.lowered(ctx.text)
    starts = [seg.start for seg in ctx.segments]
    out = []
    for m in pattern.finditer(low):
        i = bisect_left(starts, m.start() + 1) - 1
        if (
            i >= 0
            and m.start() < ctx.segments[i].end
            and (not out or out[-1] is not ctx.segments[i])
        ):
            out.append(ctx.segments[i])
    return out


def _ended_elsewhere(ctx: DocContext, found: list[Partnership]) -> None:
    """End a tie that a sentence without its home party says is ended.

    "Byrådet har besluttet at opsige venskabsbysamarbejdet med Murmansk." names only the
    partner; the tie with Murmansk stated elsewhere on the page is the one ended.
    """
    active = [p for p in found if p.status == "active"]
    if not active:
        return
    for seg in _segments_matching(ctx, _TERMINATED):
        status, ended, reason = _status(ctx, seg.start, seg.end)
        if status != "terminated":
            continue
        text = fold(ctx.text[seg.start : seg.end])
        named = [p for p in active if fold(p.b.split(",")[0]) in text]
        if len(named) == 1 and not any(p.start <= seg.start < p.end for p in found):
            p = named[0]
            p.status, p.ended, p.status_reason = "terminated", ended, reason
            active.remove(p)


# "40 års venskab", "the 20th anniversary", "25 Jahre bestehenden", "缔结友好城市25周年":
# how old a tie is, from which the year it began follows.
_JUBILEE = re.compile(
    # Every form begins with a digit or "marks": other positions fail at once.
    r"(?=[\dm])(?:(?<![\d.])(?P<n>[1-9]\d?)(?:\s*-\s*|\s*)(?:års?|år)\s*(?:-\s*)?(?:jubil\w*|venskab\w*|"
    r"vennskap\w*|vänskap\w*|venskabsby\w*|vennskapsby\w*|vänort\w*|samarbejde\w*|samarbeid\w*|"
    r"samarbete\w*|fødselsdag|bursdag)"
    r"|(?<![\d.])(?P<n2>[1-9]\d?)(?:st|nd|rd|th)\s+anniversary"
    r"|marks\s+(?P<n3>[1-9]\d?)\s+years|(?<![\d.])(?P<n4>[1-9]\d?)\s+years\s+(?:of|since)\b"
    r"|(?<![\d.])(?P<n5>[1-9]\d?)\.?\s*(?:jahrestag|jähri\w*|jahre\s+(?:bestehend\w*|"
    r"partnerschaft|freundschaft|städtepartnerschaft))"
    r"|(?P<n6>[1-9]\d?)\s*周年)"
)


def _since_from_jubilee(ctx: DocContext, found: list[Partnership]) -> None:
    """Date a tie's beginning from its age in a dated text ("40 års venskab" in 2024).

    The year counted from is one the sentence gives, or else the page's own year. The
    sentence must name both parties of one tie, or be that tie's own sentence.
    """
    low = scan.lowered(ctx.text)
    own = (ctx.month or "")[:4]
    for seg in _segments_matching(ctx, _JUBILEE):
        m = _JUBILEE.search(low, seg.start, seg.end)
        if m is None:
            continue
        age = int(next(g for g in m.groupdict().values() if g))
        years = [
            d.value[:4]
            for d in ctx.dates_in(seg.start, seg.end)
            if d.has_year and d.form not in ("yrange",) and not (d.start <= m.start() < d.end)
        ]
        base = years[0] if years else own
        if not base:
            continue
        text = fold(ctx.text[seg.start : seg.end])
        fits = [
            p
            for p in found
            if p.since is None
            and (
                (p.start <= seg.start < p.end)
                or all(fold(x.split(",")[0]) in text for x in (p.a, p.b))
            )
        ]
        if len(fits) == 1:
            fits[0].since = f"{int(base) - age:04d}"


# A signing still to come: "Aftalen skal underskrives den 15. september", "will be signed".
_TO_BE_SIGNED = re.compile(
    r"skal\s+underskrives|vil\s+blive\s+underskrevet|skal\s+(?:signeres|undertegnes)|"
    r"ska\s+(?:undertecknas|skrivas\s+under)|kommer\s+att\s+undertecknas|"
    r"(?:will|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to)\s+be\s+signed|"
    r"unterzeichnet\s+werden\s+soll|soll\s+[^.]{0,40}unterzeichnet\s+werden|"
    r"wird\s+[^.]{0,40}unterzeichnet\s+werden|将(?:于[^。]{0,12})?签署|拟(?:于[^。]{0,12})?签署"
)


def _still_to_sign(ctx: DocContext, found: list[Partnership]) -> None:
    """Leave open a tie whose agreement the page says is still to be signed.

    The sentence must name the partner, or follow the tie's own sentence.
    """
    segs = ctx.segments
    future = _segments_matching(ctx, _TO_BE_SIGNED)
    for p in found if future else []:
        if p.status != "active" or p.since is not None:
            continue
        partner = fold(p.b.split(",")[0])
        for seg in future:
            if seg.end <= p.start:
                continue
            i = segs.index(seg)
            follows = i > 0 and segs[i - 1].start <= p.start < segs[i - 1].end
            if follows or partner in fold(ctx.text[seg.start : seg.end]):
                p.status = "unknown"
                p.status_reason = " ".join(ctx.text[seg.start : seg.end].split())[:80]
                break


def _date_from_later_statements(ctx: DocContext, found: list[Partnership]) -> None:
    """Fill in ``since`` from a sentence that dates an agreement without naming another
    party: "The memorandum was signed on 6 May 2019 at the city hall."
    """
    # An ended tie began some time too: "两市于1998年4月20日签署协议" after its ending.
    undated = [p for p in found if p.since is None and p.status in ("active", "terminated")]
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
            and (p.status == "active" or p.ended is None or dates[0].value < p.ended)
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
    headings = {
        i
        for i, seg in enumerate(segs)
        if (i + 1 < len(segs) and _bullet_before(text, segs[i + 1].start))
        or _is_heading(text[seg.start : seg.end])
    }
    for i, seg in enumerate(segs):
        if i not in headings:
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
            item_text = text[item.start : item.end]
            if not _WORDLIKE.search(item_text):
                continue  # debris between the lines of a list
            own_cue = _kind(cues, item.start, item.end)
            if item.end - item.start > _LIST_ITEM_MAX or (j in headings and own_cue):
                break
            places = [m for m in ctx.places_in(item.start, item.end) if m.place.kind != "country"]
            if not places and j == i + 1 and _CELL_BREAK.search(item_text):
                continue  # the header row of a table ("By | Land | Siden")
            if not places:
                break
            if own_cue is not None:
                continue
            out[j] = (cue, home_side)
    return out


_CELL_BREAK = re.compile(r"[|\t]")
# A word of three letters or a Chinese character: what debris lacks.
_WORDLIKE = re.compile(r"[^\W\d_]{3}|[\u3400-\u9fff]")


def _is_heading(segment: str) -> bool:
    """Return True when a segment ends with a colon, perhaps followed by debris."""
    at = max(segment.rfind(":"), segment.rfind("："))
    return at >= 0 and not _WORDLIKE.search(segment[at + 1 :])


def _bullet_before(text: str, start: int) -> bool:
    """Return True when the segment at ``start`` is a bulleted line."""
    line = text.rfind("\n", 0, start) + 1
    return any(c in BULLETS for c in text[line:start])


# Verbs of joining, per language: "sluttede sig til", "kom til", "kom med", "joined".
_JOINED = re.compile(
    r"\bsig\s+til\b|\bkom\b[^.]{0,40}?\b(?:til|med|till)\b|\bble\s+med\b|"
    r"anslöt|tillkom|\bjoined\b|kam\w*\s+hinzu|hinzugekommen|schloss\s+sich"
)


def _year_before(ctx: DocContext, start: int, at: int) -> str | None:
    """Return the year written nearest before ``at`` in the segment ("i 1983 Ingå")."""
    years = [d for d in ctx.dates_in(start, at + 60) if d.has_year and d.form != "yrange"]
    before = [d for d in years if d.start < at]
    if before:
        return before[-1].value
    return years[0].value if years else None


_VERSUS = re.compile(r"\s(?:vs\.?|versus)\s")
# Between the two towns of a pair: perhaps the first town's region, then "vs.".
_VERSUS_GAP = re.compile(r"\s*(?:,?\s*(?:of|in|i)\s+[^,\n]{1,40}?)?\s+(?:vs\.?|versus)\s+")


def _semicolon_pairs(ctx: DocContext, parties: list[PlaceMention]) -> list[tuple[_Party, _Party]]:
    """Return the pairs of "Northwich and Carlow; Hartford and Mornant; ..."."""
    text = ctx.text
    towns = [m for m in parties if m.place.kind in PARTY_KINDS]
    out = []
    for x, y in zip(towns, towns[1:], strict=False):
        if not _PAIR_AND.fullmatch(text[x.end : y.start]):
            continue
        before = text[max(0, x.start - 3) : x.start]
        after = text[y.end : y.end + 2]
        if ";" in before or ";" in after:
            out.append((_as_party(ctx, x, parties), _as_party(ctx, y, parties)))
    return out if len(out) >= 2 else []


_PAIR_AND = re.compile(r"\s+(?:and|og|och|und|&|–|—)\s+")


def _versus_pairs(ctx: DocContext, parties: list[PlaceMention]) -> list[tuple[_Party, _Party]]:
    """Return the pairs written "A vs. B" (or "A – B") one after another."""
    if not _VERSUS.search(
        ctx.text, parties[0].start if parties else 0, parties[-1].end if parties else 0
    ):
        return []
    towns = [m for m in parties if m.place.kind in PARTY_KINDS]
    out = []
    i = 0
    while i + 1 < len(towns):
        x, y = towns[i], towns[i + 1]
        if _VERSUS_GAP.fullmatch(ctx.text[x.end : y.start]):
            out.append((_as_party(ctx, x, parties), _as_party(ctx, y, parties)))
            i += 2
            continue
        i += 1
    return out


_RESPECTIVELY = re.compile(r"分别|respectively|henholdsvis|respektive|beziehungsweise")


def _respective_pairs(
    ctx: DocContext, parties: list[PlaceMention], end: int
) -> list[tuple[_Party, _Party]]:
    """Return the pairs of "新乐市、辛集市也分别与A、B" and "X and Y with A and B respectively"."""
    if not parties:
        return []
    m = _RESPECTIVELY.search(scan.lowered(ctx.text), parties[0].start, end)
    if m is None:
        return []
    towns = [p for p in parties if p.place.kind in PARTY_KINDS]
    left = [p for p in towns if p.end <= m.start()]
    right = [p for p in towns if p.start >= m.end()] if m.group(0) == "分别" else []
    if not right:
        # "X and Y are twinned with A and B respectively": the word closes the sentence.
        cut = next(
            (
                i
                for i, p in enumerate(left)
                if i and _WITH_BEFORE.search(ctx.text[left[i - 1].end : p.start])
            ),
            None,
        )
        if cut is None:
            return []
        left, right = left[:cut], left[cut:]
    # The last towns before the word are the ones it distributes.
    left = left[-len(right) :] if len(left) >= len(right) else []
    if len(left) < 2 or len(left) != len(right):
        return []
    return [
        (_as_party(ctx, a, parties), _as_party(ctx, b, parties))
        for a, b in zip(left, right, strict=True)
    ]


_WITH_BEFORE = re.compile(r"\b(?:with|med|mit|och|with)\b|与|和", re.IGNORECASE)
_BOTH = re.compile(r"\b(?:begge|both|beide|båda|bägge|两者)\b")
_PAIR_JOIN = re.compile(r"^\s*(?:og|and|und|och|&|与|和|同|vs\.?|versus|–|—)\s*$")


_OBJECT_BEFORE = re.compile(
    r"\b(?:with|med|mit|till|med\s+både|with\s+both)\s+(?:\w+\s+)?$|与$|和$"
)


def _coordinated_pair(
    ctx: DocContext, parties: list[PlaceMention], cue_at: int
) -> list[tuple[_Party, _Party]]:
    """Return the pair in "Lappeenranta und Schwäbisch Hall feierten ... Partnerschaft".

    Two towns of different countries joined by a conjunction, neither of them the
    page's own place, are partners of each other.
    """
    towns = [m for m in parties if m.place.kind in PARTY_KINDS]
    text = ctx.text
    if any(_is_home(ctx, m) for m in towns):
        return []
    # "X og Y er begge små kommuner": "both" shares a predicate, it pairs nothing.
    if _BOTH.search(
        scan.lowered(text), towns[0].start if towns else 0, towns[-1].end + 60 if towns else 0
    ):
        return []
    for x, y in zip(towns, towns[1:], strict=False):
        gap = _BRACKETED.sub(" ", text[x.end : y.start])
        for c in ctx.countries():
            if c.start >= x.end and c.end <= y.start:
                gap = gap.replace(text[c.start : c.end], " ")
        if not _PAIR_JOIN.match(re.sub(r"\s+(?:i|in|of)\s+\S+\s*$", " ", gap)):
            continue
        cx, cy = x.place.country, y.place.country
        if not cx or not cy or cx == cy:
            continue
        if len(towns) > 2:
            continue
        # "twinned with Nantes and Ålesund": both are partners of an unnamed third.
        if _OBJECT_BEFORE.search(scan.lowered(text), max(0, x.start - 25), x.start):
            continue
        return [(_as_party(ctx, x, parties), _as_party(ctx, y, parties))]
    return []


def _is_home(ctx: DocContext, m: PlaceMention) -> bool:
    home = ctx.home
    if home is None:
        return False
    if m.place.id == home.id:
        return True
    key = ascii_key(m.place.name)
    # Names in Chinese characters have no ASCII spelling to compare.
    return bool(key) and key == ascii_key(home.name) or m.place.name == home.name


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
        # A place of unknown country is on the home side only when it is the home.
        home_side = [
            m
            for m in candidates
            if _is_home(ctx, m) or (m.place.country and m.place.country == ctx.home_country)
        ]
        foreign = [m for m in candidates if m not in home_side]
        # A town of the home country listed among foreign partners is a partner too
        # ("zum polnischen Zagan und zur deutschen Stadt Ahlen").
        run = _list_around(ctx, [m for m in candidates if not _is_home(ctx, m)], cue_at)
        first_foreign = next((m.start for m in run if m in foreign), None)
        run = [m for m in run if m in foreign or (first_foreign or 0) < m.start]
        if len(run) > 1 and first_foreign is not None and cue_at < run[0].end:
            foreign = [m for m in foreign if m not in run] + list(run)
            foreign.sort(key=lambda m: m.start)
            home_side = [m for m in home_side if m not in run]
    if not strong:
        foreign = [m for m in foreign if m.start >= cue_at]
    chosen = _list_around(ctx, foreign, cue_at)
    pairs = []
    topic = None if home_side or ctx.home_from_address or not chosen else _topic(ctx, cue_at)
    for b in chosen:
        a = _pick_home(ctx, home_side, b)
        if a is not None:
            a_party = _as_party(ctx, a, mentions)
        elif topic is not None and topic.place.id != b.place.id:
            a_party = _as_party(ctx, topic, ctx.places_in(topic.start, topic.end))
        elif ctx.home is not None:
            a_party = _Party(ctx.home_name, ctx.home.country, ctx.home.id, -1, -1)
        else:
            continue
        if a_party.key == b.place.id or a_party.name == _party_name(ctx, b, mentions):
            continue
        pairs.append((a_party, _as_party(ctx, b, mentions)))
    return pairs


def _words_beside_places(ctx: DocContext, item: list[PlaceMention]) -> int:
    """Return how many words the item's segment has besides place names and numbers."""
    seg = next(x for x in ctx.segments if x.start <= item[0].start < x.end)
    text = ctx.text[seg.start : seg.end]
    for m in sorted(ctx.places_in(seg.start, seg.end), key=lambda m: -m.start):
        text = text[: m.start - seg.start] + " " + text[m.end - seg.start :]
    return len(_ITEM_WORD.findall(text))


_ITEM_WORD = re.compile(r"[^\W\d_]{2,}")


def _item_pair(
    ctx: DocContext,
    home_side: list[PlaceMention],
    item: list[PlaceMention],
    mentions: list[PlaceMention],
) -> tuple[_Party, _Party] | None:
    """Return the pair an item of a list of partners states: the heading's home and the
    item's own town, of whatever country ("Gotha (Thüringen), seit 1990")."""
    towns = [m for m in item if m.place.kind in PARTY_KINDS and not _is_home(ctx, m)]
    if not item or _words_beside_places(ctx, item) > 3:
        return None  # a sentence, not an item that names a town
    if len(towns) != 1 or not towns[0].place.country or towns[0].place.country != ctx.home_country:
        # Foreign towns and items naming several places are read as before.
        return None
    if home_side:
        a_party = _as_party(ctx, home_side[0], mentions)
    elif ctx.home is not None:
        a_party = _Party(ctx.home_name, ctx.home.country, ctx.home.id, -1, -1)
    else:
        return None
    b = towns[0]
    if a_party.key == b.place.id or a_party.name == _party_name(ctx, b, mentions):
        return None
    return a_party, _as_party(ctx, b, mentions)


def _topic(ctx: DocContext, at: int) -> PlaceMention | None:
    """Return the town of the home country that the paragraph around ``at`` is about.

    In a report on several towns ("Braunschweig zieht ... nicht in Betracht. Seit mehr
    als 30 Jahren bestehe eine Beziehung in die russische Stadt Kasan."), a sentence
    without its own home town speaks of the one the sentence before names.
    """
    text = ctx.text
    paragraph = max(text.rfind("\n\n", 0, at), text.rfind("\n \n", 0, at)) + 1
    before = [seg for seg in ctx.segments if paragraph <= seg.start and seg.end <= at]
    for seg in reversed(before[-2:]):
        towns = {
            m.place.id: m
            for m in ctx.places_in(seg.start, seg.end)
            if m.place.kind in PARTY_KINDS
            and m.place.country
            and m.place.country == ctx.home_country
            and not is_org_part(text, m)
        }
        if len(towns) == 1:
            return next(iter(towns.values()))
        if towns:
            return None
    return None


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
