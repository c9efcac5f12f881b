"""Find sums of money: "887.500 kroner", "mellem 150 og 500 mio. danske kroner", "½ mio. kr."."""

from __future__ import annotations

import re
from dataclasses import dataclass

from twinning.extraction import scan

_CURRENCIES = [
    (r"danske\s+kroner|danish\s+kroner|kroner|kr\.?|dkk|danish\s+krone[rs]?", "DKK"),
    (r"euro|eur|€", "EUR"),
    (r"us\s+dollars?|dollars?|usd|\$", "USD"),
    (r"yuan|rmb|cny|renminbi|元", "CNY"),
    (r"svenske\s+kroner|swedish\s+kron(?:or|er)|sek", "SEK"),
    (r"norske\s+kroner|norwegian\s+kroner|nok", "NOK"),
    (r"pund|pounds?|gbp|£", "GBP"),
]
_CURRENCY = "|".join(f"(?:{body})" for body, _ in _CURRENCIES)
_CURRENCY_CODES = [
    (re.compile(rf"^(?:{body})$", re.IGNORECASE), code) for body, code in _CURRENCIES
]
_SCALES = {
    "mio": 1e6,
    "mio.": 1e6,
    "million": 1e6,
    "millioner": 1e6,
    "millions": 1e6,
    "mill.": 1e6,
    "mia": 1e9,
    "mia.": 1e9,
    "milliard": 1e9,
    "milliarder": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "mrd.": 1e9,
    "mrd": 1e9,
    "tusind": 1e3,
    "thousand": 1e3,
    "t.": 1e3,
}
_SCALE = (
    r"(?:mio\.?|millioner|million|millions|mill\.|mia\.?|milliarder|milliard|billions?|mrd\.?"
    r"|tusind|thousand)"
)
# 887.500 / 1,2 / 13 / 150 / ½ / 1½ / 2,5
_NUMBER = r"(?:\d{1,3}(?:[.,\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?½?|½)"
_WS = r"[ \t\u00a0]*\n?[ \t\u00a0\n]*"
_LEAD = r"(?:ca\.?|cirka|approx\.?|about|around|omkring|knap|godt|næsten|op til|up to|over)"

MONEY_RE = re.compile(
    rf"(?<![\w.,])(?:(?P<between>mellem|between|fra|from){_WS})?"
    rf"(?P<n1>{_NUMBER})(?:{_WS}(?P<s1>{_SCALE}))?"
    rf"(?:{_WS}(?:og|and|til|to|-|–){_WS}(?P<n2>{_NUMBER}))?"
    rf"{_WS}(?P<scale>{_SCALE})?{_WS}(?P<cur>{_CURRENCY})(?![\w])",
    re.IGNORECASE,
)
# Currency written first: "DKK 2.5 million", "EUR 300,000", "$5 million"
MONEY_PREFIX_RE = re.compile(
    rf"(?<![\w])(?P<cur>dkk|eur|usd|sek|nok|cny|rmb|€|\$|£){_WS}(?P<n1>{_NUMBER})"
    rf"(?:{_WS}(?P<scale>{_SCALE}))?(?![\w])",
    re.IGNORECASE,
)
_LEAD_RE = re.compile(rf"{_LEAD}\s*$", re.IGNORECASE)
# Every sum names its currency, so the patterns are only run in windows around currency
# words ("danske kroner" and "US dollars" are found from their last word). A window
# reaches far enough back for "mellem 150 og 500 mio. danske kroner"
# written across line breaks, and far enough ahead for a number after a currency code.
_BEFORE, _AFTER = 200, 80
scan.register(
    "currency",
    "kroner kronor krone kr dkk euro eur € dollar usd $ yuan rmb cny renminbi 元 sek nok "
    "pund pound gbp £",
    word_start=False,
)


@dataclass(slots=True)
class MoneyMention:
    """A sum or a range of money found in text."""

    start: int
    end: int
    amount_min: float
    amount_max: float
    currency: str
    approximate: bool = False


def parse_number(token: str, danish: bool = True) -> float | None:
    """Return the value of a written number, reading "." as a thousands separator in Danish."""
    token = token.replace("\u00a0", "").replace(" ", "")
    half = 0.5 if token.endswith("½") else 0.0
    token = token.rstrip("½")
    if not token:
        return half or None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", token) and danish:
        token = token.replace(".", "")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):
        token = token.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", token):
        token = token.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", token):
        token = token.replace(",", "")
    else:
        token = token.replace(",", ".")
    try:
        return float(token) + half
    except ValueError:
        return None


def _code(currency: str) -> str:
    currency = " ".join(currency.split())
    for pattern, code in _CURRENCY_CODES:
        if pattern.match(currency):
            return code
    return currency.upper()


def find_money(text: str, danish: bool = True) -> list[MoneyMention]:
    """Return the sums of money in text."""
    return list(_find_money(text, danish))


@scan.per_text
def _find_money(text: str, danish: bool) -> tuple[MoneyMention, ...]:
    low = scan.lowered(text)
    anchors = [
        at for at in scan.positions(text, "currency") if at == 0 or not low[at - 1].isalpha()
    ]
    if not anchors:
        return ()
    spans = scan.windows(anchors, _BEFORE, _AFTER, len(text))
    out: list[MoneyMention] = []
    for m in scan.finditer_near(MONEY_RE, text, spans):
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        s1 = _SCALES.get((m.group("s1") or "").lower(), scale)
        n1 = parse_number(m.group("n1"), danish)
        if n1 is None:
            continue
        n2 = parse_number(m.group("n2"), danish) if m.group("n2") else None
        if n2 is None:
            if m.group("between"):
                continue
            low_value = high = n1 * (s1 if m.group("s1") else scale)
        else:
            low_value, high = n1 * s1, n2 * scale
        lead = _LEAD_RE.search(text, max(0, m.start() - 12), m.start())
        out.append(
            MoneyMention(
                m.start(),
                m.end(),
                min(low_value, high),
                max(low_value, high),
                _code(m.group("cur")),
                approximate=lead is not None,
            )
        )
    taken = [(mm.start, mm.end) for mm in out]
    for m in scan.finditer_near(MONEY_PREFIX_RE, text, spans):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        n1 = parse_number(m.group("n1"), danish)
        if n1 is None:
            continue
        value = n1 * _SCALES.get((m.group("scale") or "").lower(), 1.0)
        out.append(MoneyMention(m.start(), m.end(), value, value, _code(m.group("cur"))))
    out.sort(key=lambda mm: mm.start)
    return tuple(out)
