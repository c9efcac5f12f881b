"""Place names that the gazetteer does not know, recognised from how the text uses them.

Small towns, villages and foreign municipalities are partners as often as capitals are,
and no packaged list holds them all. The way a text writes about a place tells that a
name is one, whatever the name:

- apposition to a country: "Eidsvoll (Norge)", "Rakvere i Estland", "Larvik, Norge",
  "Kramfors (S)", "Opole in Poland", "日本 长野市";
- a kind-of-place noun before it: "den finske venskabsby Lojo", "the town of Hitchin",
  "der russischen Stadt Togliatti", "vår vänort Wuzhou";
- an administrative word after it: "Sigtuna kommun", "Plunge kommune", "Sudbury Town
  Council";
- coordination with a known place: in "Hønefoss, Lojo, Växjö og Skagaströnd" every item
  is a place once one of them is;
- Chinese administrative suffixes after a province, a prefecture or a country:
  "海南省三亚市", "特罗姆斯郡塞尼亚市", "香川县绫南町".

Each name found becomes a mention of a place that exists only for the document; its
country comes from the apposition when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from twinning.extraction.gazetteer import Place, PlaceMention, fold, gazetteer
from twinning.extraction.world import world_place

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# One word of a name: capitalised, with inner hyphens and apostrophes ("Nuits-Saint",
# "Huai'an", "Rychnov-nad-Kneznou").
_WORD = rf"[{_UPPER}][\w]*(?:[-'’‘][\w]+)*"
# Lower-case particles inside names ("Mülheim an der Ruhr", "Gonfreville l‘ Orcher").
_PARTICLE = (
    r"(?:an\s+der|an\s+Der|am|im|an|auf|bei|ob|nad|pod|sur|sous|de|du|des|la|le|les|di|del|"
    r"della|do|da|dos|van|von|upon|on|l[‘'’]|d[‘'’])"
)
_NAME = rf"{_WORD}(?:(?:[ \t]+{_PARTICLE})?[ \t]*(?<=[ \t‘'’]){_WORD}){{0,3}}"
_NAME_END = re.compile(rf"(?:{_NAME})$")
_NAME_AT = re.compile(_NAME)

# Capitalised words that begin sentences or name kinds of places, never a place.
_NOT_NAMES = frozenset(
    fold(w)
    for w in [
        "The",
        "A",
        "An",
        "And",
        "Or",
        "Of",
        "In",
        "At",
        "On",
        "With",
        "From",
        "To",
        "For",
        "By",
        "Our",
        "Their",
        "Its",
        "His",
        "Her",
        "This",
        "That",
        "These",
        "Those",
        "Both",
        "Also",
        "Later",
        "Meanwhile",
        "Since",
        "Today",
        "Now",
        "Here",
        "There",
        "When",
        "While",
        "After",
        "Before",
        "Den",
        "Det",
        "De",
        "Der",
        "Og",
        "I",
        "På",
        "Med",
        "Fra",
        "Til",
        "For",
        "Af",
        "Om",
        "Som",
        "Vi",
        "Vores",
        "Vor",
        "Hun",
        "Han",
        "Nu",
        "Her",
        "Da",
        "Siden",
        "Både",
        "Også",
        "Byen",
        "Byerne",
        "Byer",
        "By",
        "Kommunen",
        "Kommunerne",
        "Kommune",
        "Kommuner",
        "Venskabsby",
        "Venskabsbyer",
        "Venskabsbyen",
        "Venskabsbyerne",
        "Vennskapsby",
        "Vennskapsbyer",
        "Vänort",
        "Vänorter",
        "Och",
        "Även",
        "Vår",
        "Våra",
        "Sedan",
        "Idag",
        "Staden",
        "Städerna",
        "Stad",
        "Kommun",
        "Kommunen",
        "Kommunerne",
        "Die",
        "Das",
        "Dem",
        "Des",
        "Ein",
        "Eine",
        "Und",
        "Mit",
        "Von",
        "Zu",
        "Zum",
        "Zur",
        "Im",
        "Am",
        "Seit",
        "Auch",
        "Stadt",
        "Städte",
        "Gemeinde",
        "Partnerstadt",
        "Partnerstädte",
        "Town",
        "Towns",
        "City",
        "Cities",
        "Village",
        "Municipality",
        "Twin",
        "Sister",
        "Cousin",
        "Mayor",
        "Council",
        "County",
        "Region",
        "Province",
        "District",
        "State",
        "Republic",
        "Kingdom",
        "Foreningen",
        "Forening",
        "Association",
        "Verein",
        "University",
        "Universitet",
        "Universität",
        "School",
        "Skole",
        "Skolen",
        "Gymnasium",
        "Hospital",
        "Company",
        "Group",
        "Committee",
        "Udvalg",
        "Udvalget",
        "Byråd",
        "Mandag",
        "Tirsdag",
        "Onsdag",
        "Torsdag",
        "Fredag",
        "Lørdag",
        "Søndag",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Januar",
        "Februar",
        "Marts",
        "Maj",
        "Juni",
        "Juli",
        "Oktober",
        "Dezember",
    ]
)

_ORGANISATION_NOUNS = frozenset(
    fold(w)
    for w in [
        "Institut",
        "Institute",
        "Instituttet",
        "University",
        "Universitet",
        "Universität",
        "College",
        "School",
        "Skole",
        "Skolen",
        "Gymnasium",
        "Hospital",
        "Museum",
        "Forum",
        "Center",
        "Centre",
        "Centret",
        "Company",
        "Bank",
        "Group",
        "Council",
        "Committee",
        "Association",
        "Forening",
        "Foreningen",
        "Verein",
        "Business",
        "Agency",
        "Ministry",
        "Department",
        "Afdeling",
        "Kontor",
        "Office",
        "Hall",
        "Rathaus",
        "Airport",
        "Lufthavn",
        "Port",
        "Havn",
    ]
)
# "i Norge", "in Poland", "på Island", "(Norge)", ", Norge": apposition to a country.
_APPOSITION = re.compile(
    r"(?:[ \t]+(?:i|in|på|im|en)[ \t]+(?:the[ \t]+)?|[ \t]*,[ \t]*|[ \t]*\.[ \t]+|[ \t]*\([ \t]*"
    # the next cell of a table's row: "Anyang | Sydkorea | 2006"
    r"|[ \t]*[|\t][ \t]*)$"
)
_APPOSITION_AFTER = re.compile(
    r"[ \t]*(?:$|[,.;:)\n–-]|(?:og|and|och|und|samt|sedan|siden|since|seit|near|nær|"
    r"også|also|too|with|med|mit)(?![\w]))"
)
# Distinguishing signs of vehicles in international traffic, which Nordic texts use as
# country abbreviations in parentheses: "Kramfors (S)", "Varde (DK)", "Halliko (Fin)".
_VEHICLE_SIGNS = {
    "dk": "DK",
    "s": "SE",
    "n": "NO",
    "fin": "FI",
    "sf": "FI",
    "is": "IS",
    "d": "DE",
    "f": "FR",
    "nl": "NL",
    "pl": "PL",
    "gb": "GB",
    "uk": "GB",
    "est": "EE",
    "lt": "LT",
    "lv": "LV",
    "fo": "FO",
    "fr": "FR",
    "ch": "CH",
    "a": "AT",
    "b": "BE",
    "i": "IT",
    "e": "ES",
    "cz": "CZ",
    "rus": "RU",
    "usa": "US",
}
_SIGN = re.compile(r"[ \t]*\((?P<sign>[A-Za-z]{1,3})\)")

# Kind-of-place nouns after which a capitalised word is a place's name.
_PLACE_NOUN = re.compile(
    r"(?:(?<![\w])(?:venskabsby(?:en)?|venskabskommune(?:n)?|vennskapsby(?:en)?|"
    r"vennskapskommune(?:n)?|vänort(?:en)?|vänstad(?:en)?|partnerby(?:en)?|partnerstadt|"
    r"byen|\w+ske\s+(?:by|stad|kommune)|staden|kommunen|stadt|gemeinde|twin\s+town|"
    r"regionen|regionene|regionerne|regionerna|"
    r"twin\s+city|sister\s+city|"
    r"town\s+of|city\s+of|village\s+of|municipality\s+of|borough\s+of)"
    r"[ \t]*,?[ \t]*)(?=(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž]))",
    re.IGNORECASE,
)
# "zum polnischen Zagan": a German adjective of nationality before a name. German
# capitalises every noun, so words with the endings of common nouns are left out.
_GERMAN_ADJECTIVE = re.compile(
    r"(?<![\w])(?:zum|zur|dem|vom|nach)[ \t]+[a-zäöü]+(?:ischen|sischen)[ \t]+(?=[A-ZÄÖÜ])"
)
_GERMAN_NOUN_END = re.compile(r"(?:en|ung|heit|keit|schaft|stadt|ion|ität|tum|nis|s)$")
# Administrative words after a name: "Sigtuna kommun", "Sudbury Town Council".
_ADMIN_AFTER = re.compile(
    r"[ \t]+(?:kommune|kommunes|kommun|kommuns|Kommune|Kommunes|Kommun|fylkeskommune|"
    r"Fylkeskommune|Regionskommune|Town\s+Council|City\s+Council|Borough\s+Council|"
    r"County\s+Council|District\s+Council)(?![\w])"
)

_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_SUFFIX = "市县町郡镇村州区"
# A Chinese place name after a higher unit or a country: "海南省三亚市", "日本 长野市".
_CJK_AFTER_UNIT = re.compile(r"(?<=[省郡县])(?P<name>[\u3400-\u9fff]{1,5}?[市町])")


_CJK_LISTED = re.compile(
    r"(?:(?<=[、，,。；;:：与和同及])|(?<=所辖)|(?<=\n))(?P<name>[\u3400-\u9fff]{1,4}?[市县])"
    r"(?=[、，,。与和同及也均都分])"
)
# Numerals and determiners: "两市", "各市", "我市" are no names.
_CJK_NOT_FIRST = frozenset("两一二三四五六七八九十各本我该全每此其他贵")
# Characters that end a Chinese name: function words, and the words of the relation.
_CJK_NOT_IN_NAME = re.compile(r"[与和同及的在于是为将了从向对由]|其他|友好|城市|关系|国际")


_TRAILING_ADMIN = re.compile(r"[ \t]+(?:Kommune|Kommun|Municipality|Gemeinde)$")
# Nordic adjectives of nationality and kind ("Danske", "islandsk") are not names.
_ADJECTIVE = re.compile(r"(?:ske|isk|nsk)$")


def _place(name: str, country: str) -> Place:
    return Place(
        id=f"text-{country or 'xx'}-{fold(name)}",
        name=name,
        kind="city",
        country=country,
        rank=5,
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading words that are not part of a name; None if nothing is left."""
    while start < end:
        m = re.match(r"\S+", text[start:end])
        if m is None:
            return None
        word = m.group(0)
        if fold(word.strip("'’‘")) in _NOT_NAMES or word[0].islower() or _ADJECTIVE.search(word):
            nxt = re.search(rf"[ \t]+(?=[{_UPPER}])", text[start:end])
            if nxt is None:
                return None
            start += nxt.end()
            continue
        break
    tail = _TRAILING_ADMIN.search(text, start, end)
    if tail is not None and tail.start() > start:
        end = tail.start()
    if start >= end:
        return None
    name = text[start:end]
    if fold(name) in _NOT_NAMES or _CJK_NOT_IN_NAME.search(name):
        return None
    if fold(name.split()[-1]) in _ORGANISATION_NOUNS:
        return None  # "Confucius Institut": a name that ends in such a noun is a body
    # Headings in capitals ("BOTSCHAFT VON FINNLAND") are not names.
    if len(name) > 4 and name.isupper() and " " in name:
        return None
    return start, end


