"""Find dates, partial dates, ranges and week numbers in Danish and English text.

Values are ISO strings at the precision the text gives: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. A range also has an ``end`` value. Dates that omit the year take it
from a reference date (the document's own date or a table heading).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from twinning.extraction import scan

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "januar january jan janvier jänner",
        "februar february feb",
        "marts march mar märz mars",
        "april apr",
        "maj may mai",
        "juni june jun",
        "juli july jul",
        "august aug augusti",
        "september sept sep",
        "oktober october okt oct",
        "november nov",
        "december dec dezember",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number


def _cldr_months() -> None:
    """Add the month names and abbreviations CLDR gives for the languages read here."""
    from babel.dates import get_month_names

    for locale in ("da", "nb", "nn", "sv", "de", "en"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale=locale).items():
                    word = name.lower().rstrip(".")
                    # "des" is also an article; it needs its full name here.
                    if len(word) >= 3 and word != "des":
                        MONTHS.setdefault(word, number)


_cldr_months()
# Full month names only; abbreviations need a day or year next to them.
_FULL_MONTHS = sorted({n for n in MONTHS if len(n) > 3 or n in ("maj", "may", "mai")}, key=len)
_ALL_MONTHS = sorted(MONTHS, key=len, reverse=True)
_MONTH = r"(?:" + "|".join(_ALL_MONTHS) + r")\.?"
_FULL_MONTH = r"(?:" + "|".join(sorted(_FULL_MONTHS, key=len, reverse=True)) + r")"
_YEAR = r"(?:19|20)\d\d"
_WS = r"[ \t\u00a0]*\n?[ \t\u00a0\n]*"  # a line break may fall inside a date
_DAY = r"(?:[012]?\d|3[01])"
_ORD = r"(?:st|nd|rd|th|\.)?"

# "last May", "sidste maj": the most recent such month before the text's own month.
_LAST_WORDS = ("last", "sidste", "forrige", "förra", "letzten", "vergangenen")
_LAST = "|".join(_LAST_WORDS)
_CJK_RANGE = r"\s*(?:至|到|—|–|-)\s*"
# What joins the two ends of a range written with words or a dash.
_UNTIL = r"(?:[-–—]|(?:to|til|till|until|through|and|og|och|bis|und)(?![\w]))"
# "May 3 and June 2" names two days; only "between May 29 and June 1" names a range.
_AND_WORDS = ("and", "og", "och", "und")
_BETWEEN = re.compile(r"(?:between|mellem|mellom|mellan|zwischen)\s+$", re.IGNORECASE)
_WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "mandag måndag monday montag",
        "tirsdag tisdag tuesday dienstag",
        "onsdag wednesday mittwoch",
        "torsdag thursday donnerstag",
        "fredag friday freitag",
        "lørdag lördag laurdag saturday samstag",
        "søndag söndag sundag sunday sonntag",
    ]
):
    for _name in _names.split():
        _WEEKDAYS[_name] = _number
        if _name[-1] == "g" and not _name.endswith(("day", "tag")):
            # "på måndagen", "om mandagen": the weekday with its article
            _WEEKDAYS[_name + "en"] = _number
# Words that place a happening relative to the text's own date, in days (None: the
# text's year; "month": its month).
_RELATIVE: dict[str, int | str | None] = {
    "i går": -1,
    "igår": -1,
    "i gaar": -1,
    "yesterday": -1,
    "gestern": -1,
    "昨日": -1,
    "昨天": -1,
    "i dag": 0,
    "idag": 0,
    "today": 0,
    "heute": 0,
    "今日": 0,
    "今天": 0,
    "日前": "month",
    "近日": "month",
    "tidligere på året": "year",
    "tidligare i år": "year",
    "earlier this year": "year",
    "this year": "year",
    "i år": "year",
    "dieses jahr": "year",
    "in diesem jahr": "year",
    "今年": "year",
    # Seasons and "a few weeks ago": the year, or the month, that the text was written in.
    "i sommer": "year",
    "i sommar": "year",
    "i somras": "year",
    "this summer": "year",
    "in diesem sommer": "year",
    "diesen sommer": "year",
    "i vår": "year",
    "i foråret": "year",
    "i efteråret": "year",
    "i høst": "year",
    "i höstas": "year",
    "i våras": "year",
    "this spring": "year",
    "this autumn": "year",
    "this fall": "year",
    "for få uger siden": "month",
    "for kun få uger siden": "month",
    "for nylig": "month",
    "for noen uker siden": "month",
    "for få uker siden": "month",
    "for nokre veker sidan": "month",
    "för några veckor sedan": "month",
    "nyligen": "month",
    "a few weeks ago": "month",
    "recently": "month",
    "vor wenigen wochen": "month",
    "vor einigen wochen": "month",
    "kürzlich": "month",
    "neulich": "month",
    # "Last week": the month that the week before the text's own day fell in.
    "i sidste uge": "last week",
    "sidste uge": "last week",
    "i forrige uge": "last week",
    "forrige uge": "last week",
    "i forrige uke": "last week",
    "forrige uke": "last week",
    "i førre veke": "last week",
    "førre veke": "last week",
    "förra veckan": "last week",
    "i förra veckan": "last week",
    "last week": "last week",
    "letzte woche": "last week",
    "vergangene woche": "last week",
    "in der vergangenen woche": "last week",
    "上周": "last week",
    "上星期": "last week",
}


def _is_cjk(word: str) -> bool:
    return "\u3400" <= word[0] <= "\u9fff"


_PATTERNS = [
    # 2017年9月19至22日 / 1981年4月19日 / 2002年8月 / 2005年
    (
        "cjk",
        rf"(?P<cj_y>{_YEAR})\s*年(?:\s*(?P<cj_m>1[0-2]|0?[1-9])\s*月(?:\s*(?P<cj_d>{_DAY})\s*日?)?"
        rf"(?:{_CJK_RANGE}(?:(?P<cj_m2>1[0-2]|0?[1-9])\s*月)?\s*(?P<cj_d2>{_DAY})\s*日)?)?",
    ),
    # 9月27日 / 18日至20日: the year, or the year and month, of the text's own date
    (
        "cjkmd",
        rf"(?<![\d年])(?P<cm_m>1[0-2]|0?[1-9])\s*月\s*(?P<cm_d>{_DAY})\s*日"
        rf"(?:{_CJK_RANGE}(?P<cm_d2>{_DAY})\s*日)?",
    ),
    ("cjkd", rf"(?<![\d月])(?P<cd_d>{_DAY})\s*日(?:{_CJK_RANGE}(?P<cd_d2>{_DAY})\s*日)?"),
    # 2013-06-07
    ("iso", rf"(?<!\d)(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]?\d)(?!\d)"),
    # 29. september – 2. oktober 2016 / 30 June to 2 July (a range across two months)
    (
        "xdrange",
        rf"(?<![\d.])(?P<xd_d1>{_DAY}){_ORD}{_WS}(?P<xd_m1>{_MONTH}){_WS}{_UNTIL}{_WS}"
        rf"(?P<xd_d2>{_DAY}){_ORD}{_WS}(?P<xd_m2>{_MONTH})(?:,?{_WS}(?P<xd_y>{_YEAR}))?(?![\w])",
    ),
    # 11.-16. januar 2015 / 14.-21. november / 14-21 November 2015 / 2 to 5 October
    (
        "drange",
        rf"(?<![\d.])(?P<dr_d1>{_DAY})\.?(?:/{_DAY}\.?)?{_WS}(?:[-–]|(?:to|til|till|until|and|og|bis)(?![\w])){_WS}"
        rf"(?P<dr_d2>{_DAY})\.?{_WS}"
        rf"(?P<dr_m>{_MONTH})(?:{_WS}(?P<dr_y>{_YEAR}))?(?![\w])",
    ),
    # 7.6-12.6. / 24.10 -25.10. / 22.8-27.8
    (
        "nrange",
        rf"(?<![\d.])(?P<nr_d1>{_DAY})\.(?P<nr_m1>1[0-2]|0?[1-9])\.?[ \t]*[-–][ \t]*"
        rf"(?P<nr_d2>{_DAY})\.(?P<nr_m2>1[0-2]|0?[1-9])(?:\.(?P<nr_y>{_YEAR}))?\.?(?![\d])",
    ),
    # 5-7.5. / 21.-23.10.
    (
        "srange",
        rf"(?<![\d.])(?P<sr_d1>{_DAY})\.?[-–](?P<sr_d2>{_DAY})\.(?P<sr_m>1[0-2]|0?[1-9])"
        rf"(?:\.(?P<sr_y>{_YEAR}))?\.?(?![\d])",
    ),
    # 07.8.2013 / 7/8/2013
    (
        "numeric",
        rf"(?<![\d.])(?P<nu_d>{_DAY})[./](?P<nu_m>1[0-2]|0?[1-9])[./](?P<nu_y>{_YEAR})(?!\d)",
    ),
    # the 9th of march 2022 / 2. oktober 2012 / 2 October / 27. \n\noktober
    (
        "dmy",
        rf"(?<![\d.])(?P<dmy_d>{_DAY}){_ORD}(?:{_WS}of)?{_WS}(?P<dmy_m>{_MONTH})"
        rf"(?:,?{_WS}(?P<dmy_y>{_YEAR}))?(?![\w])",
    ),
    # May 29 – June 1, 2018 / between May 29 and June 1
    (
        "xmrange",
        rf"(?<![\w])(?P<xm_m1>{_MONTH}){_WS}(?P<xm_d1>{_DAY})(?:st|nd|rd|th)?{_WS}{_UNTIL}{_WS}"
        rf"(?P<xm_m2>{_MONTH}){_WS}(?P<xm_d2>{_DAY})(?:st|nd|rd|th)?(?!\d)"
        rf"(?:,?{_WS}(?P<xm_y>{_YEAR}))?(?![\w])",
    ),
    # October 12, 2012 / October 2nd
    (
        "mdy",
        rf"(?<![\w])(?P<mdy_m>{_MONTH}){_WS}(?P<mdy_d>{_DAY})(?:st|nd|rd|th)?(?!\d)"
        rf"(?:,?{_WS}(?P<mdy_y>{_YEAR}))?(?![\w])",
    ),
    # uge 35 og 36 / week 44 / uge 34-35
    (
        "week",
        rf"(?<![\w])(?:uge|uke|vecka|week|woche|kw)\.?{_WS}(?P<wk_1>[1-5]?\d)"
        rf"(?:{_WS}(?:og|and|-|–|til|to){_WS}(?P<wk_2>[1-5]?\d))?(?:{_WS}(?P<wk_y>{_YEAR}))?(?!\d)",
    ),
    # juni måned 2015 / april 2014 / primo juni 2015
    (
        "my",
        rf"(?<![\w])(?P<my_m>{_MONTH})(?:{_WS}(?:måned|month))?,?{_WS}(?P<my_y>{_YEAR})(?!\d)",
    ),
    # 2013-2016 / 2013–15
    ("yrange", rf"(?<![\w.-])(?P<yr_1>{_YEAR})[ \t]*[-–/][ \t]*(?P<yr_2>{_YEAR})(?![\w-])"),
    ("year", rf"(?<![\w.,-])(?P<y>{_YEAR})(?![\w-]|[.,]\d)"),
    # i går / yesterday / 昨日 / torsdag / on Thursday (needs the text's own date)
    (
        "relative",
        r"(?P<rel>"
        + "|".join(
            re.escape(w).replace("\\ ", r"\s+") + ("" if _is_cjk(w) else r"(?![^\W\d_])")
            for w in sorted([*_RELATIVE, *_WEEKDAYS], key=len, reverse=True)
        )
        + ")",
    ),
    # in September / i september (needs a reference year)
    (
        "month",
        rf"(?<![\w])(?P<mo_p>i|in|im|på|during|from|fra|til|until|{_LAST}){_WS}(?P<mo_m>{_FULL_MONTH})(?![\w])"
        rf"(?!{_WS}(?:måned|month)?,?{_WS}{_YEAR})",
    ),
]
# Every form in one pattern, for callers that match short strings themselves.
DATE_RE = re.compile("|".join(f"(?P<{name}>{body})" for name, body in _PATTERNS), re.IGNORECASE)
# Every pattern begins with a digit, a month name, a week word or a preposition before a
# month name. Only those positions are tried, each with the patterns that can begin
# there, in priority order; one alternation per kind of start tries them in one call.
_DIGIT_KINDS = (
    "cjk",
    "cjkmd",
    "cjkd",
    "iso",
    "xdrange",
    "drange",
    "nrange",
    "srange",
    "numeric",
    "dmy",
    "yrange",
    "year",
)
_MONTH_KINDS = ("xmrange", "mdy", "my")


def _alternation(kinds: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{name}>{body})" for name, body in _PATTERNS if name in kinds))


_BY_START = {
    "relative": (_alternation(("relative",)), ("relative",)),
    "digit": (_alternation(_DIGIT_KINDS), _DIGIT_KINDS),
    "month": (_alternation(_MONTH_KINDS), _MONTH_KINDS),
    "week": (_alternation(("week",)), ("week",)),
    "prep": (_alternation(("month",)), ("month",)),
}
_SINGLE = {name: re.compile(body) for name, body in _PATTERNS}
_DIGIT_RUN = re.compile(r"\d+")
_PREPOSITIONS = frozenset(
    ["i", "in", "im", "på", "during", "from", "fra", "til", "until", *_LAST_WORDS]
)
_GAP = " \t\u00a0\n"
scan.register("date-month", MONTHS)
scan.register("date-week", ["uge", "uke", "vecka", "week", "woche", "kw"])
scan.register("date-relative", [w for w in [*_RELATIVE, *_WEEKDAYS] if not _is_cjk(w)])
scan.register("date-relative-cjk", [w for w in _RELATIVE if _is_cjk(w)], word_start=False)


@scan.per_text
def _starts(text: str) -> list[tuple[int, str]]:
    """Return every offset where a date pattern can begin, with the kind of start."""
    low = scan.lowered(text)
    found = [(m.start(), "digit") for m in _DIGIT_RUN.finditer(low)]
    found += [(at, "week") for at in scan.positions(text, "date-week")]
    found += [(at, "relative") for at in scan.positions(text, "date-relative")]
    found += [(at, "relative") for at in scan.positions(text, "date-relative-cjk")]
    for at in scan.positions(text, "date-month"):
        found.append((at, "month"))
        j = at
        while j > 0 and low[j - 1] in _GAP:
            j -= 1
        k = j
        while k > 0 and low[k - 1].isalpha():
            k -= 1
        if j < at and low[k:j] in _PREPOSITIONS:
            found.append((k, "prep"))
    found.sort()
    return found


# How far ahead of a text's own date a date without a year may lie and still be read
# in the same year.
_ANNOUNCED_DAYS = 45


@dataclass(slots=True)
class DateMention:
    """A date or date range found in text."""

    start: int
    end: int
    value: str
    end_value: str | None = None
    has_year: bool = True
    form: str = ""

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month"}.get(len(self.value), "day")


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_week_range(year: int, week: int, last_week: int | None = None) -> tuple[str, str] | None:
    """Return the first and last day of ISO week ``week`` (to ``last_week``) of ``year``."""
    try:
        first = dt.date.fromisocalendar(year, week, 1)
        last = dt.date.fromisocalendar(year, last_week or week, 7)
    except ValueError:
        return None
    return first.isoformat(), last.isoformat()


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _infer_year(month: int, day: int | None, reference: dt.date | None, fallback: int | None):
    if reference is not None:
        # A date without a year in a dated text is the most recent such date on or before
        # the text's own date (news items report what has happened), unless it falls in
        # the weeks just after it: then the text announces it.
        year = reference.year
        if (month, day or 1) > (reference.month, reference.day):
            try:
                ahead = (dt.date(year, month, day or 1) - reference).days
            except ValueError:
                ahead = _ANNOUNCED_DAYS + 1
            if ahead > _ANNOUNCED_DAYS:
                year -= 1
        return year
    return fallback


def find_dates(
    text: str,
    reference: dt.date | None = None,
    default_year: int | None = None,
    start: int = 0,
    end: int | None = None,
    month: str | None = None,
) -> list[DateMention]:
    """Return the dates in ``text[start:end]`` with absolute offsets.

    ``reference`` (the document's own date) resolves dates without a year;
    ``default_year`` (e.g. from a table heading) is used as is when given; ``month``
    (``YYYY-MM``, the text's own month when its day is unknown) resolves "i maj",
    "this summer" or "a few weeks ago", but never a weekday or "yesterday".
    """
    coarse = reference
    if coarse is None and month:
        coarse = dt.date(int(month[:4]), int(month[5:7]), 1)
    stop = len(text) if end is None else end
    low = scan.lowered(text)
    starts = _starts(text)
    i = bisect_left(starts, (start, ""))
    out: list[DateMention] = []
    last_end = -1
    while i < len(starts) and starts[i][0] < stop:
        at, how = starts[i]
        i += 1
        if at < last_end:
            continue
        combined, kinds = _BY_START[how]
        m = combined.match(low, at, stop)
        if m is None:
            continue
        kind = m.lastgroup or ""
        mention = _convert(m, kind, reference, default_year, coarse)
        if mention is None:
            # A pattern further down the list may still give a date at this offset.
            for other in kinds[kinds.index(kind) + 1 :]:
                m = _SINGLE[other].match(low, at, stop)
                if m is not None:
                    mention = _convert(m, other, reference, default_year, coarse)
                    if mention is not None:
                        break
        if mention is not None:
            out.append(mention)
            last_end = mention.end
    return out


_WEEKDAY_NAMES = "(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"
_WEEKDAY_SPAN = re.compile(
    rf"\b(?:fra|from|von|vom|från|frå)\s+{_WEEKDAY_NAMES}\s+(?:til|to|until|bis|till)\s+"
    rf"{_WEEKDAY_NAMES}\b",
    re.IGNORECASE,
)
_DATE_FOLLOWS = re.compile(
    r",?[ \t]+(?:(?:den|the|der|am)[ \t]+)?(?:\d|(?:" + "|".join(_ALL_MONTHS) + r")\b)"
)


def _relative(word: str, s: int, e: int, reference: dt.date | None) -> DateMention | None:
    """Resolve "i går", "torsdag" or "昨日" against the text's own date."""
    if reference is None:
        return None
    key = " ".join(word.lower().split())
    if key in _WEEKDAYS:
        back = (reference.weekday() - _WEEKDAYS[key]) % 7
        day = reference - dt.timedelta(days=back)
        return DateMention(s, e, day.isoformat(), None, False, "relative")
    shift = _RELATIVE.get(key)
    if shift == "year":
        return DateMention(s, e, f"{reference.year:04d}", None, False, "relative")
    if shift == "month":
        return DateMention(s, e, reference.isoformat()[:7], None, False, "relative")
    if shift == "last week":
        week_before = reference - dt.timedelta(days=7)
        return DateMention(s, e, week_before.isoformat()[:7], None, False, "relative")
    if isinstance(shift, int):
        day = reference + dt.timedelta(days=shift)
        return DateMention(s, e, day.isoformat(), None, False, "relative")
    return None


def _year_or(
    m: re.Match[str],
    group: str,
    month: int,
    day: int | None,
    reference: dt.date | None,
    default_year: int | None,
) -> tuple[int | None, bool]:
    if group in m.re.groupindex and m.group(group):
        return int(m.group(group)), True
    if default_year is not None:
        return default_year, False
    return _infer_year(month, day, reference, None), False


def _convert(
    m: re.Match[str],
    kind: str,
    reference: dt.date | None,
    default_year: int | None,
    coarse: dt.date | None = None,
) -> DateMention | None:
    g = m.group
    s, e = m.span()
    if kind == "cjk":
        year = int(g("cj_y"))
        month = int(g("cj_m")) if g("cj_m") else None
        day = int(g("cj_d")) if g("cj_d") else None
        value = _iso(year, month, day)
        if value is None:
            return None
        end_value = None
        if g("cj_d2") and month is not None:
            end_value = _iso(year, int(g("cj_m2") or month), int(g("cj_d2")))
        return DateMention(s, e, value, end_value, True, kind)
    if kind == "cjkmd":
        month, day = int(g("cm_m")), int(g("cm_d"))
        year, has = _year_or(m, "cm_no_year", month, day, reference, default_year)
        if year is None:
            return None
        value = _iso(year, month, day)
        end_value = _iso(year, month, int(g("cm_d2"))) if g("cm_d2") else None
        return DateMention(s, e, value, end_value, has, kind) if value else None
    if kind == "cjkd":
        if reference is None:
            return None
        day = int(g("cd_d"))
        value = _iso(reference.year, reference.month, day)
        end_value = _iso(reference.year, reference.month, int(g("cd_d2"))) if g("cd_d2") else None
        return DateMention(s, e, value, end_value, False, kind) if value else None
    if kind == "relative":
        # "onsdag den 22. september", "Sunday, July 1": the date that follows says it.
        if _DATE_FOLLOWS.match(m.string, e):
            return None
        # "fra mandag til onsdag": how long something lasted, not which days.
        if _WEEKDAY_SPAN.search(m.string, max(0, s - 30), min(len(m.string), e + 30)):
            return None
        if reference is None and coarse is not None:
            key = " ".join(g("rel").lower().split())
            if _RELATIVE.get(key) not in ("year", "month"):
                return None
            return _relative(g("rel"), s, e, coarse)
        return _relative(g("rel"), s, e, reference)
    if kind == "iso":
        value = _iso(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return DateMention(s, e, value, form=kind) if value else None
    if kind in ("xdrange", "xmrange"):
        p = "xd" if kind == "xdrange" else "xm"
        m1, m2 = _month(g(f"{p}_m1")), _month(g(f"{p}_m2"))
        if m1 is None or m2 is None:
            return None
        d1, d2 = int(g(f"{p}_d1")), int(g(f"{p}_d2"))
        # The year written after the range belongs to its end; one turning over New Year
        # began the year before.
        d1_end = m.end(f"{p}_m1" if p == "xd" else f"{p}_d1")
        d2_start = m.start(f"{p}_d2" if p == "xd" else f"{p}_m2")
        joint = re.sub(r"^(?:st|nd|rd|th|\.)|\W", "", m.string[d1_end:d2_start]).lower()
        if joint in _AND_WORDS and not _BETWEEN.search(m.string[max(0, s - 12) : s]):
            return None
        end_year, has = _year_or(m, f"{p}_y", m2, d2, reference, default_year)
        if end_year is None:
            return None
        start_year = end_year - 1 if (m1, d1) > (m2, d2) else end_year
        a, b = _iso(start_year, m1, d1), _iso(end_year, m2, d2)
        return DateMention(s, e, a, b, has, "drange") if a and b else None
    if kind == "drange":
        month = _month(g("dr_m"))
        if month is None:
            return None
        year, has = _year_or(m, "dr_y", month, int(g("dr_d1")), reference, default_year)
        if year is None:
            return None
        a, b = _iso(year, month, int(g("dr_d1"))), _iso(year, month, int(g("dr_d2")))
        return DateMention(s, e, a, b, has, kind) if a and b else None
    if kind == "nrange":
        m1, m2 = int(g("nr_m1")), int(g("nr_m2"))
        year, has = _year_or(m, "nr_y", m1, int(g("nr_d1")), reference, default_year)
        if year is None:
            return None
        a, b = _iso(year, m1, int(g("nr_d1"))), _iso(year, m2, int(g("nr_d2")))
        return DateMention(s, e, a, b, has, kind) if a and b else None
    if kind == "srange":
        month = int(g("sr_m"))
        year, has = _year_or(m, "sr_y", month, int(g("sr_d1")), reference, default_year)
        if year is None:
            return None
        a, b = _iso(year, month, int(g("sr_d1"))), _iso(year, month, int(g("sr_d2")))
        return DateMention(s, e, a, b, has, kind) if a and b else None
    if kind == "numeric":
        value = _iso(int(g("nu_y")), int(g("nu_m")), int(g("nu_d")))
        return DateMention(s, e, value, form=kind) if value else None
    if kind == "dmy":
        month = _month(g("dmy_m"))
        if month is None:
            return None
        day = int(g("dmy_d"))
        year, has = _year_or(m, "dmy_y", month, day, reference, default_year)
        if year is None:
            return None
        value = _iso(year, month, day)
        return DateMention(s, e, value, None, has, kind) if value else None
    if kind == "mdy":
        month = _month(g("mdy_m"))
        if month is None:
            return None
        day = int(g("mdy_d"))
        year, has = _year_or(m, "mdy_y", month, day, reference, default_year)
        if year is None:
            return None
        value = _iso(year, month, day)
        return DateMention(s, e, value, None, has, kind) if value else None
    if kind == "week":
        w1 = int(g("wk_1"))
        w2 = int(g("wk_2")) if g("wk_2") else None
        if g("wk_y"):
            year, has = int(g("wk_y")), True
        else:
            year = default_year or (reference.year if reference else None)
            has = False
        if year is None or not 1 <= w1 <= 53:
            return None
        span = iso_week_range(year, w1, w2)
        return DateMention(s, e, span[0], span[1], has, kind) if span else None
    if kind == "my":
        month = _month(g("my_m"))
        if month is None:
            return None
        return DateMention(s, e, _iso(int(g("my_y")), month), None, True, kind)
    if kind == "yrange":
        y1, y2 = int(g("yr_1")), int(g("yr_2"))
        if y2 <= y1:
            return None
        return DateMention(s, e, f"{y1:04d}", f"{y2:04d}", True, kind)
    if kind == "year":
        return DateMention(s, e, g("y"), None, True, kind)
    if kind == "month":
        month = _month(g("mo_m"))
        year = default_year or (coarse.year if coarse else None)
        if month is None or year is None:
            return None
        if g("mo_p").lower() in _LAST_WORDS:
            # "last May" in a dated text: May of the year before the text was written.
            year -= 1
        # Only the month name is the date; the preposition is context.
        return DateMention(m.start("mo_m"), e, _iso(year, month), None, False, kind)
    return None


# Matched on the lower-cased text: alternatives that begin with plain letters let the
# regex engine skip ahead to their first letters.
_UPDATED = re.compile(
    r"(?:opdateret|updated|sidst opdateret|last updated|published|publiceret|udgivet)"
    r"\s*:?\s*"
)


_ADDRESS = re.compile(r"\s*https?://\S+")
_ADDRESS_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/_.]?(?P<m>0[1-9]|1[0-2])[-/_.]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
    # ".../art/2021/5/20/...": month and day without their leading zeros
    r"|(?<!\d)(?P<y2>(?:19|20)\d\d)/(?P<m2>1[0-2]|[1-9])/(?P<d2>3[01]|[12]\d|[1-9])/"
)


_DATELINE_MONTH = re.compile(
    r"(?<![\w-])date[ \t]+(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?![\d-])"
)


def document_month(text: str, day: dt.date | None = None) -> str | None:
    """Return the month the document was written as ``YYYY-MM``: from its own date
    (``day``, when the caller has it), or from a dateline that gives only the month
    ("date 2018-10")."""
    day = day or document_date(text)
    if day is not None:
        return day.isoformat()[:7]
    m = _DATELINE_MONTH.search(text, 0, min(len(text), 800))
    return f"{m['y']}-{m['m']}" if m else None


# "2018 marks 35 years since ...": a page that tells which year is its own.
_OWN_YEAR = re.compile(
    r"(?<![\w.,-])(?P<y>(?:19|20)\d\d)[ \t]+(?:marks|markerer|markerar|markeres|markiert)\b"
)


def document_year(text: str) -> int | None:
    """Return the year an undated page calls its own, or None."""
    m = _OWN_YEAR.search(scan.lowered(text))
    return int(m["y"]) if m else None


def address_date(text: str) -> dt.date | None:
    """Return the date that a saved page's address carries (".../2016-08-15-...",
    ".../201709/t20170925_...", ".../2023/0928/..."), if the text begins with one."""
    m = _ADDRESS.match(text[:600])
    if m is None:
        return None
    for found in _ADDRESS_DATE.finditer(m.group(0)):
        y, mo, d = (
            (found["y"], found["m"], found["d"]) if found["y"] else found.group("y2", "m2", "d2")
        )
        try:
            return dt.date(int(y), int(mo), int(d))
        except ValueError:
            continue
    return None


def document_date(text: str) -> dt.date | None:
    """Return the document's own date: its address's date, an 'updated'/'published'
    stamp or a dateline."""
    from_address = address_date(text)
    if from_address is not None:
        return from_address
    candidates: list[tuple[int, dt.date]] = []
    for m in _UPDATED.finditer(scan.lowered(text)):
        for d in find_dates(text, start=m.end(), end=min(len(text), m.end() + 40)):
            if d.precision == "day" and d.has_year and d.start - m.end() < 3:
                candidates.append((0, dt.date.fromisoformat(d.value)))
                break
    if candidates:
        return candidates[0][1]
    # Otherwise the first full date in the first or last 400 characters: a byline or a
    # dateline at the foot of a news item.
    head = 800 if _ADDRESS.match(text[:600]) else 400
    head_tail = [(0, min(head, len(text))), (max(0, len(text) - 400), len(text))]
    range_end: dt.date | None = None
    for lo, hi in head_tail:
        for d in find_dates(text, start=lo, end=hi):
            if d.precision == "day" and d.has_year and d.end_value is None:
                return dt.date.fromisoformat(d.value)
            if range_end is None and d.has_year and len(d.end_value or "") == 10:
                range_end = dt.date.fromisoformat(d.end_value)
    # A page that reports a dated stay was written after its last day, at the earliest.
    return range_end
