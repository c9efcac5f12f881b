"""The terms of the field in every language partners write in, read from thesaurus.toml.

A query's words are looked up by their stems, so "venskabsbyer" finds the concept of
"venskabsby" as the index would; a match is replaced by every term of its concept.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from twinning.search.analysis import Phrase, phrase_of, stems, words

THESAURUS_FILE = Path(__file__).with_name("thesaurus.toml")
# The longest term, in words, that a query is scanned for.
MAX_WORDS = 4


def _keys(folded: list[str]) -> set[tuple[str, ...]]:
    """Return the lookup keys of some folded words: their Danish stems, their English stems."""
    forms = [stems(word) if word.isascii() else (word,) for word in folded]
    return {tuple(form[0] for form in forms), tuple(form[-1] for form in forms)}


@lru_cache(maxsize=1)
def concepts(path: Path = THESAURUS_FILE) -> dict[tuple[str, ...], tuple[Phrase, ...]]:
    """Return, by lookup key, the phrases of every term of the concept the key names."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    found: dict[tuple[str, ...], list[Phrase]] = {}
    for number, concept in enumerate(data.get("concept", []), start=1):
        if not isinstance(concept, dict) or not all(
            isinstance(terms, list) and all(isinstance(t, str) for t in terms)
            for terms in concept.values()
        ):
            raise ValueError(f"{path.name}: concept {number} must map languages to lists of terms")
        texts = [text for terms in concept.values() for text in terms]
        phrases = list(dict.fromkeys(p for p in map(phrase_of, texts) if p))
        for text in texts:
            folded = words(text)
            if not 0 < len(folded) <= MAX_WORDS:
                continue
            for key in _keys(folded):
                # A term in two concepts ("delegation") finds what either of them means.
                found.setdefault(key, [])
                found[key] += [p for p in phrases if p not in found[key]]
    return {key: tuple(phrases) for key, phrases in found.items()}


def synonyms_at(folded: list[str], start: int) -> tuple[int, tuple[Phrase, ...]]:
    """Return how many words from ``start`` name a concept (longest first) and its phrases.

    (0, ()) when no term of the thesaurus begins there.
    """
    known = concepts()
    for width in range(min(MAX_WORDS, len(folded) - start), 0, -1):
        for key in _keys(folded[start : start + width]):
            if key in known:
                return width, known[key]
    return 0, ()
