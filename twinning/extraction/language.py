"""Identify the language of a document."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

# py3langid knows Norwegian only as "no"; it is reported as "nb" (Bokmål) below.
LANGUAGES = ("da", "en", "sv", "no", "de", "zh", "fi", "nl", "fr")
# A sample is enough to decide and keeps identification cheap on long reports: the
# opening (title, lead) plus a slice from the middle, where the body text is.
_HEAD = 2000
_MIDDLE = 500


# Frequent words that only one of the usual languages of the documents uses. When they
# settle the question clearly, the statistical identifier is not needed: counting them
# costs a fraction of its byte-by-byte walk.
_FUNCTION_WORDS = {
    "en": "the and of to with that this was were which from have has been will would are is "
    "by be or their they",
    "da": "af blev blevet havde mod nogle gennem endnu mellem hvad meget nu samarbejde aftale "
    "aftalen borgmester byrådet kommunen ikke også efter",
    "nb": "av ble blitt hadde mot noen gjennom ennå mellom hva mye nå samarbeid avtale avtalen "
    "ordfører kommunen ikke også etter",
    "sv": "och att är för inte från mellan också till vara hade blivit genom ännu avtal avtalet "
    "samarbete kommunen efter",
    "de": "und der die das ist mit von zu nicht auch für ein eine dem des sich wird werden "
    "wurde bei aus",
}
_WORD_LANGUAGES: dict[str, set[str]] = {}
for _code, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        _WORD_LANGUAGES.setdefault(_word, set()).add(_code)
# A word listed for several languages does not tell them apart: count it for none.
_DISTINCT = {w: next(iter(c)) for w, c in _WORD_LANGUAGES.items() if len(c) == 1}
_WORDS = re.compile(r"[^\W\d_]+")
# Six distinctive words and three times as many as any other language's settle it, even
# in a short news item.
_MIN_VOTES = 6
_MARGIN = 3


def _vote(sample: str) -> str | None:
    """Return the language that distinctive function words clearly point to, if any."""
    votes: Counter[str] = Counter()
    for word in _WORDS.findall(sample.lower()):
        code = _DISTINCT.get(word)
        if code is not None:
            votes[code] += 1
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < _MIN_VOTES:
        return None
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return ranked[0][0] if ranked[0][1] >= _MARGIN * max(runner_up, 1) else None


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - the identifier class is private to py3langid
    from py3langid.langid import _load_identifier

    return _load_identifier(langs=list(LANGUAGES))


def _tables() -> tuple[object, list[int], list[int]] | None:
    """Return the identifier's byte automaton: next states, row offsets and outputs."""
    ident = _identifier()
    try:
        return ident.tk_nextmove, ident._rowbase, ident.tk_output
    except AttributeError:
        return None


def _classify(sample: str) -> str:
    ident = _identifier()
    tables = _tables()
    if tables is None or not hasattr(ident, "_sparse_score"):
        return ident.classify(sample)[0]
    if sample.isupper():
        sample = sample.lower()
    data = unicodedata.normalize("NFC", sample).encode("utf8", errors="surrogatepass")
    nextmove, rowbase, output = tables
    state = 0
    features = []
    for byte in data:
        state = nextmove[rowbase[state] + byte]
        feature = output[state]
        if feature >= 0:
            features.append(feature)
    if not features:
        return ident.classify(sample)[0]
    scores = ident._sparse_score(Counter(features), ident.nb_ptc)
    return ident.nb_classes[int(scores.argmax())]


def language_sample(text: str) -> str:
    """Return the part of the text that language identification reads."""
    if len(text) <= _HEAD + _MIDDLE:
        return text
    middle = len(text) // 2
    return text[:_HEAD] + "\n" + text[middle : middle + _MIDDLE]


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None for empty text."""
    sample = language_sample(text).strip()
    if not sample:
        return None
    if sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff") > len(sample) * 0.2:
        return "zh"
    code = _vote(sample) or _classify(sample)
    return "nb" if code == "no" else code