def _country_mentions(mentions: Iterable[PlaceMention]) -> list[PlaceMention]:
    return [m for m in mentions if m.place.kind == "country"]


def find_names(
    text: str, mentions: list[PlaceMention], home_country: str | None, url: str | None = None
) -> list[PlaceMention]:
    """Return mentions of places the gazetteer does not know, in text order.

    ``url`` is the page's own address: a word of its host name that the text writes as
    a name ("bengtsfors.se" and "Bengtsfors") is the site owner's place.
    """
    taken = [(m.start, m.end, m.place.kind, {c.country for c in m.candidates}) for m in mentions]
    found: dict[tuple[int, int], PlaceMention] = {}

    def free(s: int, e: int, country: str | None = None) -> bool:
        # A longer name may swallow a gazetteer name inside it ("Mülheim an der Ruhr",
        # "Nuits-Saint Georges"); the same span may replace a region that shares a
        # town's name ("Luzern (Schweiz)").
        inside_known = sum(1 for ts, te, _, _ in taken if s <= ts and te <= e)
        if inside_known > 1:
            return False  # "Bornholms Regionskommune Ystad" is two names, not one
        for ts, te, kind, known_in in taken:
            if s < te and ts < e:
                inside = s <= ts and te <= e
                same = (ts, te) == (s, e)
                # "Anyang i Sydkorea" when the gazetteer knows only a Chinese Anyang:
                # the text says which country the town is in.
                elsewhere = bool(country) and kind in _TOWN_KINDS and country not in known_in
                if not inside or (
                    same and (not country or kind in _PARTY_PLACES) and not elsewhere
                ):
                    return False
        return not any(s < fe and fs < e for fs, fe in found)

    def add(s: int, e: int, country: str | None) -> None:
        span = _trim(text, s, e)
        if span is None:
            return
        s, e = span
        if not free(s, e, country):
            return
        name = " ".join(text[s:e].split())
        if not country:
            # The grammar says it is a place; the world gazetteer may say where.
            known = world_place(name)
            country = known.country if known is not None else ""
        place = _place(name, country or "")
        found[(s, e)] = PlaceMention(s, e, text[s:e], place, (place,))

    countries = _country_mentions(mentions)
    regions = {
        (m.start, m.end): m for m in mentions if m.place.kind not in _TOWN_KINDS | {"country"}
    }
    # Apposition to a country named after the place.
    for c in countries:
        head = text[max(0, c.start - 80) : c.start]
        gap = _APPOSITION.search(head)
        if gap is None:
            continue
        if gap.group(0).strip() == "(" and text[c.end : c.end + 1] != ")":
            continue
        # "Lahti i Finland, ..." closes the phrase; "Oplægsholder i Kina fortalte" reads
        # a common noun at the start of a sentence, followed by its verb.
        if not gap.group(0).strip("( \t") and not _APPOSITION_AFTER.match(text, c.end):
            continue
        if gap.group(0).strip() != "(" and re.match(rf"[ \t]+[{_UPPER}]", text[c.end :]):
            continue  # "på Kina Forum": the country begins a longer name
        before = head[: gap.start()]
        m = _NAME_END.search(before)
        if m is None:
            continue
        s = c.start - len(head) + m.start()
        region = regions.get((s, s + len(m.group(0))))
        if region is not None:
            # "Dongfang City, Hainan Province, China": the town comes before its region.
            head = text[max(0, region.start - 80) : region.start]
            comma = re.search(r"[ \t]*,[ \t]*$", head)
            n = _NAME_END.search(head[: comma.start()]) if comma else None
            if n is not None:
                town = region.start - len(head) + n.start()
                add(town, town + len(n.group(0)), c.place.country)
                continue
        add(s, s + len(m.group(0)), c.place.country)
    # "Sunnyvale of California", "Anqing of Anhui": a town of a state or a province.
    for r in mentions:
        if r.place.kind in _TOWN_KINDS or r.place.kind == "country":
            continue
        head = text[max(0, r.start - 60) : r.start]
        of = re.search(r"[ \t]+of[ \t]+$", head)
        if of is None:
            continue
        n = _NAME_END.search(head[: of.start()])
        if n is None:
            continue
        s = r.start - len(head) + n.start()
        add(s, s + len(n.group(0)), r.place.country)
    # Vehicle signs in parentheses.
    signs = [m for m in _SIGN.finditer(text) if m.group("sign").lower() in _VEHICLE_SIGNS]
    for m in signs:
        country = _VEHICLE_SIGNS[m.group("sign").lower()]
        # "(S)" after a name is as often a political party as Sweden: a one-letter sign
        # counts only beside a longer one ("Kramfors (S) og Varde (DK)").
        if len(m.group("sign")) == 1 and not any(
            len(o.group("sign")) > 1 and abs(o.start() - m.start()) < 120 for o in signs
        ):
            continue
        head = text[max(0, m.start() - 60) : m.start()]
        n = _NAME_END.search(head)
        if n is None:
            continue
        s = m.start() - len(head) + n.start()
        add(s, m.start(), country)
    # A kind-of-place noun before the name.
    for noun in _PLACE_NOUN.finditer(text):
        m = _NAME_AT.match(text, noun.end())
        if m is not None:
            add(m.start(), m.end(), None)
    for adjective in _GERMAN_ADJECTIVE.finditer(text):
        m = _NAME_AT.match(text, adjective.end())
        if m is not None and not _GERMAN_NOUN_END.search(m.group(0)):
            add(m.start(), m.end(), None)
    # An administrative word after the name.
    for m in _ADMIN_AFTER.finditer(text):
        head = text[max(0, m.start() - 60) : m.start()]
        n = _NAME_END.search(head)
        if n is None:
            continue
        s = m.start() - len(head) + n.start()
        if re.search(r"(?:sk|ske)$", n.group(0)):
            continue  # "en islandsk kommune": an adjective, not a name
        add(s, m.start(), home_country)
    if url:
        for label in _host_labels(url):
            for part in {label, *label.split("-")}:
                if len(part) < 4:
                    continue
                for m in re.finditer(rf"(?<![\w])[{_UPPER}][\w]+", text):
                    word = m.group(0)
                    if abs(len(word) - len(part)) > 3 or word[0].lower() != part[0]:
                        continue
                    if ascii_key(word) == part and not word.isupper():
                        add(m.start(), m.end(), home_country)
                        break
    _elsewhere(text, found, free)
    _coordinated(text, mentions, found, add)
    _chinese(text, mentions, found, add)
    _genitives(text, found)
    _elsewhere(text, found, free)
    return sorted(found.values(), key=lambda m: m.start)


