"""Dated happenings told in running text: signings, visits, meetings, conferences."""

from __future__ import annotations

import re
from bisect import bisect_left

from twinning.extraction import scan
from twinning.extraction.context import DocContext
from twinning.extraction.dates import DateMention
from twinning.extraction.facts import Event
from twinning.extraction.money import find_money

# Order matters: the first type whose cue appears in the text wins. Each cue is tried
# only where one of its words (the last item) begins in the lower-cased text.
_TYPE_CUES = [
    (
        "signing",
        r"underskr\w+|signed|signing|signs|indgik|indgået|indgåelse|entered\s+into|"
        r"made\s+a\s+\w+\s+\w+\s+agreement|concluded|fornye\w*|renew\w*|undertecknade|"
        r"unterzeichne\w*|signerte|signert|undertegne\w*|skrev\s+under|undertecknat|"
        r"besiegelt|签署|签订|签定|签约|缔结",
        "underskr signed signing signs indgik indgået indgåelse entered made concluded fornye "
        "renew undertecknade unterzeichne signerte signert undertegne skrev undertecknat "
        "besiegelt 签署 签订 签定 签约 缔结",
    ),
    (
        "conference",
        r"konferen\w+|conference\w*|forum|seminar\w*|expo\b|symposi\w+|workshop\w*|"
        r"topmøde|summit",
        "konferen conference forum seminar expo symposi workshop topmøde summit",
    ),
    (
        "exchange",
        r"udveksl\w+|exchange\w*|elevbesøg|studieophold|summer\s+school|\w*austausch\w*|"
        r"utveksling\w*|utbyte\w*|"
        r"assistant\s+teachers",
        "udveksl exchange elevbesøg studieophold summer assistant austausch schüleraustausch "
        "jugendaustausch utveksling utbyte",
    ),
    (
        "delegation_visit",
        r"delegation\w*|besøg\w*|besøk\w*|besök\w*|besuch\w*|visit\w*|statsbesøg|"
        r"state\s+visit|rejse\w*|rejser|reiste|avfärd|\btrip\b|\btour\b|på\s+tur|"
        r"welcomed|hosted|at\s+the\s+invitation|访问|代表团|抵达|来访|出访|"
        # Trips, and taking part in a gathering elsewhere, in each language.
        r"\btur\b|\bturen\b|\btur\s+til|resa\b|reste\b|reser\b|reisen?\b|reiser\b|reisten?\b|"
        r"rejser\b|åker\s+till|travel(?:s|led|ed)?\s+to|fährt\s+nach|fuhr\s+nach|närvar\w*|deltog|"
        r"deltok|deltatt|deltaget|deltagit|attended|nahmen\s+teil|teilgenommen|出席|参加|"
        # Being someone's guest: "zu Gast in", "på besök", "as guests of".
        r"zu\s+gast|på\s+besøg|på\s+besøk|på\s+besök|as\s+guests|来访|一行",
        "delegation besøg besøk besök besuch visit state rejse trip tour på reiste avfärd "
        "welcomed hosted at 访问 代表团 抵达 来访 出访 tur turen resa reste reser reise reisen"
        "reiser reisten rejser åker travel travels travelled traveled fährt fuhr "
        "närvar deltog deltok deltatt deltaget deltagit attended nahmen teilgenommen 出席 参加 "
        "zu på as 来访 一行",
    ),
    (
        # "møde" anywhere also covers compounds such as "telefonmøde".
        "meeting",
        r"møde\w*|meeting\w*|mødes|rundbord\w*|reception|dialog\w*|drøftelse\w*|treffen|"
        r"møte\w*|会见|会谈|"
        # Gathering, in each language.
        r"mødtes|møttes|möttes|träffades|samlades|samledes|samlet\s+seg|gathered|convened|"
        r"trafen\s+sich|kamen\s+zusammen|会晤",
        "møde meeting rundbord reception dialog drøftelse treffen møte 会见 会谈 mødtes møttes "
        "möttes träffades samlades samledes samlet gathered convened trafen kamen 会晤",
    ),
    (
        "other",
        r"launch\w*|initiat\w*|terminat\w*|decid\w*|besluttet|beslutning|godkend\w*|"
        r"vedtaget|opdateret|updated|etabler\w*|established|fremstillet|ansat|udarbejdet|"
        r"afleveret|indleveret|received|modtog|prize|award\w*|commence\w*|overtaget|udvidet|"
        r"expanded|oprettet|åbning|opened|fejring|celebrat\w*|feierten|feiert|庆祝|纪念活动|"
        r"underbygget|cementeret|"
        r"gennemført|held|afholdt|fandt\s+sted|took\s+place|will\s+\w+|begyndte|started|"
        r"began|effort|rescu\w+|aktiv\s+del|viser|submit\w*",
        "launch initiat terminat decid besluttet beslutning godkend vedtaget opdateret updated "
        "etabler established fremstillet ansat udarbejdet afleveret indleveret received modtog "
        "prize award commence overtaget udvidet expanded oprettet åbning opened fejring "
        "celebrat feierten feiert 庆祝 纪念活动 underbygget cementeret gennemført held afholdt "
        "fandt took will begyndte "
        "started began effort rescu aktiv viser submit",
    ),
]
_TYPE_RES = [(kind, re.compile(body)) for kind, body, _ in _TYPE_CUES]
for _i, (_, _, _words) in enumerate(_TYPE_CUES):
    scan.register(f"event:{_i}", _words, word_start=False)


