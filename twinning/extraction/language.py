"""Identify the language of a document."""

from __future__ import annotations

from functools import lru_cache

# py3langid knows Norwegian only as "no"; it is reported as "nb" (Bokmål) below.
LANGUAGES = ("da", "en", "sv", "no", "de", "zh", "fi", "nl", "fr")
# A sample is enough to decide and keeps identification cheap on long reports.
_SAMPLE = 2500


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - the identifier class is private to py3langid
    from py3langid.langid import _load_identifier

    return _load_identifier(langs=list(LANGUAGES))


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None for empty text."""
    sample = text[:_SAMPLE].strip()
    if not sample:
        return None
    if sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff") > len(sample) * 0.2:
        return "zh"
    code, _ = _identifier().classify(sample)
    return "nb" if code == "no" else code
