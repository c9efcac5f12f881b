"""Sums of money tied to a budget, a project value or a revenue."""

from __future__ import annotations

import re

from twinning.extraction.context import DocContext
from twinning.extraction.dates import find_dates
from twinning.extraction.facts import Amount
from twinning.extraction.money import find_money

_WHAT = [
    ("annual revenue", r"revenue|omsætning|turnover"),
    ("estimated value", r"værdi|value|worth|estimat"),
    (
        "budget",
        r"budget\w*|afsat|afsætte\w*|allocated|earmark\w*|øremærk\w*|set\s+aside|"
        r"sets\s+aside",
    ),
    ("funding", r"grant|bevilling|tilskud|støtte|funding|financ\w*|finansier\w*"),
    ("investment", r"invest\w*"),
    ("cost", r"cost\w*|omkostning\w*|udgift\w*|pris"),
]
_WHAT_RES = [(label, re.compile(body, re.IGNORECASE)) for label, body in _WHAT]


def extract_amounts(ctx: DocContext) -> list[Amount]:
    """Return each distinct sum of money once, with its sentence as evidence."""
    text = ctx.text
    out: list[Amount] = []
    seen: set[tuple[float, float, str]] = set()
    danish = ctx.language in ("da", "nb", "no", "sv", "de", None)
    money = find_money(text, danish=danish)
    if not money:
        return out
    for mm in money:
        key = (mm.amount_min, mm.amount_max, mm.currency)
        if key in seen or mm.amount_max <= 0:
            continue
        seen.add(key)
        seg = next((s for s in ctx.segments if s.start <= mm.start < s.end), None)
        start, end = (seg.start, max(seg.end, mm.end)) if seg else (mm.start, mm.end)
        sentence = text[start:end]
        what = next((label for label, p in _WHAT_RES if p.search(sentence)), "amount")
        year = None
        for d in find_dates(text, start=start, end=end):
            if d.form == "year" and not (mm.start <= d.start < mm.end):
                year = int(d.value)
                break
        out.append(
            Amount(
                start=start,
                end=end,
                evidence=sentence,
                amount_min=mm.amount_min,
                amount_max=mm.amount_max,
                currency=mm.currency,
                what=what,
                year=year,
            )
        )
    return out