def _genitives(text: str, found: dict[tuple[int, int], PlaceMention]) -> None:
    """Strip a genitive -s ("Paides jubilæum") when the bare name occurs as well."""
    for (s, e), m in list(found.items()):
        name = m.place.name
        if name.endswith("s") and not _CJK.search(name):
            bare = name[:-1]
            if re.search(rf"(?<![\w]){re.escape(bare)}(?![\w])", text):
                place = _place(bare, m.place.country)
                found[(s, e)] = PlaceMention(s, e - 1, text[s : e - 1], place, (place,), True)


def _elsewhere(text: str, found: dict[tuple[int, int], PlaceMention], free) -> None:
    """Add the other occurrences of each name found: one name, one place per document."""
    names: dict[str, Place] = {}
    for m in found.values():
        # The first country given for a name wins; a bare mention adopts it.
        if m.place.name not in names or not names[m.place.name].country:
            names[m.place.name] = m.place
    for name, place in names.items():
        pattern = re.escape(name) if _CJK.search(name) else rf"(?<![\w]){re.escape(name)}(?![\w])"
        for occ in re.finditer(pattern, text):
            s, e = occ.span()
            if (s, e) in found:
                found[(s, e)].place = place
                continue
            if free(s, e):
                found[(s, e)] = PlaceMention(s, e, name, place, (place,))


