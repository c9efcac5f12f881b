"""Folding of names so that spellings of one place compare equal."""

import re
import unicodedata

_DANISH = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "œ": "oe", "đ": "d", "ł": "l"})
_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """Return text lower-cased, without accents and punctuation, for matching names.

    "Sønderborg", "Sonderborg" and "SØNDERBORG" all fold to "sonderborg"; "Aarhus" and
    "Århus" both fold to "arhus".
    """
    text = text.casefold().translate(_DANISH).replace("aa", "a")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text).split())
