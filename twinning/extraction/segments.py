"""Split normalised text into sentence-like segments without losing offsets.

Text from PDFs breaks lines inside sentences and leaves headings, bullets and table
cells without punctuation, so segmentation combines punctuation with line layout.
"""

from __future__ import annotations

import re
from typing import NamedTuple

BULLETS = "\uf0b7\u2022\u25aa\u25cf\uf0d8\uf0fc\uf0a7\u2023\u25e6"
_BULLET_RE = re.compile(f"[{BULLETS}]")
_CONTENT = re.compile(f"[^\\s{BULLETS}]")
_DASH_ITEM = re.compile(r"\n[ \t]*[-*–][ \t]+(?=\S)")
_DASH_LEAD = re.compile(r"[-*–][ \t]+")
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
# The character after the spaces that follow a stop is captured by a lookahead, so a
# stop followed by a lower-case word is dismissed without leaving the regex engine.
_END_PUNCT = re.compile(r"""[.!?]["”’)\]]*(?=\s)(?=[ \t\n\u00a0]*(?P<next>[^ \t\n\u00a0]))""")
# A line break with the blank lines and spaces around it. The pattern begins at the
# newline, so the regex engine can jump from newline to newline; the spaces before it are
# added back in ``_boundaries``.
_LINE_BREAK = re.compile(r"\n(?:[ \t\u00a0]*\n)*[ \t\u00a0]*")
# Only a break before a capital, a digit or a bullet can end a segment (or one after an
# empty line, which needs odd white space such as a form feed once blank lines are
# merged into the break). Most breaks in PDF text continue a sentence in lower case;
# this variant skips them inside the regex engine.
_BREAK_BEFORE_START = re.compile(
    r"\n(?:[ \t\u00a0]*\n)*[ \t\u00a0]*(?=[^ \t\u00a0\na-zæøåäöüßéèêáàíóòúñç])"
)
_ODD_SPACE = re.compile(r"[^\S \t\u00a0\n]")
_TRAILING = " \t\u00a0"
_OPENERS = frozenset(BULLETS + "\"“”'‘’(")
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


class Segment(NamedTuple):
    """A sentence-like span of the text."""

    # A named tuple: a long report has thousands of segments, and tuples are cheap.
    start: int
    end: int


_LONGEST_ABBREVIATION = max(len(a) for a in _ABBREVIATIONS)


def _is_abbreviation(text: str, dot: int) -> bool:
    # The word before the stop: the letters that run up to it. A word longer than every
    # abbreviation is not one, so the walk back stops there.
    j = dot
    while j > 0 and text[j - 1].isalpha():
        j -= 1
        if dot - j > _LONGEST_ABBREVIATION:
            return False
    word = text[j:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # Single letters and ordinal numbers ("2." in "2. oktober") are not sentence ends;
    # a number of three or more digits ("in 2023.") is not an ordinal.
    if len(word) == 1:
        return True
    if word or dot == 0 or not text[dot - 1].isdigit():
        return False
    return not text[max(0, dot - 3) : dot].isdigit()


# Chinese sentences end with full-width stops and need no space after them; Chinese web
# text does not wrap its lines, so every line break in it ends a segment.
_CJK_STOP = re.compile(r"[。！？]")
_CJK = re.compile(r"[\u3400-\u9fff]")
_ADDRESS_LINE = re.compile(r"[ \t]*https?://\S+[ \t]*\n")


def _cjk_cuts(text: str, cuts: set[int]) -> None:
    for m in _CJK_STOP.finditer(text):
        if m.end() < len(text):
            cuts.add(m.end())
    at = 0
    for line in text.split("\n"):
        end = at + len(line)
        if _CJK.search(line):
            if end + 1 < len(text):
                cuts.add(end + 1)
            if at > 0:
                cuts.add(at)
        at = end + 1


def _boundaries(text: str) -> list[int]:
    cuts: set[int] = set()
    if _CJK.search(text):
        _cjk_cuts(text, cuts)
    # A saved page's address, on its first line, is a segment of its own. Web text
    # does not break lines inside sentences as PDF text does, so on a web page an
    # empty line ends a segment after a line of any length.
    address = _ADDRESS_LINE.match(text)
    if address is not None and address.end() < len(text):
        cuts.add(address.end())
    paragraph = 60 if address is not None else 8
    for m in _END_PUNCT.finditer(text):
        nxt = m.group("next")
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        dot = m.start()
        if text[dot] == "." and _is_abbreviation(text, dot):
            continue
        cuts.add(m.end())
    for m in _BULLET_RE.finditer(text):
        cuts.add(m.start())
    # A line that begins with a dash or a star and a space is an item of a list.
    for m in _DASH_ITEM.finditer(text):
        cuts.add(m.start() + 1)
    # A line with cells ("Drammen | Norge | 1946", tab-separated) is a row of a table.
    if "|" in text or "\t" in text:
        at = 0
        for line in text.split("\n"):
            if ("|" in line or "\t" in line.strip()) and line.strip(" |\t"):
                cuts.add(at)
                if at + len(line) < len(text):
                    cuts.add(at + len(line))
            at += len(line) + 1
    n = len(text)
    breaks = _BREAK_BEFORE_START
    if _ODD_SPACE.search(text):
        breaks = _LINE_BREAK
    elif text.lstrip(_TRAILING).startswith("\n"):
        # The text opens with an empty line: a cut after it whatever follows.
        first = _LINE_BREAK.search(text)
        if first is not None and first.end() < n:
            cuts.add(first.end())
    for m in breaks.finditer(text):
        brk, after = m.start(), m.end()
        lo = text.rfind("\n", 0, brk) + 1
        while brk > lo and text[brk - 1] in _TRAILING:
            brk -= 1
        if after >= n:
            continue
        nxt = text[after]
        if brk == lo or (text[lo].isspace() and not text[lo:brk].strip()):
            cuts.add(after)
            continue
        # Only a capital, a digit or a bullet after the break can start a new segment.
        if not (nxt.isupper() or nxt.isdigit() or nxt in BULLETS):
            continue
        line = text[lo:brk].strip()
        if line[-1] in '.!?:;”"':
            cuts.add(after)
            continue
        words = line.split()
        # A single line break inside a paragraph is common in PDF text; only a very short
        # line before it (a heading or a table cell) ends the segment.
        limit = paragraph if m.group(0).count("\n") > 1 else 4
        if (
            len(words) <= limit
            and (nxt.isupper() or nxt.isdigit())
            and line[-1] not in ",-–("
            and words[-1].lower() not in _FUNCTION_WORDS
        ):
            cuts.add(after)
    return sorted(cuts)


def segments(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Return the stripped sentence-like segments of ``text[start:end]``."""
    end = len(text) if end is None else end
    out: list[Segment] = []
    prev = start
    for cut in [c for c in _boundaries(text[start:end]) if c > 0] + [end - start]:
        s, e = prev, start + cut
        prev = e
        if text[s].isspace() or text[s] in BULLETS:
            first = _CONTENT.search(text, s, e)
            if first is None:
                continue
            s = first.start()
        lead = _DASH_LEAD.match(text, s, e)
        if lead is not None and (s == start or text[s - 1] in "\n \t"):
            s = lead.end()
        if text[e - 1].isspace():
            e = s + len(text[s:e].rstrip())
        if e > s:
            out.append(Segment(s, e))
    return out
