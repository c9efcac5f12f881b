"""Monthly activity tables: months down, areas across, one bullet per activity.

Text extracted from a PDF table arrives as a stream: a heading with the year
("Kina-aktiviteter i 2013"), a header row (MÅNED, OMRÅDE, AKTIVITET), then for each
month its upper-case name followed by area labels and bulleted entries.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from twinning.extraction import scan
from twinning.extraction.context import DocContext
from twinning.extraction.dates import MONTHS, DateMention, find_dates
from twinning.extraction.facts import Event
from twinning.extraction.rules.events import event_type, title_for
from twinning.extraction.segments import BULLETS

_HEADING = re.compile(
    r"(?im)^[^\n]{0,40}?\b(?:aktiviteter|activities|aktivitetsoversigt|activity\s+overview|"
    r"activity\s+log)\b[^\n]{0,20}?\b(?P<year>(?:19|20)\d\d)\b[ \t]*$"
)
# A heading names its table within the first 40 characters of its line.
_HEADING_REACH = 41
scan.register(
    "table-heading", "aktiviteter activities aktivitetsoversigt activity", word_start=False
)
_HEADER_ROW = re.compile(r"\b(?:MÅNED|MONTH|MÅNAD|MONAT)\b")
_UPPER_MONTHS = sorted(
    {n.upper() for n in MONTHS if len(n) > 3 or n in ("maj", "may")}, key=len, reverse=True
)
_MONTH_LABEL = re.compile(
    rf"(?m)^[ \t]*(?P<m1>{'|'.join(_UPPER_MONTHS)})(?:[ \t]+(?:OG|AND|&|-|–)[ \t\n]+"
    rf"(?P<m2>{'|'.join(_UPPER_MONTHS)}))?(?![\w])"
)
_AREAS = [
    ("overall", r"OVERORDNEDE[ \t\n]+PROJEKT|OVERORDNET|OVERALL(?:[ \t\n]+PROJECT)?|GENERELT"),
    ("education", r"UDDANNELSE|EDUCATION|UTBILDNING|UTDANNING"),
    ("school", r"SKOLE(?:R)?|SCHOOLS?|SKOLA"),
    ("culture", r"KULTUR|CULTURE"),
    ("business", r"ERHVERV|BUSINESS"),
]
_AREA_LABEL = re.compile(
    "|".join(f"(?P<{name}>(?<![\\w])(?:{body})(?![\\w]))" for name, body in _AREAS)
)
_BULLET = re.compile(f"[{BULLETS}]")
# Month and area labels are found from their words; a month label stands at the start of
# its line, after at most this much indentation.
_LABEL_INDENT = 40
scan.register(
    "table-area",
    "overordnede overordnet overall generelt uddannelse education utbildning utdanning "
    "skole schools school skola kultur culture erhverv business",
)
_LEADING_DM = re.compile(
    r"^(?P<d>[0-3]?\d)\.(?P<m>1[0-2]|0?[1-9])\.?(?:[ \t]*[-–][ \t]*(?P<d2>[0-3]?\d)\."
    r"(?P<m2>1[0-2]|0?[1-9])\.?)?[ \t]*:"
)
_SUBLABEL = re.compile(r"^[\w .-]{1,30}:$")
_FUNCTION_WORDS = frozenset(
    [
        "med",
        "af",
        "for",
        "i",
        "og",
        "en",
        "et",
        "den",
        "det",
        "til",
        "på",
        "om",
        "fra",
        "at",
        "som",
        "der",
        "samt",
        "ved",
        "under",
        "efter",
        "mellem",
    ]
)


@dataclass
class _Marker:
    start: int
    end: int
    kind: str  # "month", "area", "bullet"
    value: object = None


def line_matches(
    pattern: re.Pattern[str], text: str, anchors: list[int], reach: int, end: int | None = None
) -> list[re.Match[str]]:
    """Return the matches of a line-anchored pattern on the lines that hold an anchor.

    ``reach`` is how far into its line an anchor word can stand and still be matched.
    """
    out: list[re.Match[str]] = []
    last_end = -1
    for at in anchors:
        line_start = text.rfind("\n", 0, at) + 1
        if at - line_start > reach or line_start < last_end:
            continue
        m = pattern.match(text, line_start, len(text) if end is None else end)
        if m is not None:
            out.append(m)
            last_end = max(m.end(), line_start + 1)
    return out


def table_regions(text: str) -> list[tuple[int, int, int]]:
    """Return (start, end, year) for every activity table in the text."""
    heads = []
    anchors = scan.positions(text, "table-heading")
    for m in line_matches(_HEADING, text, anchors, _HEADING_REACH):
        if _HEADER_ROW.search(text, m.end(), min(len(text), m.end() + 200)):
            heads.append((m.start(), int(m.group("year"))))
    regions = []
    for i, (start, year) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        regions.append((start, end, year))
    return regions


def _markers(text: str, start: int, end: int) -> list[_Marker]:
    marks: list[_Marker] = []
    months = scan.positions(text, "date-month", start, end)
    for m in line_matches(_MONTH_LABEL, text, months, _LABEL_INDENT, end):
        if m.start() < start:
            continue
        m1 = MONTHS[m.group("m1").lower()]
        m2 = MONTHS[m.group("m2").lower()] if m.group("m2") else None
        marks.append(_Marker(m.start("m1"), m.end(), "month", (m1, m2)))
    month_starts = [k.start for k in marks]
    areas = scan.positions(text, "table-area", start, end)
    for m in scan.match_at(_AREA_LABEL, text, areas, end):
        i = bisect_right(month_starts, m.start()) - 1
        if i >= 0 and m.start() < marks[i].end:
            continue
        marks.append(_Marker(m.start(), m.end(), "area", m.lastgroup))
    for m in _BULLET.finditer(text, start, end):
        marks.append(_Marker(m.start(), m.end(), "bullet"))
    marks.sort(key=lambda k: k.start)
    return marks


_BLANK_LINES = re.compile(r"[ \t]*\n(?:[ \t]*\n)+[ \t]*")


def _split_item(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an entry where a short unpunctuated line is followed by a new capitalised line."""
    parts = []
    cur = start
    for m in _BLANK_LINES.finditer(text[start:end]):
        cut_at, nxt_at = start + m.start(), start + m.end()
        if nxt_at >= end:
            continue
        line_start = text.rfind("\n", 0, cut_at) + 1
        line = text[max(line_start, cur) : cut_at].strip()
        nxt = text[nxt_at]
        if (
            line
            and line[-1] not in ".,:;-–("
            and len(line.split()) <= 8
            and nxt.isupper()
            and line.split()[-1].lower() not in _FUNCTION_WORDS
        ):
            parts.append((cur, cut_at))
            cur = nxt_at
    parts.append((cur, end))
    return parts


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in BULLETS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _item_date(
    text: str,
    start: int,
    end: int,
    year: int,
    month: tuple[int, int | None],
    region_dates: list[DateMention],
):
    head = text[start : min(end, start + 40)]
    m = _LEADING_DM.match(head)
    if m:
        d, mo = int(m.group("d")), int(m.group("m"))
        value = f"{year:04d}-{mo:02d}-{d:02d}"
        end_value = None
        if m.group("d2"):
            end_value = f"{year:04d}-{int(m.group('m2')):02d}-{int(m.group('d2')):02d}"
        return value, end_value
    # Dates are in text order and do not overlap: those within the entry are a run.
    i = bisect_left(region_dates, start, key=lambda d: d.start)
    for d in region_dates[i:]:
        if d.start >= end:
            break
        if d.end > end:
            continue
        leading = d.start == start
        if leading or d.form in ("week", "nrange", "srange", "drange", "dmy", "numeric"):
            if d.form == "dmy" and not leading and not d.has_year:
                # A day and month inside an entry ("besøg fra Wuxi d. 22.8.") refers to
                # something else; only a leading date dates the entry.
                continue
            return d.value, d.end_value
        if d.form == "my" and d.value[:4] == str(year):
            return d.value, d.end_value
    m1, m2 = month
    if m2:
        return f"{year:04d}-{m1:02d}", f"{year:04d}-{m2:02d}"
    return f"{year:04d}-{m1:02d}", None


