"""Find where the expensive patterns can start, in one pass over the text.

Most positions of a document cannot start a date, a sum of money, a role title or an
agreement cue. Scanning the whole text with every pattern costs far more than scanning
it once with an Aho-Corasick automaton of the literal words those patterns begin with
and then trying each pattern only where one of its words occurs.

Patterns are matched against the lower-cased text, which has the same offsets as the
original (see :func:`lowered`), so no pattern needs ``re.IGNORECASE``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

import ahocorasick

_T = TypeVar("_T")
_PER_TEXT: list[Callable[[], None]] = []


def per_text(function: Callable[..., _T]) -> Callable[..., _T]:
    """Cache a function of one document's text until :func:`forget` is called.

    Several rules ask for the same dates, sums and trigger positions; they are computed
    once per document. The cache holds a single document so memory stays flat.
    """
    cached = lru_cache(maxsize=2)(function)
    _PER_TEXT.append(cached.cache_clear)
    return cached


def forget() -> None:
    """Drop the per-document caches, so every document is analysed afresh."""
    for clear in _PER_TEXT:
        clear()


# Each family lists the literal words its patterns can begin with. A family marked as
# a word start only accepts hits that are not preceded by a letter or digit.
_FAMILIES: dict[str, tuple[bool, Iterable[str]]] = {}


def register(family: str, words: Iterable[str] | str, word_start: bool = True) -> None:
    """Declare the trigger words of a family (a list, or one string of words separated
    by spaces); call at import time, before any scan."""
    if isinstance(words, str):
        words = words.split()
    if _automaton.cache_info().currsize:
        raise RuntimeError("register trigger families before the first scan")
    _FAMILIES[family] = (word_start, tuple(w.lower() for w in words if w))


@lru_cache(maxsize=1)
def _automaton() -> ahocorasick.Automaton:
    # Built once per process: the trigger words are fixed at import time.
    anywhere: dict[str, list[str]] = defaultdict(list)
    word_start: dict[str, list[str]] = defaultdict(list)
    for family, (at_word_start, words) in _FAMILIES.items():
        for word in words:
            (word_start if at_word_start else anywhere)[word].append(family)
    automaton = ahocorasick.Automaton()
    for word in set(anywhere) | set(word_start):
        value = (len(word), tuple(word_start.get(word, ())), tuple(anywhere.get(word, ())))
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


@per_text
def lowered(text: str) -> str:
    """Return the text lower-cased with its offsets unchanged.

    ``str.lower`` changes the length of a few characters (``İ``); those are kept as
    they are, so every offset into the lower-cased text is an offset into ``text``.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@per_text
def _hits(text: str) -> dict[str, list[int]]:
    low = lowered(text)
    out: dict[str, list[int]] = defaultdict(list)
    for end, (length, at_word_start, anywhere) in _automaton().iter(low):
        start = end - length + 1
        for family in anywhere:
            out[family].append(start)
        if at_word_start and (start == 0 or not low[start - 1].isalnum()):
            for family in at_word_start:
                out[family].append(start)
    # Hits arrive in order of their end; two words of a family may start at one offset.
    return {family: sorted(set(starts)) for family, starts in out.items()}


def positions(text: str, family: str, start: int = 0, end: int | None = None) -> list[int]:
    """Return the sorted offsets in ``[start, end)`` where a word of ``family`` begins."""
    found = _hits(text).get(family, [])
    if start == 0 and end is None:
        return found
    lo = bisect_left(found, start)
    hi = len(found) if end is None else bisect_left(found, end)
    return found[lo:hi]


def match_at(
    pattern: re.Pattern[str], subject: str, starts: Iterable[int], endpos: int | None = None
) -> list[re.Match[str]]:
    """Return the non-overlapping matches of ``pattern`` that begin at one of ``starts``.

    This is what ``pattern.finditer`` returns when every match begins at a trigger word.
    """
    stop = len(subject) if endpos is None else endpos
    out: list[re.Match[str]] = []
    last_end = -1
    for at in starts:
        if at < last_end:
            continue
        m = pattern.match(subject, at, stop)
        if m is not None:
            out.append(m)
            last_end = m.end() if m.end() > at else at + 1
    return out


def windows(starts: Iterable[int], before: int, after: int, limit: int) -> list[tuple[int, int]]:
    """Return merged ``[start - before, start + after)`` windows around trigger offsets."""
    merged: list[tuple[int, int]] = []
    for at in starts:
        lo, hi = max(0, at - before), min(limit, at + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def finditer_near(
    pattern: re.Pattern[str], subject: str, spans: list[tuple[int, int]]
) -> list[re.Match[str]]:
    """Return the matches of ``pattern`` inside merged windows, in text order."""
    out: list[re.Match[str]] = []
    for lo, hi in spans:
        out.extend(pattern.finditer(subject, lo, hi))
    return out
