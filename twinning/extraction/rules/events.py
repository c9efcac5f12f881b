"""Dated happenings told in running text: signings, visits, meetings, conferences."""

from __future__ import annotations

import re

from twinning.extraction.context import DocContext
from twinning.extraction.dates import DateMention
from twinning.extraction.facts import Event
from twinning.extraction.money import find_money

# Order matters: the first type whose cue appears in the text wins.
_TYPE_CUES = [
    (
        "signing",
        r"underskr\w+|signed|signing|signs|indgik|indgået|indgåelse|entered\s+into|"
        r"made\s+a\s+\w+\s+\w+\s+agreement|concluded|fornye\w*|renew\w*|undertecknade|"
        r"unterzeichne\w*",
    ),
    (
        "conference",
        r"konferen\w+|conference\w*|forum|seminar\w*|expo\b|symposi\w+|workshop\w*|"
        r"topmøde|summit",
    ),
    (
        "exchange",
        r"udveksl\w+|exchange\w*|elevbesøg|studieophold|summer\s+school|"
        r"assistant\s+teachers",
    ),
    (
        "delegation_visit",
        r"delegation\w*|besøg\w*|visit\w*|statsbesøg|state\s+visit|rejse\w*|rejser|"
        r"\btrip\b|\btour\b|på\s+tur",
    ),
    (
        "meeting",
        r"møde\w*|\w+møde\b|meeting\w*|mødes|rundbord\w*|reception|dialog\w*|"
        r"telefonmøde|drøftelse\w*",
    ),
]
_TYPE_RES = [(kind, re.compile(body, re.IGNORECASE)) for kind, body in _TYPE_CUES]
_OTHER_CUE = re.compile(
    r"launch\w*|initiat\w*|terminat\w*|decid\w*|besluttet|beslutning|godkend\w*|vedtaget|"
    r"opdateret|updated|etabler\w*|established|fremstillet|ansat|udarbejdet|afleveret|"
    r"indleveret|received|modtog|prize|award\w*|commence\w*|overtaget|udvidet|expanded|"
    r"oprettet|åbning|opened|fejring|celebrat\w*|underbygget|cementeret|gennemført|"
    r"held|afholdt|fandt\s+sted|took\s+place|will\s+\w+|begyndte|started|began|"
    r"effort|rescu\w+|aktiv\s+del|viser",
    re.IGNORECASE,
)
_DOC_STAMP = re.compile(
    r"^(?:sidst\s+)?(?:opdateret|updated|last\s+updated|published|publiceret|by\b)",
    re.IGNORECASE,
)


def event_type(text: str) -> str:
    """Return the event type that the wording of ``text`` suggests."""
    for kind, pattern in _TYPE_RES:
        if pattern.search(text):
            return kind
    return "other"


def has_event_cue(text: str) -> bool:
    """Return True when the text describes something happening."""
    return any(p.search(text) for _, p in _TYPE_RES) or bool(_OTHER_CUE.search(text))


def title_for(text: str, limit: int = 90) -> str:
    """Return a one-line title from an event's evidence."""
    title = " ".join(text.split())
    title = re.sub(r"^[\d.\s\-–]+:\s*", "", title)
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def _usable(ctx: DocContext, d: DateMention, money_spans: list[tuple[int, int]]) -> bool:
    if d.form in ("yrange",):
        return False
    if any(s <= d.start < e for s, e in money_spans):
        return False
    # A year glued to a capitalised name ("Badminton VM 2014") names the thing, not a date.
    before = ctx.text[max(0, d.start - 12) : d.start]
    return not (d.form == "year" and re.search(r"[A-Z]{2,}\s$|Expo\s$|EXPO\s$", before))


def extract_events(ctx: DocContext) -> list[Event]:
    """Return events from sentences that have a date and describe something happening."""
    text = ctx.text
    out: list[Event] = []
    money_spans = [(m.start, m.end) for m in find_money(text)]
    for seg in ctx.segments:
        if ctx.is_excluded(seg.start, seg.end):
            continue
        seg_text = text[seg.start : seg.end]
        if _DOC_STAMP.match(seg_text) or len(seg_text) < 15:
            continue
        dates = [d for d in ctx.dates_in(seg.start, seg.end) if _usable(ctx, d, money_spans)]
        if not dates or not has_event_cue(seg_text):
            continue
        # Keep the most precise date for each year: "i april 2014" beats "2014".
        chosen: dict[str, DateMention] = {}
        for d in dates:
            year = d.value[:4]
            if year not in chosen or len(d.value) > len(chosen[year].value):
                chosen[year] = d
        places = ctx.places_in(seg.start, seg.end)
        destination = " ".join(text[places[0].start : places[0].end].split()) if places else None
        kind = event_type(seg_text)
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