@scan.per_text
def _cue_starts(text: str) -> list[list[int]]:
    """Return, for every cue in order, the offsets where it matches in the text."""
    low = scan.lowered(text)
    return [
        [at for at in scan.positions(text, f"event:{i}") if pattern.match(low, at)]
        for i, (_, pattern) in enumerate(_TYPE_RES)
    ]


def _cues_in(text: str, start: int, end: int) -> list[bool]:
    out = []
    for starts in _cue_starts(text):
        i = bisect_left(starts, start)
        out.append(i < len(starts) and starts[i] < end)
    return out


_DOC_STAMP = re.compile(
    r"^(?:sidst\s+)?(?:opdateret|updated|last\s+updated|published|publiceret|by\b)",
    re.IGNORECASE,
)


def event_type(text: str, start: int = 0, end: int | None = None) -> str:
    """Return the event type that the wording of ``text[start:end]`` suggests."""
    present = _cues_in(text, start, len(text) if end is None else end)
    for (kind, _), found in zip(_TYPE_RES[:-1], present, strict=False):
        if found:
            return kind
    return "other"


def has_event_cue(text: str, start: int = 0, end: int | None = None) -> bool:
    """Return True when ``text[start:end]`` describes something happening."""
    return any(_cues_in(text, start, len(text) if end is None else end))


_ADDRESS = re.compile(r"\s*https?://")
# Kinds of happening that a news item dates by its own date when it gives none.
_UNDATED_KINDS = ("signing", "delegation_visit")
# Future and modal wording: what is planned is dated only when the text dates it.
_NOT_YET = re.compile(
    r"\b(?:will|shall|would|should|skal|skulle|vil|ville|bør|burde|kommer\s+til|ska|wird|"
    r"werden|soll|sollen|sollte|"
    r"planned|planlagt|planlægger|forbereder|preparing|plans?\s+to|scheduled\s+to|expected\s+to|"
    r"geplant|planerad|planlagd)\b|将|拟|计划"
)


def _past_or_present(text: str, start: int, end: int) -> bool:
    return _NOT_YET.search(scan.lowered(text), start, end) is None


_LEADING_DATE = re.compile(r"^[\d.\s\-–]+:\s*")
_NAMED_BEFORE = re.compile(r"[A-Z]{2,}\s$|Expo\s$|EXPO\s$")


def title_for(text: str, limit: int = 90) -> str:
    """Return a one-line title from an event's evidence."""
    title = " ".join(text.split())
    title = _LEADING_DATE.sub("", title)
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


_DATE_LABEL = re.compile(
    r"(?<![\w])(?:date|dato|datum|published|publiceret|publisert|publicerad|veröffentlicht|"
    r"updated|opdateret|oppdatert|uppdaterad|aktualisiert|posted|日期|发布时间|时间)"
    r"[ \t]*[:：][ \t]*$",
    re.IGNORECASE,
)
# A year after these words ends a state ("until 2010", "frem til 2020"), or is a period.
_UNTIL_BEFORE = re.compile(
    r"(?:until|till|indtil|frem\s+til|fram\s+til|fram\s+till|bis|inntil|through|"
    r"the\s+coming\s+year\s+of|for\s+the\s+year|budget\w*\s+for)[ \t]+(?:\w+[ \t]+)?$",
    re.IGNORECASE,
)
# A year after these words dates a state ("siden 1992"), not a happening.
_SINCE_BEFORE = re.compile(
    r"(?:siden|sidan|sedan|since|seit|fra|från|from|自)[ \t]+(?:\w+[ \t]+)?$"
)