def extract_table_events(ctx: DocContext) -> list[Event]:
    """Return one event per entry of every monthly activity table, with its area."""
    text = ctx.text
    out: list[Event] = []
    for start, end, year in table_regions(text):
        ctx.excluded.append((start, end))
        marks = _markers(text, start, end)
        region_dates = find_dates(text, default_year=year, start=start, end=end)
        month: tuple[int, int | None] | None = None
        area: str | None = None
        for i, mark in enumerate(marks):
            if mark.kind == "month":
                month, area = mark.value, None  # type: ignore[assignment]
                continue
            if mark.kind == "area":
                area = mark.value  # type: ignore[assignment]
            if month is None or area is None:
                continue
            item_end = marks[i + 1].start if i + 1 < len(marks) else end
            for s, e in _split_item(text, mark.end, item_end):
                s, e = _strip(text, s, e)
                if e - s < 3:
                    continue
                body = text[s:e]
                if _SUBLABEL.match(body):
                    continue
                date, end_date = _item_date(text, s, e, year, month, region_dates)
                out.append(
                    Event(
                        start=s,
                        end=e,
                        evidence=body,
                        event=event_type(text, s, e),
                        date=date,
                        end_date=end_date,
                        title=title_for(body),
                        area=area,
                    )
                )
    return out
