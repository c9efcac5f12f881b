"""Turn text into the terms the search index holds, and queries into the terms to find.

Both sides go through the same steps, so both databases match alike: names are folded
(``core.text.fold``: "Sønderborg" and "Sonderborg" become "sonderborg"), every word is
stemmed for Danish and for English ("samarbejdsaftaler" and "samarbejdsaftale" share
"samarbejdsaftal", "partnerships" and "partnership" share "partnership"), and runs of
Chinese, Japanese or Korean characters are cut into single characters and pairs, so that
"无锡" is found inside "无锡市" without a dictionary of words.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from twinning.core.text import fold

# Han, kana and Hangul: scripts written without spaces between words.
_CJK = re.compile(
    r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u1100-\u11ff"
    r"\U00020000-\U0002ffff]+)"
)
_WORD = re.compile(r"[^\W_]+")
# Longer "words" are noise (hashes, pasted addresses) and would only bloat the index.
MAX_WORD = 60
MAX_QUERY_CHARS = 256
MAX_QUERY_TERMS = 12
# Shorter prefixes would match a large part of the vocabulary.
MIN_PREFIX = 2
# Prefixes this long are completed from the table of terms; shorter ones are served by the
# prefix indexes of the full-text index itself.
MIN_COMPLETION = 4
MAX_COMPLETIONS = 64
# Words that say nothing on their own; dropped from a query unless nothing else is left.
_ENGLISH_STOP = "a an and at by for from in is of on or the to with"
_DANISH_STOP = "af at de den det en er et for fra i med og om pa til"
STOP_WORDS = frozenset(f"{_ENGLISH_STOP} {_DANISH_STOP}".split(" "))

_local = threading.local()


def _stemmers():
    # Snowball stemmers keep state while they work, so each thread gets its own.
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = (
            snowballstemmer.stemmer("danish"),
            snowballstemmer.stemmer("english"),
        )
    return stemmers


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, ...]:
    """Return the Danish and the English stem of a folded word, without repeats."""
    if word.isdigit():
        return (word,)
    danish, english = (stemmer.stemWord(word) for stemmer in _stemmers())
    return (danish,) if danish == english else (danish, english)


def _runs(word: str) -> list[tuple[str, bool]]:
    """Split a folded word into (run, is_cjk) pieces: "wuxi无锡" -> wuxi, 无锡."""
    return [(run, bool(i % 2)) for i, run in enumerate(_CJK.split(word)) if run]


def _cjk_grams(run: str) -> list[str]:
    """Return the pairs of neighbouring characters of a run, or the one character."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


_NON_WORD = re.compile(r"[^\w]+")


# Punctuation that fold() turns into spaces anyway; cleared first so more text is ASCII.
_PUNCTUATION = str.maketrans(dict.fromkeys("–—‘’“”…·•→", " "))


def fold_fast(text: str) -> str:
    """Return ``core.text.fold(text)``, taking a shortcut for plain ASCII text."""
    if not text.isascii():
        text = text.translate(_PUNCTUATION)
    if text.isascii():
        # Nothing to translate or strip of accents: only case, "aa" and punctuation.
        return " ".join(_NON_WORD.sub(" ", text.lower().replace("aa", "a")).split())
    return fold(text)


def words(text: str) -> list[str]:
    """Return the folded words of a text."""
    return [w for w in _WORD.findall(fold_fast(text)) if len(w) <= MAX_WORD]