def _in_brackets(text: str, start: int) -> bool:
    """Return True when ``start`` lies inside parentheses on its line."""
    line = text.rfind("\n", 0, start) + 1
    before = text[line:start]
    return before.rfind("(") > before.rfind(")")


def _usable(ctx: DocContext, d: DateMention, money_spans: list[tuple[int, int]]) -> bool:
    if d.form in ("yrange",):
        return False
    # "date:2013-12-01", "Dato: 4. maj 2019": the page's own stamp, not a happening's date.
    if _DATE_LABEL.search(ctx.text[max(0, d.start - 20) : d.start]):
        return False
    if d.form == "year" and _SINCE_BEFORE.search(ctx.text[max(0, d.start - 20) : d.start]):
        return False
    # "until 2010", "will stay until July 24": where something ends, not when it happened.
    if _UNTIL_BEFORE.search(ctx.text[max(0, d.start - 30) : d.start]):
        return False
    # A year after the text's own year names a plan, not a happening.
    own_year = (ctx.month or "")[:4]
    if d.precision == "year" and own_year and d.value > own_year:
        return False
    # "长野市(1981年4月19日缔结)": a date in brackets annotates an item of a list.
    if _in_brackets(ctx.text, d.start):
        return False
    if any(s <= d.start < e for s, e in money_spans):
        return False
    # A year glued to a capitalised name ("Badminton VM 2014") names the thing, not a date.
    before = ctx.text[max(0, d.start - 12) : d.start]
    return not (d.form == "year" and _NAMED_BEFORE.search(before))


def extract_events(ctx: DocContext) -> list[Event]:
    """Return events from sentences that have a date and describe something happening."""
    text = ctx.text
    out: list[Event] = []
    money_spans = [(m.start, m.end) for m in find_money(text)]
    waiting: list[tuple[str, int, int]] = []  # undated happenings: (kind, start, end)
    for seg in ctx.segments:
        # Cheapest tests first: most segments have no date at all.
        if seg.end - seg.start < 15:
            continue
        found = ctx.dates_in(seg.start, seg.end)
        if (not found and not ctx.month) or ctx.is_excluded(seg.start, seg.end):
            continue
        seg_text = text[seg.start : seg.end]
        if _DOC_STAMP.match(seg_text) or _ADDRESS.match(seg_text):
            continue
        if not found:
            waiting.append((event_type(text, seg.start, seg.end), seg.start, seg.end))
            continue
        dates = [d for d in found if _usable(ctx, d, money_spans)]
        if not _past_or_present(text, seg.start, seg.end):
            # "are scheduled to visit this Saturday": a weekday read back from the page's
            # date cannot date what is still to come.
            dates = [d for d in dates if not (d.form == "relative" and d.precision == "day")]
            # "will be signed on 15 September" in March: the coming September.
            dates = [_ahead(d, ctx.date) for d in dates]
        if _ANNIVERSARY.search(scan.lowered(text), seg.start, seg.end):
            # "This year marks the 20th anniversary": the year of a jubilee is no date.
            dates = [
                d
                for d in dates
                if not (d.form == "relative" and d.precision == "year")
                # "visiting us twice a year, in May and at Christmas": a habit, not a date
                and not (d.form == "month" and not _LAST_BEFORE.search(text, 0, d.start))
                and not _MARKS_AFTER.match(scan.lowered(text), d.end)
            ]
        if _SINCE_START.match(scan.lowered(text), seg.start):
            continue  # "Siden 1992 har ...": a state that lasts, not a happening
        if not dates or not has_event_cue(text, seg.start, seg.end):
            continue
        if _BECAME_PARTNERS.search(scan.lowered(text), seg.start, seg.end) or _TIE_BEGAN.search(
            scan.lowered(text), seg.start, seg.end
        ):
            continue  # "I 1966 ... blev Narsaq og Gladsaxe venskabsbyer": how a tie began
        kind = event_type(text, seg.start, seg.end)
        if kind == "other" and _TOWN_AGE.search(scan.lowered(text), seg.start, seg.end):
            continue  # a town celebrating its own age; no twinning is a century old
        if kind == "meeting" and _COUNCIL_MEETING.search(scan.lowered(text), seg.start, seg.end):
            continue  # a council's own meeting decides; it is not a happening between towns
        # Keep one date for each year: the most precise, then the nearest to the cue.
        cue_at = _first_cue(text, seg.start, seg.end)
        chosen: dict[str, DateMention] = {}
        for d in dates:
            year = d.value[:4]
            old = chosen.get(year)
            if old is None or _rank(d, cue_at) > _rank(old, cue_at):
                chosen[year] = d
        for d in chosen.values():
            out += _visits(ctx, _event(ctx, seg.start, seg.end, kind, d.value, d.end_value))
    out += _undated(ctx, waiting, out)
    return _without_echoes(out)