def _coordinated(text, mentions, found, add) -> None:
    """Extend lists of places to their unknown items: "Hønefoss, Lojo, Växjö og X"."""
    # Anchors are places the gazetteer knows or that a country qualifies; a list needs
    # two of them before its other items are read as places too.
    known = sorted(
        [m for m in mentions if m.place.kind not in ("country",)] + list(found.values()),
        key=lambda m: m.start,
    )
    # Items of a list are taken one word long: longer unknown names in a list are more
    # often people ("Per Jonsson og Göran Eriksson") than places.
    item = re.compile(rf"{_WORD}(?![\w'’‘-])(?![ \t]+[{_UPPER}])")
    single_end = re.compile(rf"(?<![\w'’‘-]){_WORD}$")
    previous_capital = re.compile(rf"[{_UPPER}][\w'’‘-]*[ \t]+$")
    by_start = {m.start: m for m in known}
    country_skip = re.compile(r"(?:[ \t]*(?:\([^)\n]{1,30}\)|(?:i|in|på)[ \t]+[A-ZÆØÅ]\w+))?")
    right_sep = re.compile(
        r"(?:[ \t]*,[ \t]*(?:(?:og|and|och|und|samt|&)[ \t]+)?"
        r"|[ \t]+(?:og|and|och|und|samt|&)[ \t]+)"
    )
    left_sep = re.compile(r"(?:[ \t]*,[ \t]*|[ \t]+(?:og|and|och|und|samt|&)[ \t]+)$")
    done: set[int] = set()
    for m in known:
        if m.start in done:
            continue
        run: list[tuple[int, int]] = [(m.start, m.end)]
        # Walk right over ", Name" / " og Name" items, then left over "Name, " items.
        at = m.end
        for _ in range(10):
            at = country_skip.match(text, at).end()
            sep = right_sep.match(text, at)
            if sep is None:
                break
            anchor = by_start.get(sep.end())
            if anchor is not None:
                run.append((anchor.start, anchor.end))
                at = anchor.end
                continue
            nxt = item.match(text, sep.end())
            if nxt is None:
                break
            run.append(nxt.span())
            at = nxt.end()
        at = m.start
        for _ in range(10):
            head = text[max(0, at - 60) : at]
            sep = left_sep.search(head)
            if sep is None:
                break
            prev = single_end.search(head[: sep.start()])
            if prev is None or previous_capital.search(head[: prev.start()]):
                break
            s = at - len(head) + prev.start()
            run.append((s, s + len(prev.group(0))))
            at = s
        anchors = [by_start[s] for s, _ in run if s in by_start]
        done.update(a.start for a in anchors)
        # An item the world gazetteer knows as a place counts as one too.
        world = [(s, e) for s, e in run if s not in by_start and world_place(text[s:e])]
        if len(anchors) + len(world) < 2:
            continue
        countries = {a.place.country for a in anchors}
        country = countries.pop() if len(countries) == 1 else None
        for s, e in run:
            if s not in by_start:
                # The world gazetteer's country beats the one the list suggests.
                add(s, e, None if (s, e) in world else country)


