"""Folding of place names and splitting of their qualifiers."""

from __future__ import annotations

import re
import unicodedata

_LETTERS = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "œ": "oe", "đ": "d", "ł": "l", "ı": "i"}
)
_NON_WORD = re.compile(r"[^\w]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_OR_HAN = re.compile(
    r"^[\sA-Za-z\u00c0-\u024f\u1e00-\u1eff\u3400-\u9fff\uf900-\ufaff'’.,()\-]+$"
)
_BRACKET = re.compile(r"^(?P<base>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_SAINT = re.compile(r"^(st|ste|saint|sainte|san|santa|sankt|sint)\b\s*")


def fold(text: str) -> str:
    """Return text lower-cased, without accents and punctuation, for comparing names.

    "Sønderborg", "Sonderborg" and "SØNDERBORG" all fold to "sonderborg"; "Aarhus" and
    "Århus" both fold to "arhus"; Chinese characters are kept as they are.
    """
    text = text.casefold().translate(_LETTERS).replace("aa", "a")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", text).split())


def saint_key(key: str) -> str:
    """Return a folded name with a leading saint's title normalised ("st petersburg")."""
    return _SAINT.sub("st ", key, count=1)


def is_han(text: str) -> bool:
    """Tell whether the text is written in Chinese characters."""
    return bool(_HAN.search(text))


def is_kept_script(text: str) -> bool:
    """Tell whether a name is in Latin letters or Chinese characters.

    The registry's sources are written in those two scripts; names in others only grow
    the index.
    """
    return bool(_LATIN_OR_HAN.match(text))


def split_qualified(text: str) -> tuple[str, list[str]]:
    """Split a name into its base and the qualifiers that tell it from others.

    "Portland, Oregon" gives ("Portland", ["Oregon"]), "Halle (Saale)" gives ("Halle",
    ["Saale"]), "Lancaster, Lancashire, England" gives ("Lancaster", ["Lancashire",
    "England"]).
    """
    text = " ".join(text.split())
    qualifiers: list[str] = []
    match = _BRACKET.match(text)
    if match:
        text = match["base"]
        qualifiers.extend(part.strip() for part in match["inner"].split(",") if part.strip())
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        return "", qualifiers
    return parts[0], parts[1:] + qualifiers


_AREA_WORDS = (
    "county|district|municipality|municipal district|province|prefecture|region|oblast|"
    "raion|rayon|governorate|department|voivodeship|borough|township|kraj|okres|"
    "kommune|kommun|landkreis|regency|city|island|islands"
)
_AREA_AFTER = re.compile(rf"^(?P<base>.+?)\s+(?P<word>{_AREA_WORDS})$", re.IGNORECASE)
_AREA_BEFORE = re.compile(
    r"^(?P<word>county|province|city|municipality|district|region|prefecture)"
    r"(?:\s+of)?\s+(?P<base>.+)$",
    re.IGNORECASE,
)
# Words for a town rather than an area: "Malacca City" is the town of Malacca.
_TOWN_WORDS = frozenset({"city", "island", "islands"})


def strip_area_word(text: str) -> tuple[str, bool] | None:
    """Return a name without its word for an administrative unit, and whether it named one.

    "Avellino Province" gives ("Avellino", True), "County Limerick" gives ("Limerick",
    True), "Malacca City" gives ("Malacca", False); None when the name has no such word.
    """
    text = " ".join(text.split())
    for pattern in (_AREA_AFTER, _AREA_BEFORE):
        match = pattern.match(text)
        if match and len(match["base"]) > 1:
            return match["base"], match["word"].casefold() not in _TOWN_WORDS
    return None