def _ahead(d: DateMention, today) -> DateMention:  # noqa: ANN001 - a date or None
    """Return a date without a year that fell before the page's day, a year later."""
    if (
        d.has_year
        or today is None
        or d.form == "relative"
        or d.value >= today.isoformat()[: len(d.value)]
    ):
        return d

    def later(value: str | None) -> str | None:
        return value and f"{int(value[:4]) + 1:04d}{value[4:]}"

    return DateMention(d.start, d.end, later(d.value) or d.value, later(d.end_value), False, d.form)


def _without_echoes(events: list[Event]) -> list[Event]:
    """Drop an event that only repeats a more precisely dated one of the same kind.

    "2023年 ... 两市正式签署备忘录" after "于26日签署备忘录" tells the same signing again.
    Same kind, the same place or none named, and a year or a month that the other date
    falls in.
    """
    out: list[Event] = []
    for e in events:
        # The same kind on the same day told twice is one happening.
        if len(e.date or "") == 10 and any(
            o.event == e.event and o.date == e.date and o.origin == e.origin for o in out
        ):
            continue
        if (
            e.end_date is None
            and not _EARLIER.search(e.evidence.lower())
            and any(
                o is not e
                and o.event == e.event
                and (o.destination == e.destination or not e.destination)
                and o.date
                and e.date
                and len(o.date) > len(e.date)
                and o.date.startswith(e.date)
                for o in events
            )
        ):
            continue
        out.append(e)
    return out


# "a delegation from Paide", "Besøg fra Krems og Ratzeburg", "aus Rudong", "由下关".
_FROM = re.compile(
    r"(?:来访的[\u3400-\u9fff]{0,4}|\b[Ff]ra|\b[Ff]rom|\b[Aa]us|\b[Ff]rån|\b[Vv]on|\bof|由|从)\s*"
    # "fra venskabsbyen Sandnes", "from our twin town of", "aus der Partnerstadt"
    r"(?:(?:the|our|its|den|det|der|die|vores|vår|vor)\s+)?"
    r"(?:[a-zæøåäöüß-]+\s+|[Pp]artnerstadt\s+|lettischen\s+){0,2}(?:of\s+)?$"
)
# "罗斯基勒市代表团抵达扬州", "the Roskilde delegation", "Roskilde-delegationen": the
# delegation named after its town comes from there.
_FROM_AFTER = re.compile(
    r"(?:[ \t]*-?[ \t]*(?:delegation|delegationen|delegasjonen|delegationen)\b)|"
    r"(?:市|县|区)?(?:政府|党政|友好)?(?:代表团|访问团|考察团)",
    re.IGNORECASE,
)
_TO = re.compile(
    r"(?:\btil|\bto|\bnach|\btill|\bi|\bin|\bmot|besøgte|besøkte|besökte|visited|visits|"
    r"besuchte|访问|抵)\s*$",
    re.IGNORECASE,
)
_AND = re.compile(r"\s*(?:,|og|and|und|och|与|和|、)\s*")


def _visits(ctx: DocContext, event: Event) -> list[Event]:
    """Give a visit its direction; a visit from several places is one visit from each."""
    if event.event not in ("delegation_visit", "exchange"):
        return [event]
    text = ctx.text
    towns = [m for m in ctx.places_in(event.start, event.end) if m.place.kind != "country"]
    if not towns and _THE_VISIT.match(text, event.start):
        # "Turen varer fra 10. til 16. mars": the trip the sentence before tells of.
        before = [seg for seg in ctx.segments if seg.end <= event.start]
        if before:
            prev = before[-1]
            towns = [m for m in ctx.places_in(prev.start, prev.end) if m.place.kind != "country"]
            if towns:
                return _visits_between(ctx, event, towns, prev.start, prev.end)
    if not towns:
        return [event]
    return _visits_between(ctx, event, towns, event.start, event.end)