_CJK_NAME_BEFORE = re.compile(r"(?<![\u3400-\u9fff])[\u3400-\u9fff·]{2,8}$")


def _chinese(text, mentions, found, add) -> None:
    if not re.search(r"[\u3400-\u9fff]", text):
        return
    countries = _country_mentions(mentions)
    for c in countries:
        at = c.end
        while at < len(text) and text[at] in " \t\u3000":
            at += 1
        # The shortest name that ends in a unit: "汉堡市副市长" is 汉堡市 and its deputy mayor.
        m = re.match(rf"[\u3400-\u9fff]{{1,6}}?[{_CJK_SUFFIX}]+", text[at:])
        if m is None:
            continue
        name = m.group(0)
        # "日本香川县绫南町": the town follows its prefecture.
        inner = re.match(r"([\u3400-\u9fff]{1,4}[县郡省])([\u3400-\u9fff]{1,5}?[市町])", text[at:])
        if inner:
            add(at + len(inner.group(1)), at + len(inner.group(0)), c.place.country)
            continue
        add(at, at + len(name), c.place.country)
    # "威尼斯（意大利，1980年）": a name with its country in brackets after it.
    for c in countries:
        if c.start == 0 or text[c.start - 1] not in "（(":
            continue
        m = _CJK_NAME_BEFORE.search(text, max(0, c.start - 12), c.start - 1)
        if m is not None and m.group(0)[0] not in _CJK_NOT_FIRST:
            add(m.start(), m.end(), c.place.country)
    units = {m.end: m.place.country for m in mentions + list(found.values())}
    for m in _CJK_AFTER_UNIT.finditer(text):
        # "海南省三亚市": the town is in the country of the province before it.
        add(m.start("name"), m.end("name"), units.get(m.start("name")))
    # "所辖新乐市、辛集市": names of towns after a boundary, in a list or after 所辖.
    for m in _CJK_LISTED.finditer(text):
        if m.group("name")[0] not in _CJK_NOT_FIRST:
            add(m.start("name"), m.end("name"), None)


