"""Turn the country names found in third-party data into ISO 3166-1 codes."""

from __future__ import annotations

import functools

import pycountry
from django.utils.translation import get_language
from django_countries import countries

from twinning.core.text import fold

# Names and misspellings seen in public twin-town lists that no ISO table carries.
_ALIASES = {
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "great britain": "GB",
    "uk": "GB",
    "usa": "US",
    "republic of ireland": "IE",
    "georgia country": "GE",
    "kosovo republic": "XK",
    "palestine": "PS",
    "west bank": "PS",
    "gaza strip": "PS",
    "kosovo": "XK",
    "northern cyprus": "CY",
    "western sahara": "EH",
    "moldavia": "MD",
    "east timor": "TL",
    "surinam": "SR",
    "bosnia and hercegovina": "BA",
    "madagaskar": "MG",
    "grece": "GR",
    "kazakhstah": "KZ",
    "japa": "JP",
    "island": "IS",
    "micronesia": "FM",
    "federated states of micronesia": "FM",
    "congo": "CG",
    "republic of the congo": "CG",
    "democratic republic of the congo": "CD",
    "ivory coast": "CI",
    "cape verde": "CV",
    "laos": "LA",
    "eswatini": "SZ",
    "swaziland": "SZ",
    "russia": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "vietnam": "VN",
    "iran": "IR",
    "syria": "SY",
    "taiwan": "TW",
    "czech republic": "CZ",
    "turkey": "TR",
    "brunei": "BN",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "macedonia": "MK",
    "holland": "NL",
    "the netherlands": "NL",
    "burma": "MM",
    "vatican city": "VA",
    "danmark": "DK",
    "kina": "CN",
    "sverige": "SE",
    "norge": "NO",
    "tyskland": "DE",
    "gronland": "GL",
}


class UnknownCountry(ValueError):
    """Raised when a country name cannot be matched to an ISO code."""


@functools.cache
def _folded_names() -> dict[str, str]:
    """Return every known English name of every country, folded, with its code."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if value := getattr(country, attr, None):
                names[fold(value)] = country.alpha_2
                # "Falkland Islands (Malvinas)" is also written without the bracket.
                names.setdefault(fold(value.split("(")[0]), country.alpha_2)
    for code, name in countries:
        names[fold(str(name))] = code
        names.setdefault(fold(str(name).split("(")[0]), code)
    names.update(_ALIASES)
    return names


@functools.cache
def _by_name(name: str) -> str | None:
    key = fold(name)
    if len(key) == 2 and key.upper() in countries:
        return key.upper()
    return _folded_names().get(key)


@functools.cache
def country_code(name: str) -> str:
    """Return the ISO code for a country name such as "Scotland, United Kingdom".

    Compound names are tried whole, then from the last part ("Réunion, France"), then
    from the first; a leading "in " is dropped.
    """
    text = name.strip()
    if text.lower().startswith("in "):
        text = text[3:]
    parts = [part.strip() for part in text.split(",") if part.strip()]
    for candidate in [text, *reversed(parts)]:
        if code := _by_name(candidate):
            return code
    raise UnknownCountry(name)


def country_choices(codes) -> list[tuple[str, str]]:
    """Return (code, name) pairs for a picker, named in the active language and sorted."""
    return list(_country_choices(get_language(), tuple(codes)))


@functools.lru_cache(maxsize=64)
def _country_choices(language: str | None, codes: tuple[str, ...]) -> tuple:
    # Naming some 250 countries goes through the translation catalogue once per name;
    # the list changes only with the language and the set of codes.
    return tuple(sorted(((code, str(countries.name(code))) for code in codes), key=lambda c: c[1]))