# A sentence that begins with the visit itself: "Besøget ...", "The trip ...", "此次访问".
_THE_VISIT = re.compile(
    r"(?:besøget|besøket|besöket|turen|rejsen|reisen|resan|the\s+(?:visit|trip|delegation)|"
    r"der\s+besuch|die\s+reise|die\s+delegation|此次访问|此次出访|此访)\b",
    re.IGNORECASE,
)


def _visits_between(
    ctx: DocContext, event: Event, towns: list, start: int, end: int
) -> list[Event]:
    """Return the visit (or one per origin) with its direction read from ``text[start:end]``."""
    text = ctx.text
    origins: list = []
    for i, m in enumerate(towns):
        if _FROM.search(text[max(start, m.start - 40) : m.start]) or _FROM_AFTER.match(
            text, m.end, min(end, m.end + 12)
        ):
            origins = [m]
            for other in towns[i + 1 :]:
                if _AND.fullmatch(text[origins[-1].end : other.start]):
                    origins.append(other)
                else:
                    break
            break
    # A town named again ("a delegation from Suzhou ... from its twin town Suzhou") is
    # still where the visitors come from.
    rest = [m for m in towns if m.place.id not in {o.place.id for o in origins}]
    to = next(
        (m for m in rest if _TO.search(text[max(start, m.start - 12) : m.start])),
        rest[0] if rest else None,
    )
    name = ctx_name(ctx)
    destination = (
        name(to) if to is not None else ((ctx.home_name or None) if origins else event.destination)
    )
    if origins and destination and any(name(o) == destination for o in origins):
        destination = None
    if not origins:
        event.destination = destination
        return [event]
    out = []
    for o in origins:
        out.append(
            Event(
                start=event.start,
                end=event.end,
                evidence=event.evidence,
                event=event.event,
                date=event.date,
                end_date=event.end_date,
                origin=name(o),
                destination=destination,
                title=event.title,
                area=event.area,
            )
        )
    return out


def ctx_name(ctx: DocContext):  # noqa: ANN201 - a function of a mention
    """Return a function giving a mention's name as written, without a genitive."""

    def name(m) -> str:  # noqa: ANN001
        surface = " ".join(ctx.text[m.start : m.end].split())
        if m.genitive and surface.endswith(("'s", "’s")):
            return surface[:-2]
        if m.genitive and surface.endswith("s") and not m.place.name.endswith("s"):
            return surface[:-1]
        return surface

    return name


def _event(
    ctx: DocContext, start: int, end: int, kind: str, date: str, end_date: str | None
) -> Event:
    text = ctx.text
    places = ctx.places_in(start, end)
    destination = " ".join(text[places[0].start : places[0].end].split()) if places else None
    return Event(
        start=start,
        end=end,
        evidence=text[start:end],
        event=kind,
        date=date,
        end_date=end_date,
        destination=destination,
        title=title_for(text[start:end]),
    )


def _undated(
    ctx: DocContext, waiting: list[tuple[str, int, int]], dated: list[Event]
) -> list[Event]:
    """Date the first visit and the first signing that a news item tells without a date.

    A news item reports what happened around its own date, so a sentence such as "the
    delegation visited Teltow for two days" is dated by the page's month. Only a kind
    of happening that no sentence of the page dates is read this way, only once, and
    only from a sentence in the past or present that names a town.
    """
    if not ctx.month:
        return []
    # A happening is told already when a sentence dates one of its kind within the page's
    # own month, unless that one went elsewhere: "He was in Beijing" beside a dated visit
    # to Shanghai is a second visit. One dated earlier ("already in the summer") is
    # another happening than the one the page reports.
    told = [
        (e.event, {e.origin, e.destination})
        for e in dated
        if (e.date or "").startswith(ctx.month) or (e.end_date or "").startswith(ctx.month)
    ]
    out: list[Event] = []
    for kind, start, end in waiting:
        if kind not in _UNDATED_KINDS:
            continue
        text = ctx.text
        sentence = text[start:end].rstrip()
        if not sentence or sentence[-1] not in ".!?。":
            continue  # a heading or a caption
        if not _past_or_present(text, start, end):
            continue
        towns = [m for m in ctx.places_in(start, end) if m.place.kind != "country"]
        if not towns:
            continue
        found = _visits(ctx, _event(ctx, start, end, kind, ctx.month, None))
        named = {n for e in found for n in (e.origin, e.destination)}
        if any(
            k == kind
            and (kind != "delegation_visit" or None in named or None in ends or named & ends)
            for k, ends in told
        ):
            continue
        told.append((kind, named))
        out += found
    return out


