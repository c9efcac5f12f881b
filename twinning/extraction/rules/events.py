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
        r"unterzeichne\w*",
        "underskr signed signing signs indgik indgået indgåelse entered made concluded fornye "
        "renew undertecknade unterzeichne",
    ),
    (
        "conference",
        r"konferen\w+|conference\w*|forum|seminar\w*|expo\b|symposi\w+|workshop\w*|"
        r"topmøde|summit",
        "konferen conference forum seminar expo symposi workshop topmøde summit",
    ),
    (
        "exchange",
        r"udveksl\w+|exchange\w*|elevbesøg|studieophold|summer\s+school|"
        r"assistant\s+teachers",
        "udveksl exchange elevbesøg studieophold summer assistant",
    ),
    (
        "delegation_visit",
        r"delegation\w*|besøg\w*|visit\w*|statsbesøg|state\s+visit|rejse\w*|rejser|"
        r"\btrip\b|\btour\b|på\s+tur",
        "delegation besøg visit state rejse trip tour på",
    ),
    (
        # "møde" anywhere also covers compounds such as "telefonmøde".
        "meeting",
        r"møde\w*|meeting\w*|mødes|rundbord\w*|reception|dialog\w*|drøftelse\w*",
        "møde meeting rundbord reception dialog drøftelse",
    ),
    (
        "other",
        r"launch\w*|initiat\w*|terminat\w*|decid\w*|besluttet|beslutning|godkend\w*|"
        r"vedtaget|opdateret|updated|etabler\w*|established|fremstillet|ansat|udarbejdet|"
        r"afleveret|indleveret|received|modtog|prize|award\w*|commence\w*|overtaget|udvidet|"
        r"expanded|oprettet|åbning|opened|fejring|celebrat\w*|underbygget|cementeret|"
        r"gennemført|held|afholdt|fandt\s+sted|took\s+place|will\s+\w+|begyndte|started|"
        r"began|effort|rescu\w+|aktiv\s+del|viser",
        "launch initiat terminat decid besluttet beslutning godkend vedtaget opdateret updated "
        "etabler established fremstillet ansat udarbejdet afleveret indleveret received modtog "
        "prize award commence overtaget udvidet expanded oprettet åbning opened fejring "
        "celebrat underbygget cementeret gennemført held afholdt fandt took will begyndte "
        "started began effort rescu aktiv viser",
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


_LEADING_DATE = re.compile(r"^[\d.\s\-–]+:\s*")
_NAMED_BEFORE = re.compile(r"[A-Z]{2,}\s$|Expo\s$|EXPO\s$")


def title_for(text: str, limit: int = 90) -> str:
    """Return a one-line title from an event's evidence."""
    title = " ".join(text.split())
    title = _LEADING_DATE.sub("", title)
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _usable(ctx: DocContext, d: DateMention, money_spans: list[tuple[int, int]]) -> bool:
    if d.form in ("yrange",):
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
    for seg in ctx.segments:
        # Cheapest tests first: most segments have no date at all.
        if seg.end - seg.start < 15:
            continue
        found = ctx.dates_in(seg.start, seg.end)
        if not found or ctx.is_excluded(seg.start, seg.end):
            continue
        seg_text = text[seg.start : seg.end]
        if _DOC_STAMP.match(seg_text):
            continue
        dates = [d for d in found if _usable(ctx, d, money_spans)]
        if not dates or not has_event_cue(text, seg.start, seg.end):
            continue
        # Keep the most precise date for each year: "i april 2014" beats "2014".
        chosen: dict[str, DateMention] = {}
        for d in dates:
            year = d.value[:4]
            if year not in chosen or len(d.value) > len(chosen[year].value):
                chosen[year] = d
        places = ctx.places_in(seg.start, seg.end)
        destination = " ".join(text[places[0].start : places[0].end].split()) if places else None
        kind = event_type(text, seg.start, seg.end)
        for d in chosen.values():
            out.append(
                Event(
                    start=seg.start,
                    end=seg.end,
                    evidence=seg_text,
                    event=kind,
                    date=d.value,
                    end_date=d.end_value,
                    destination=destination,
                    title=title_for(seg_text),
                )
            )
    return out