def home_from_address(url: str, mentions: list[PlaceMention]) -> PlaceMention | None:
    """Return the mention of the place whose site or section the page's address names.

    "https://www.sigtuna.se/..." is Sigtuna's own page; ".../potsdam/landeshauptstadt/..."
    is about Potsdam. Names are compared in an ASCII spelling ("soroe" is "Sorø").
    """
    m = re.match(r"https?://([^/\s]+)(/\S*)?", url)
    if m is None:
        return None
    labels = _host_labels(url)
    # Whole sections of the path ("/potsdam/"), not the words of an article's title.
    path = [t for t in (m.group(2) or "").lower().split("/")[:-1] if t]
    tokens = [(t, True) for t in labels] + [(t, False) for t in path if len(t) >= 4]
    by_key: dict[str, PlaceMention] = {}
    for mention in mentions:
        if mention.place.kind == "country":
            continue
        key = ascii_key(mention.place.name)
        if len(key) >= 4:
            by_key.setdefault(key, mention)
    for token, in_host in tokens:
        token = re.sub(r"\d+$", "", token)
        if not in_host:
            by_key = {k: v for k, v in by_key.items() if v.place.kind in _TOWN_KINDS}
        for part in [token, *token.split("-")]:
            if part in by_key:
                return by_key[part]
        if in_host:
            for key, mention in by_key.items():
                if (
                    len(key) >= 5
                    and token.startswith(key)
                    and _OWN_SITE.fullmatch(token[len(key) :])
                ):
                    return mention
    return None