def _rank(d: DateMention, cue_at: int) -> tuple[int, bool, int]:
    # More precise first, then a date the text writes out, then the nearest to the cue.
    return len(d.value), d.form != "relative", -abs(d.start - cue_at)


def _first_cue(text: str, start: int, end: int) -> int:
    best = end
    for starts in _cue_starts(text)[:-1]:
        i = bisect_left(starts, start)
        if i < len(starts) and starts[i] < end:
            best = min(best, starts[i])
    return best


# "signed already in the summer": an earlier happening than the one the page reports.
_EARLIER = re.compile(
    r"\b(?:allerede|already|redan|bereits|schon|tidligere|earlier|previously|tidigare|früher)\b"
    r"|早在|此前|此前已"
)
# "750-års jubilæum", "725th anniversary", "800-Jahr-Feier": the age of a town itself.
_TOWN_AGE = re.compile(
    r"(?<!\d)[1-9]\d{2}\s*(?:-\s*)?(?:års\s*jubil|årsjubil|års\s*fødselsdag|år\b|th\s+anniversary|"
    r"jahr|jähr|周年)"
)
_LAST_BEFORE = re.compile(r"\b(?:last|sidste|forrige|förra|letzten|vergangenen)\s+$", re.IGNORECASE)
_ANNIVERSARY = re.compile(
    r"\d+(?:st|nd|rd|th|\.)?\s*(?:anniversary|års\s*jubil|-års|årsjubil|jahrestag|jubiläum)|"
    r"\d+\s*周年|marks\s+\d+\s+years"
)
_SINCE_START = re.compile(r"\s*[\"“”'‘’]?\s*(?:siden|sidan|sedan|since|seit)\b")
# "2018 marks 35 years since ...": the year of a jubilee, not of a happening.
_MARKS_AFTER = re.compile(r"\s*(?:marks|markerer|markerar|markiert|是)\b")

# A partnership coming into being as a state: "blev officielle venskabsbyer",
# "became sister cities", "wurden Partnerstädte", "启动缔结友好城市关系工作".
_TIE_WORDS = (
    r"(?:venskabsbyer|vennskapsbyer|venskabskommuner|vennskapskommuner|vänorter|vänstäder|"
    r"sister\s+cities|twin\s+towns|twin\s+cities|partner\s+cities|friendship\s+cities|"
    r"partnerstädte|schwesterstädte)\b"
)
_BECAME_PARTNERS = re.compile(
    r"\b(?:blev|ble|blei|blevo|became|become|wurden|wurde)\b(?:\s+[\w'’-]+){0,6}?\s+"
    + _TIE_WORDS
    + r"|(?:启动|开始)(?:缔结|建立|结为)"
)
# "The link, which began in 1993", "venskabet startede i 1972": when a tie began.
_TIE_BEGAN = re.compile(
    r"\b(?:link|twinning|partnership|relationship|friendship|tie|venskab\w*|vennskap\w*|"
    r"samarbejdet|samarbeidet|samarbetet|partnerschaft|freundschaft|vänort\w*)\b"
    r"[^.!?\n]{0,25}?\b(?:began|started|begyndte|startede|begynte|startet|började|startade|"
    r"begann|begonnen)\b"
)
# Meetings of a council or its committees, in each language.
_COUNCIL_MEETING = re.compile(
    r"byrådsmøde|kommunalbestyrelsesmøde|udvalgsmøde|bystyremøte|kommunestyremøte|"
    r"formannskapsmøte|fullmäktigemöte|fullmäktiges\s+sammanträde|kommunstyrelsens\s+sammanträde|"
    r"council\s+meeting|council\s+session|stadtratssitzung|gemeinderatssitzung|"
    r"ratssitzung|ausschusssitzung|常委会会议|市委常委会"
)
