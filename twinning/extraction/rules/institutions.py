"""Pairs of schools and universities cooperating under a partnership.

Partner tables list a local institution (or a municipality whose schools take part)
followed by its partner institutions abroad. Text extracted from such a table has one
cell per line, so the table is read line by line below a header naming the partners.
"""

from __future__ import annotations

import re

from twinning.extraction import scan
from twinning.extraction.context import DocContext
from twinning.extraction.facts import InstitutionPair
from twinning.extraction.tables import line_matches

_TABLE_HEADER = re.compile(
    r"(?im)^[^\n]{0,20}(?:samarbejdspartnere|partnerskoler|partner\s+schools|"
    r"partner\s+institutions|partners\s+in|samarbetspartner|samarbeidspartnere)\b[^\n]{0,40}$"
)
# The header names the partners within the first 20 characters of its line.
_HEADER_REACH = 21
scan.register(
    "partner-table",
    "samarbejdspartnere partnerskoler partner partners samarbetspartner samarbeidspartnere",
    word_start=False,
)
_LOCAL_INSTITUTION = re.compile(
    r"gymnasi\w*|universitet\b|diplom\b|\bskole\b|skolen\b|\bHF\b|handelsskole\w*|"
    r"akademi\b|seminarium|erhvervsskole\w*|folkeskole\w*|\bhøjskole\w*|\bEUC\b|\bhhx\b|"
    r"\bhtx\b|\bstx\b|skola\b|gymnasium",
    re.IGNORECASE,
)
_FOREIGN_INSTITUTION = re.compile(
    r"\b(?:University|School|College|Institute|Academy|Polytechnic|Kindergarten)\b"
)
_PROSE = re.compile(r"[.!?]\s*$")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return stripped non-empty lines, joining a line that leaves a bracket open."""
    out: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for m in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + m.start(), start + m.end()
        raw = text[s:e]
        s += len(raw) - len(raw.lstrip())
        e -= len(raw) - len(raw.rstrip())
        if e <= s:
            continue
        if pending is not None:
            s = pending[0]
            pending = None
        segment = text[s:e]
        if segment.count("(") > segment.count(")"):
            pending = (s, e)
            continue
        out.append((s, e))
    return out


def extract_institution_pairs(ctx: DocContext) -> list[InstitutionPair]:
    """Return institution pairs from partner tables."""
    text = ctx.text
    out: list[InstitutionPair] = []
    local_places = {
        m.start: m
        for m in ctx.places
        if m.place.country == ctx.home_country and m.place.kind != "country"
    }
    for header in line_matches(
        _TABLE_HEADER, text, scan.positions(text, "partner-table"), _HEADER_REACH
    ):
        current: tuple[str, int] | None = None
        for s, e in _lines(text, header.end(), min(len(text), header.end() + 3000)):
            line = " ".join(text[s:e].split())
            if len(line.split()) > 10 or _PROSE.search(line):
                break
            if _LOCAL_INSTITUTION.search(line) and not _FOREIGN_INSTITUTION.search(line):
                current = (line, s)
                continue
            place = local_places.get(s)
            rest = line
            if place is not None:
                current = (" ".join(text[place.start : place.end].split()), s)
                rest = " ".join(text[place.end : e].split())
            if current and rest and _FOREIGN_INSTITUTION.search(rest):
                out.append(
                    InstitutionPair(
                        start=current[1], end=e, evidence=text[current[1] : e], a=current[0], b=rest
                    )
                )
            elif current is None and not rest:
                continue
    return out
