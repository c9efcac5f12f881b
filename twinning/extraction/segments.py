"""Split normalised text into sentence-like segments without losing offsets.

Text from PDFs breaks lines inside sentences and leaves headings, bullets and table
cells without punctuation, so segmentation combines punctuation with line layout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLETS = "\uf0b7\u2022\u25aa\u25cf\uf0d8\uf0fc\uf0a7\u2023\u25e6"
_BULLET_RE = re.compile(f"[{BULLETS}]")
_ABBREVIATIONS = frozenset(
    [
        "ca",
        "bl",
        "f",
        "eks",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "nr",
        "no",
        "kr",
        "mio",
        "mia",
        "pr",
        "ml",
        "m",
        "d",
        "vedr",
        "inkl",
        "jf",
        "evt",
        "approx",
        "etc",
        "osv",
        "mv",
        "hhv",
        "dvs",
        "ang",
        "att",
        "tlf",
        "tel",
        "vs",
        "fig",
        "p",
        "pp",
        "prof",
        "skt",
        "sct",
        "co",
        "inc",
        "ltd",
    ]
)
_END_PUNCT = re.compile(r"""[.!?]["”’)\]]*(?=\s)""")
_LINE_BREAK = re.compile(r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*[ \t\u00a0]*")
_FUNCTION_WORDS = frozenset(
    [
        "med",
        "af",
        "for",
        "i",
        "og",
        "the",
        "of",
        "with",
        "and",
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
        "a",
        "an",
        "to",
        "in",
        "on",
        "by",
        "from",
        "or",
        "eller",
        "samt",
        "hos",
        "ved",
        "under",
        "efter",
        "mellem",
        "between",
        "about",
        "is",
        "are",
        "was",
        "were",
        "har",
        "have",
    ]
)


@dataclass(frozen=True)
class Segment:
    """A sentence-like span of the text."""

    start: int
    end: int


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    while j > 0 and (text[j - 1].isalpha()):
        j -= 1
    word = text[j:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # Single letters and ordinal numbers ("2." in "2. oktober") are not sentence ends.
    return len(word) == 1 or (word == "" and dot > 0 and text[dot - 1].isdigit())


def _next_char(text: str, i: int) -> str:
    n = len(text)
    while i < n and text[i] in " \t\n\u00a0":
        i += 1
    return text[i] if i < n else ""


def _boundaries(text: str) -> list[int]:
    cuts: set[int] = set()
    for m in _END_PUNCT.finditer(text):
        dot = m.start()
        nxt = _next_char(text, m.end())
        if not nxt:
            continue
        if text[dot] == "." and _is_abbreviation(text, dot):
            continue
        if nxt.isupper() or nxt.isdigit() or nxt in BULLETS or nxt in "\"“”'‘’(":
            cuts.add(m.end())
    for m in _BULLET_RE.finditer(text):
        cuts.add(m.start())
    for m in _LINE_BREAK.finditer(text):
        nxt = _next_char(text, m.end())
        if not nxt:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()].strip()
        if not line:
            cuts.add(m.end())
            continue
        if line[-1] in '.!?:;”"':
            if nxt.isupper() or nxt.isdigit() or nxt in BULLETS:
                cuts.add(m.end())
            continue
        words = line.split()
        last = words[-1].lower()
        # A single line break inside a paragraph is common in PDF text; only a very short
        # line before it (a heading or a table cell) ends the segment.
        limit = 8 if m.group(0).count("\n") > 1 else 4
        if (
            len(words) <= limit
            and (nxt.isupper() or nxt.isdigit())
            and line[-1] not in ",-–("
            and last not in _FUNCTION_WORDS
        ):
            cuts.add(m.end())
    return sorted(cuts)


def segments(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Return the stripped sentence-like segments of ``text[start:end]``."""
    end = len(text) if end is None else end
    out: list[Segment] = []
    prev = start
    for cut in [c for c in _boundaries(text[start:end]) if c > 0] + [end - start]:
        s, e = prev, start + cut
        prev = e
        while s < e and (text[s].isspace() or text[s] in BULLETS):
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Segment(s, e))
    return out