def terms(text: str) -> list[str]:
    """Return the index terms of a text, each once, in order of first appearance."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word.isascii():
            seen.update(dict.fromkeys(stems(word)))
            continue
        for run, cjk in _runs(word):
            if cjk:
                seen.update(dict.fromkeys(run))
                if len(run) > 1:
                    seen.update(dict.fromkeys(_cjk_grams(run)))
            else:
                seen.update(dict.fromkeys(stems(run)))
    return list(seen)


# A phrase of several words: every word must occur, each in any of its forms.
Phrase = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class QueryTerm:
    """One required part of a query: a document matches if it holds any alternative.

    ``phrases`` are further alternatives of several words (other names of the same
    thing): a document matches one if it holds every word of it.
    """

    alternatives: tuple[str, ...]
    prefix: bool = False
    phrases: tuple[Phrase, ...] = ()

    def matches(self, held: set[str] | frozenset[str]) -> bool:
        """Return whether a set of index terms satisfies this part."""
        if any(all(any(a in held for a in word) for word in phrase) for phrase in self.phrases):
            return True
        if not self.prefix:
            return any(a in held for a in self.alternatives)
        return any(t.startswith(a) for t in held for a in self.alternatives)

    def touches(self, held: set[str] | frozenset[str]) -> bool:
        """Return whether the terms of one word hold any part of this term (for snippets)."""
        if self.matches(held):
            return True
        return any(a in held for phrase in self.phrases for word in phrase for a in word)


def phrase_of(text: str) -> Phrase:
    """Return the words of a text as a phrase: each word with its index terms to match."""
    phrase: list[tuple[str, ...]] = []
    for word in words(text):
        for run, cjk in _runs(word):
            if cjk:
                phrase.extend((gram,) for gram in _cjk_grams(run))
            else:
                phrase.append(stems(run))
    return tuple(dict.fromkeys(phrase))


def term_of(phrases: list[Phrase]) -> QueryTerm:
    """Return one query part matching any of these phrases; one-word phrases as alternatives."""
    single = [a for phrase in phrases if len(phrase) == 1 for a in phrase[0]]
    longer = [phrase for phrase in phrases if len(phrase) > 1]
    return QueryTerm(tuple(dict.fromkeys(single)), phrases=tuple(dict.fromkeys(longer)))


@dataclass(frozen=True)
class ParsedQuery:
    """What a search box's text asks for: every term must match."""

    text: str
    key: str
    terms: tuple[QueryTerm, ...]
    cjk_runs: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(text: str, *, synonyms=None) -> ParsedQuery:
    """Return the terms a query asks for; the last word typed also matches as a prefix.

    Any text is accepted: quotes, operators of the search engines and other punctuation
    are dropped by folding, so nothing typed can change the shape of the database query.
    ``synonyms(words, start)`` (``thesaurus.synonyms_at``) names the words from ``start``
    that mean one thing, and everything else that means it.
    """
    text = (text or "")[:MAX_QUERY_CHARS]
    folded = words(text)
    meaningful = [w for w in folded if w not in STOP_WORDS] or folded
    parts: list[QueryTerm] = []
    cjk_runs: list[str] = []
    # Words of the field are replaced by everything that means the same, longest first.
    rest: list[str] = []
    position = 0
    while position < len(meaningful):
        width, phrases = synonyms(meaningful, position) if synonyms else (0, ())
        if width:
            parts.append(term_of(phrases))
            cjk_runs.extend(
                run
                for word in meaningful[position : position + width]
                for run, cjk in _runs(word)
                if cjk
            )
            position += width
        else:
            rest.append(meaningful[position])
            position += 1
    pieces = [piece for word in rest for piece in _runs(word)]
    for index, (run, cjk) in enumerate(pieces):
        if cjk:
            cjk_runs.append(run)
            parts.extend(QueryTerm((gram,)) for gram in _cjk_grams(run))
            continue
        last = index == len(pieces) - 1
        if last and len(run) >= MIN_PREFIX:
            alternatives = tuple(dict.fromkeys((*stems(run), run)))
            parts.append(QueryTerm(alternatives, prefix=True))
        else:
            parts.append(QueryTerm(stems(run)))
    unique = tuple(dict.fromkeys(parts))[:MAX_QUERY_TERMS]
    return ParsedQuery(text=text, key=" ".join(folded), terms=unique, cjk_runs=tuple(cjk_runs))


def with_completions(query: ParsedQuery, completions: dict[str, list[str]]) -> ParsedQuery:
    """Return the query with its prefix term replaced by the exact terms it completes to."""
    parts = []
    for term in query.terms:
        if term.prefix and all(len(a) >= MIN_COMPLETION for a in term.alternatives):
            found = [c for a in term.alternatives for c in completions.get(a, [])]
            term = QueryTerm(
                tuple(dict.fromkeys([*term.alternatives, *found])), phrases=term.phrases
            )
        parts.append(term)
    return ParsedQuery(text=query.text, key=query.key, terms=tuple(parts), cjk_runs=query.cjk_runs)


def _word_matches(word: str, query: ParsedQuery) -> bool:
    folded = fold_fast(word)
    if not folded:
        return False
    if any(run in folded for run in query.cjk_runs):
        return True
    held = frozenset(stems(folded)) if len(folded) <= MAX_WORD else frozenset()
    return any(term.touches(held) for term in query.terms)


SNIPPET_WORDS = 24
_SCAN_WORDS = 5000


def snippet(
    text: str, query: ParsedQuery, *, size: int = SNIPPET_WORDS, marked_only: bool = False
) -> SafeString:
    """Return a passage of the text around the first match, matches marked, text escaped.

    With ``marked_only``, a text without any match gives "".
    """
    if not text:
        return mark_safe("")
    spans = []
    first = None
    # Whether words follow those read: the passage then ends in an ellipsis.
    more = False
    for count, match in enumerate(_WORD.finditer(text)):
        if count >= _SCAN_WORDS:
            more = True
            break
        spans.append(match.span())
        if first is None and _word_matches(match.group(), query):
            first = len(spans) - 1
        if first is not None and len(spans) - first > size:
            more = True
            break
    if marked_only and first is None:
        return mark_safe("")
    if not spans:
        return mark_safe(escape(text[:200]))
    start_word = max(0, (first or 0) - size // 3)
    window = spans[start_word : start_word + size]
    begin = window[0][0]
    if start_word > 0:
        # Keep the punctuation that sits just before the first word shown.
        begin = spans[start_word][0]
    pieces = ["… " if begin > 0 else ""]
    cursor = begin
    for word_start, word_end in window:
        pieces.append(escape(text[cursor:word_start]))
        word = text[word_start:word_end]
        if first is not None and _word_matches(word, query):
            pieces.append(f"<mark>{escape(word)}</mark>")
        else:
            pieces.append(escape(word))
        cursor = word_end
    if more or start_word + size < len(spans):
        pieces.append(" …")
    else:
        # The passage reaches the end: keep what follows the last word ("2011–").
        pieces.append(escape(text[cursor:].rstrip()))
    return mark_safe("".join(pieces))