_TOWN_KINDS = frozenset({"municipality", "city", "group"})
# What may follow a town's name in the host name of its own site or its twinning
# association's ("darlingtontowntwinning", "arcadiaca"), unlike a newspaper's
# ("northwichguardian").
_OWN_SITE = re.compile(
    r"[a-z]{0,3}|.*(?:twin|venskab|vennskap|vanort|partner|kommune|kommun|council|city|"
    r"town|stadt|gemeinde|by)[a-z]*"
)
# Kinds of gazetteer places that hold partnerships themselves; a name found from the
# grammar replaces a gazetteer place of the same span only when it is of another kind
# ("Luzern (Schweiz)" is the town, not the canton).
_PARTY_PLACES = _TOWN_KINDS | {
    "country",
    "region",
    "province",
    "district",
    "county",
    "prefecture",
}


def _host_labels(url: str) -> list[str]:
    """Return the name a site is registered under ("randers" in "velkommen.randers.dk",
    "arcadiaca" in "laserfiche.arcadiaca.gov", "darlington" in "darlington.gov.uk")."""
    m = re.match(r"https?://([^/\s]+)", url)
    if m is None:
        return []
    labels = m.group(1).lower().split(":")[0].split(".")[:-1]  # without the top level
    while len(labels) > 1 and labels[-1] in ("co", "com", "gov", "org", "net", "ac", "edu"):
        labels = labels[:-1]
    labels = [x for x in labels if x not in ("www", "www2", "web")]
    return labels[-1:]


@lru_cache(maxsize=65536)
def ascii_key(name: str) -> str:
    """Return a name spelled the way web addresses write it: "Sorø" → "soroe"."""
    low = name.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("ä", "a"), ("ö", "o"), ("ü", "u")):
        low = low.replace(a, b)
    return re.sub(r"[^a-z0-9]", "", fold(low))


def address_place(url: str) -> Place | None:
    """Return a gazetteer place named by a section of the address, when the text lacks it."""
    m = re.match(r"https?://[^/\s]+(/\S*)?", url)
    if m is None:
        return None
    gaz = gazetteer()
    # "darlingtontowntwinning.co.uk": a host name that begins with a place's name.
    for label in _host_labels(url):
        for size in range(len(label), 4, -1):
            if not _OWN_SITE.fullmatch(label[size:]):
                continue
            ids = gaz.names.get(label[:size].capitalize())
            places = [gaz.places[i] for i in ids or () if gaz.places[i].kind != "country"]
            if places:
                return min(places, key=lambda p: p.rank)
    # "bengtsfors.se": a municipality's own site, named after a town the world gazetteer
    # knows in the country of the address.
    tld = re.match(r"https?://[^/\s:]+\.([a-z]{2})(?:[:/]|$)", url.lower())
    if tld is not None:
        country = {"uk": "GB"}.get(tld.group(1), tld.group(1).upper())
        for label in _host_labels(url):
            if len(label) >= 4 and label.isalpha():
                known = world_place(label.capitalize(), country)
                if known is not None and known.country == country:
                    return _place(label.capitalize(), country)
    for token in (m.group(1) or "").split("/")[:-1]:
        if len(token) < 4 or not token.isalpha():
            continue
        ids = gaz.names.get(token.capitalize())
        if not ids:
            continue
        places = [gaz.places[i] for i in ids if gaz.places[i].kind in _TOWN_KINDS]
        if places:
            return min(places, key=lambda p: p.rank)
    return None
