"""The world layer: twin-town pairs from open data, reconciled into one registry.

Three kinds of file are read:

- Wikipedia lists (CSV with the columns city1, country1, city2, country2, and perhaps
  lat1, lng1, lat2, lng2, which are not used to resolve), CC BY-SA;
- Wikidata P190 exports with names, countries and coordinates (tab-separated, header
  ``origincityLabel … destination_countryLabel``), CC0;
- Wikidata P190 pairs: a headerless file of QID pairs and one of QID labels, CC0.

Every name is resolved against the gazetteer (``twinning.gazetteer``): a place that
resolves is one place whatever spelling or qualifier each source uses; a name that stays
ambiguous or is not found becomes a place flagged for a person. Each pair is one
partnership whatever its order; each row adds a sourced statement (``PartnershipClaim``)
to it, and a statement already present is not added again, so importing the same file
twice changes nothing.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from twinning.core.bulk import create_with_history
from twinning.core.search import search_entries_index
from twinning.core.text import fold
from twinning.gazetteer import SAME_PLACE_KM, Entry, gazetteer
from twinning.partnerships.models import (
    DATASET_LICENCES,
    ClaimDataset,
    Partnership,
    PartnershipClaim,
)
from twinning.partnerships.services import ImportRowError
from twinning.places.models import Place, PlaceKind, PlaceName, PlaceResolution

GEONAMES = "GeoNames (CC BY 4.0)"
_SOURCE_LABELS = {
    ClaimDataset.WIKIPEDIA: "Wikipedia (CC BY-SA 4.0)",
    ClaimDataset.WIKIDATA: "Wikidata (CC0)",
}
_KIND_OF = {"city": PlaceKind.CITY, "admin1": PlaceKind.REGION, "admin2": PlaceKind.MUNICIPALITY}
_NAME_LENGTH = Place._meta.get_field("name").max_length
# A point given with a name must lie this close to the place it resolves to.
_NEAR_KM = 50.0
# "Seocho (Seoul)", "Belgrade – Mladenovac": a district named with the town it lies in.
_DISTRICT_IN = re.compile(r"^(?P<part>[^()]+?)\s*\((?P<whole>[^()]+)\)$")
# "Prague 6", "Vienna 12 – Meidling": a numbered district of a city.
_NUMBERED = re.compile(r"^(?P<whole>[^\d()]+?)\s+\d+(?:\s+[–—-]\s+(?P<part>.+))?$")
_TOWN_DASH = re.compile(r"^(?P<whole>.+?)\s+[–—-]\s+(?P<part>.+)$")
# "Schönwalde-Glien": a municipality named after the towns it joined.
_JOINED = re.compile(r"^(?P<whole>[^\s–-]{3,})-(?P<part>[^\s–-]{3,}.*)$")
_FLAGGED = {PlaceResolution.AMBIGUOUS, PlaceResolution.UNRESOLVED}
_EXPORT_COLUMNS = {
    "origincitylabel",
    "origincountry",
    "originlat",
    "originlong",
    "sistercitylabel",
    "destinationlat",
    "destinationlong",
    "destination_countrylabel",
}


class WorldFileError(ImportRowError):
    """A file that cannot be read as twin-town data; nothing of it is imported."""

    def __init__(self, path: Path, line: int, reason: str):
        super().__init__(line, reason)
        self.args = (
            _("%(file)s, line %(line)d: %(reason)s")
            % {"file": path.name, "line": line, "reason": reason},
        )


@dataclass(frozen=True)
class End:
    """One side of a listed pair, as the source gives it."""

    name: str
    country: str = ""
    near: tuple[float, float] | None = None
    qid: str = ""


@dataclass
class WorldReport:
    """What an import of world data did."""

    file: str = ""
    rows: int = 0
    places_created: int = 0
    places_matched: int = 0
    places_ambiguous: int = 0
    places_unresolved: int = 0
    partnerships_created: int = 0
    partnerships_merged: int = 0
    partnerships_conflicting: int = 0
    statements_added: int = 0
    statements_unchanged: int = 0
    same_place: list[int] = dataclasses.field(default_factory=list)

    def summary(self) -> str:
        return "\n".join(
            [
                _("%(file)s: %(rows)d rows read") % {"file": self.file, "rows": self.rows},
                _(
                    "places: %(created)d created, %(matched)d matched, %(ambiguous)d "
                    "ambiguous and %(unresolved)d not found (both flagged for review)"
                )
                % {
                    "created": self.places_created,
                    "matched": self.places_matched,
                    "ambiguous": self.places_ambiguous,
                    "unresolved": self.places_unresolved,
                },
                _(
                    "partnerships: %(created)d created, %(merged)d merged into existing "
                    "ones, %(conflicting)d with conflicting statements"
                )
                % {
                    "created": self.partnerships_created,
                    "merged": self.partnerships_merged,
                    "conflicting": self.partnerships_conflicting,
                },
                _("statements: %(added)d added, %(unchanged)d already present")
                % {"added": self.statements_added, "unchanged": self.statements_unchanged},
                _("%(n)d rows name the same place on both sides") % {"n": len(self.same_place)},
            ]
        )


# Reading -----------------------------------------------------------------------------


def _text_lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                raise WorldFileError(path, number, _("the line is not UTF-8 text.")) from None
            if number == 1:
                text = text.removeprefix("\ufeff")
            yield number, text


def _number(path: Path, line: int, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise WorldFileError(
            path, line, _("“%(value)s” is not a number.") % {"value": value}
        ) from None


def _point(path: Path, line: int, lat: str, lng: str) -> tuple[float, float] | None:
    if not (lat or "").strip() or not (lng or "").strip():
        return None
    point = (_number(path, line, lat), _number(path, line, lng))
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise WorldFileError(path, line, _("the coordinates lie outside the globe."))
    return point


def _checked_name(path: Path, line: int, value: str, column: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise WorldFileError(path, line, _("column %(column)s is empty.") % {"column": column})
    if len(value) > _NAME_LENGTH:
        raise WorldFileError(
            path, line, _("the name is longer than %(n)d characters.") % {"n": _NAME_LENGTH}
        )
    return value


def read_world_file(path: Path, names: Path | None = None):
    """Return (dataset, list of (line, End, End)) for a world file, checking every line."""
    first = next(iter(_text_lines(path)), (1, ""))[1]
    header = [column.strip().lower() for column in first.rstrip("\r\n").split("\t")]
    if names is not None or (len(header) == 2 and header[0].startswith("q")):
        if names is None:
            raise WorldFileError(path, 1, _("a file of QID pairs needs its file of labels."))
        return ClaimDataset.WIKIDATA, _read_pairs(path, names)
    if set(header) >= _EXPORT_COLUMNS:
        return ClaimDataset.WIKIDATA, _read_export(path)
    return ClaimDataset.WIKIPEDIA, _read_list(path)


def _read_list(path: Path):
    text = "".join(line for _n, line in _text_lines(path))
    reader = csv.DictReader(io.StringIO(text))
    columns = {(c or "").strip().lower() for c in reader.fieldnames or ()}
    if not {"city1", "country1", "city2", "country2"} <= columns:
        raise WorldFileError(
            path, 1, _("the first row must name the columns city1, country1, city2, country2.")
        )
    rows = []
    for number, row in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        ends = tuple(
            End(
                _checked_name(path, number, row[f"city{i}"], f"city{i}"),
                row[f"country{i}"],
            )
            for i in (1, 2)
        )
        rows.append((number, *ends))
    return rows


def _read_export(path: Path):
    lines = list(_text_lines(path))
    header = [c.strip().lower() for c in lines[0][1].rstrip("\r\n").split("\t")]
    rows = []
    for number, text in lines[1:]:
        if not text.strip():
            continue
        values = text.rstrip("\r\n").split("\t")
        if len(values) != len(header):
            raise WorldFileError(
                path,
                number,
                _("expected %(n)d tab-separated columns, found %(m)d.")
                % {"n": len(header), "m": len(values)},
            )
        row = dict(zip(header, values, strict=True))
        origin = End(
            _checked_name(path, number, row["origincitylabel"], "origincityLabel"),
            row["origincountry"].strip(),
            _point(path, number, row["originlat"], row["originlong"]),
        )
        destination = End(
            _checked_name(path, number, row["sistercitylabel"], "sistercityLabel"),
            row["destination_countrylabel"].strip(),
            _point(path, number, row["destinationlat"], row["destinationlong"]),
        )
        rows.append((number, origin, destination))
    return rows


def _read_pairs(relations: Path, names: Path):
    # The pair reader of the plain Wikidata import checks QIDs and labels the same way.
    from twinning.partnerships.wikidata import WikidataImportReport, _read_names, _read_relations

    labels = _read_names(names)
    pairs = _read_relations(relations, WikidataImportReport())
    return [
        (number, End(labels.get(a, a), qid=a), End(labels.get(b, b), qid=b))
        for (a, b), number in pairs.items()
    ]


# Resolving ---------------------------------------------------------------------------


class _Places:
    """The registry's places, and the ones this import will create, by every key."""

    def __init__(self):
        self.by_geonames: dict[int, int | Place] = {}
        self.by_qid: dict[str, int | Place] = {}
        self.by_name: dict[tuple[str, str], list[int | Place]] = defaultdict(list)
        self.sources: dict[int, str] = {}
        self.unlinked: set[int] = set()
        self.new: list[Place] = []
        self.updates: dict[int, dict] = defaultdict(dict)
        self.flagged: dict[tuple[str, str], int | Place] = {}
        rows = Place.objects.values_list(
            "pk",
            "country",
            "search_key",
            "geonames_id",
            "wikidata_id",
            "data_sources",
            "resolution",
        )
        for pk, country, key, geonames_id, qid, sources, resolution in rows:
            self.by_name[(country, key)].append(pk)
            if resolution in _FLAGGED:
                self.flagged.setdefault((country, key), pk)
            self.sources[pk] = sources
            if geonames_id:
                self.by_geonames[geonames_id] = pk
            else:
                self.unlinked.add(pk)
            if qid:
                self.by_qid[qid.upper()] = pk
        for pk, country, key in PlaceName.objects.values_list(
            "place_id", "place__country", "search_key"
        ):
            if pk not in self.by_name[(country, key)]:
                self.by_name[(country, key)].append(pk)
        self.partners: dict[int, set[int]] = defaultdict(set)
        for a, b in Partnership.objects.values_list("party_a_id", "party_b_id"):
            self.partners[a].add(b)
            self.partners[b].add(a)

    def create(self, **fields) -> Place:
        place = Place(**fields)
        place.search_key = fold(place.name)
        self.new.append(place)
        self.by_name[(place.country, place.search_key)].append(place)
        if place.geonames_id:
            self.by_geonames[place.geonames_id] = place
        if place.wikidata_id:
            self.by_qid[place.wikidata_id] = place
        if place.resolution in _FLAGGED:
            self.flagged[(place.country, place.search_key)] = place
        return place

    def give_qid(self, ref: int | Place, qid: str) -> None:
        """Record a QID on a place that has none yet and that no other place holds."""
        if not qid or qid in self.by_qid:
            return
        if isinstance(ref, Place):
            if not ref.wikidata_id:
                ref.wikidata_id = qid
                self.by_qid[qid] = ref
            return
        if "wikidata_id" not in self.updates[ref] and ref not in self._held_qid():
            self.updates[ref]["wikidata_id"] = qid
            self.by_qid[qid] = ref

    def _held_qid(self) -> set[int]:
        if not hasattr(self, "_held"):
            self._held = {ref for ref in self.by_qid.values() if isinstance(ref, int)}
        return self._held


def _display_name(end_name: str, entry: Entry) -> str:
    base = end_name.split(",")[0].split("(")[0].strip()
    return base if base and fold(base) == fold(entry.name) else entry.name


class _Resolver:
    def __init__(self, places: _Places, dataset: str):
        self.places = places
        self.world = gazetteer()
        self.source = _SOURCE_LABELS[dataset]
        self.cache: dict[tuple, tuple[int | Place, str]] = {}
        self.counts: dict[str, int] = defaultdict(int)
        self.seen: set[int] = set()

    def resolve(self, end: End) -> tuple[int | Place, str]:
        key = (end.name, end.country, end.near, end.qid)
        if key not in self.cache:
            self.cache[key] = self._resolve(end)
            ref, outcome = self.cache[key]
            ident = id(ref) if isinstance(ref, Place) else ref
            if ident not in self.seen:
                self.seen.add(ident)
                self.counts[outcome] += 1
        return self.cache[key]

    def _lookup(self, end: End):
        country = end.country or None
        found = self.world.lookup(end.name, country=country, near=end.near)
        if end.near is not None and (
            found.best is None or (found.best.distance_km or 0) > _NEAR_KM
        ):
            # The point outweighs a country the source may have mislabelled.
            found = self.world.lookup(end.name, near=end.near)
        if found.best is not None and (found.best.distance_km or 0) > _NEAR_KM:
            return None, found
        return found.best, found

    def _within(self, end: End, country: str) -> Place | None:
        return _within_of(self, end, country)

    def _resolve(self, end: End) -> tuple[int | Place, str]:
        places = self.places
        if end.qid and end.qid in places.by_qid:
            return places.by_qid[end.qid], "matched"
        best, found = self._lookup(end)
        country = found.country or (self.world.country_code(end.country) or "")
        if best is not None:
            entry = best.entry
            if entry.geonames_id in places.by_geonames:
                ref = places.by_geonames[entry.geonames_id]
                places.give_qid(ref, end.qid)
                return ref, "matched"
            # A place a person recorded without GeoNames: the same name in the country.
            for name in {end.name.split(",")[0].strip(), entry.name}:
                same = [
                    ref
                    for ref in places.by_name.get((entry.country, fold(name)), [])
                    if isinstance(ref, int) and ref in places.unlinked
                ]
                if len(same) == 1:
                    pk = same[0]
                    places.unlinked.discard(pk)
                    places.by_geonames[entry.geonames_id] = pk
                    places.updates[pk].update(
                        geonames_id=entry.geonames_id,
                        latitude=entry.latitude,
                        longitude=entry.longitude,
                        population=entry.population,
                        resolution=PlaceResolution.MATCHED,
                    )
                    places.give_qid(pk, end.qid)
                    return pk, "matched"
            admin = self.world.area_name(entry.admin1) if entry.admin1 else ""
            return (
                places.create(
                    kind=_KIND_OF[entry.kind],
                    name=_display_name(end.name, entry)[:_NAME_LENGTH],
                    country=entry.country,
                    latitude=entry.latitude,
                    longitude=entry.longitude,
                    population=entry.population,
                    geonames_id=entry.geonames_id,
                    wikidata_id=end.qid if end.qid not in places.by_qid else "",
                    admin_area=(admin or "")[:200],
                    resolution=PlaceResolution.MATCHED,
                    data_sources=f"{GEONAMES}; {self.source}",
                ),
                "created",
            )
        # Not settled by the gazetteer: the registry may still know the name.
        same = places.by_name.get((country, fold(end.name)), [])
        if not found.candidates and not same and (within := self._within(end, country)):
            return within, "created"
        flagged = places.flagged.get((country, fold(end.name)))
        if flagged is not None:
            # The same unsettled name, met before: still one place awaiting a person.
            places.give_qid(flagged, end.qid)
            return flagged, "matched"
        if len(same) == 1:
            places.give_qid(same[0], end.qid)
            return same[0], "matched"
        outcome = "ambiguous" if found.ambiguous else "unresolved"
        point = end.near if end.near is not None else (None, None)
        return (
            places.create(
                kind=PlaceKind.CITY,
                name=end.name[:_NAME_LENGTH],
                country=country,
                latitude=point[0],
                longitude=point[1],
                wikidata_id=end.qid if end.qid not in places.by_qid else "",
                resolution=(
                    PlaceResolution.AMBIGUOUS
                    if outcome == "ambiguous"
                    else PlaceResolution.UNRESOLVED
                ),
                data_sources=self.source,
            ),
            outcome,
        )


def _within_of(resolver: _Resolver, end: End, country: str) -> Place | None:
    """Place a district or joined municipality at the town or area named with it.

    The new place keeps its own name and no GeoNames id: it is not the town, only
    located by it.
    """
    for pattern, kind in (
        (_DISTRICT_IN, PlaceKind.DISTRICT),
        (_NUMBERED, PlaceKind.DISTRICT),
        (_TOWN_DASH, PlaceKind.DISTRICT),
        (_JOINED, PlaceKind.MUNICIPALITY),
    ):
        match = pattern.match(end.name)
        if not match:
            continue
        found = resolver.world.lookup(match["whole"], country=country or end.country or None)
        entry, point = found.best.entry if found.best else None, None
        if match.groupdict().get("part"):
            # The part itself may be in the gazetteer near one of the towns of that
            # name: "Haaren – Esch" is the Esch beside the Haaren in Brabant.
            for whole in found.candidates[:5]:
                if whole.entry.latitude is None:
                    continue
                near = (whole.entry.latitude, whole.entry.longitude)
                part = resolver.world.lookup(
                    match["part"], country=whole.entry.country, near=near
                ).candidates
                if (
                    part
                    and part[0].distance_km is not None
                    and part[0].distance_km < 2 * SAME_PLACE_KM
                ):
                    entry = whole.entry
                    point = (part[0].entry.latitude, part[0].entry.longitude)
                    break
        if entry is None:
            continue
        point = point or (entry.latitude, entry.longitude)
        admin = resolver.world.area_name(entry.admin1) if entry.admin1 else ""
        return resolver.places.create(
            kind=kind,
            name=end.name[:_NAME_LENGTH],
            country=entry.country,
            latitude=point[0],
            longitude=point[1],
            wikidata_id=end.qid if end.qid not in resolver.places.by_qid else "",
            admin_area=(admin or "")[:200],
            resolution=PlaceResolution.WITHIN,
            data_sources=f"{GEONAMES}; {resolver.source}",
        )
    return None


# Writing -----------------------------------------------------------------------------


def _claim_key(dataset: str, a: End, b: End) -> str:
    if dataset == ClaimDataset.WIKIDATA and a.qid and b.qid:
        return "|".join(sorted((a.qid, b.qid)))
    sides = sorted(f"{fold(end.name)}/{fold(end.country)}" for end in (a, b))
    return "|".join(sides)[:400]


@transaction.atomic
def world_import(
    *,
    path: Path,
    names: Path | None = None,
    user=None,
    progress: Callable[[int], None] | None = None,
) -> WorldReport:
    """Import one world file (with its labels file for QID pairs), all or nothing.

    Return a report of places created, matched, ambiguous and not found, and of
    partnerships created, merged and conflicting. A malformed line raises
    WorldFileError naming the file and line, and nothing is written.
    """
    dataset, rows = read_world_file(path, names)
    report = WorldReport(file=path.name, rows=len(rows))
    places = _Places()
    resolver = _Resolver(places, dataset)
    planned = []
    for number, a, b in rows:
        ref_a, _outcome = resolver.resolve(a)
        ref_b, _outcome = resolver.resolve(b)
        planned.append((number, a, b, ref_a, ref_b))
        if progress:
            progress(1)

    # Materialise the places first: partnerships refer to them by id.
    place_ids = create_with_history(
        Place,
        [
            {
                field.attname: getattr(place, field.attname)
                for field in Place._meta.concrete_fields
                if field.attname not in {"id", "created_at", "updated_at"}
            }
            for place in places.new
        ],
        history_user=user,
    )
    for place, pk in zip(places.new, place_ids, strict=True):
        place.pk = pk
    touched = [pk for pk in places.updates if places.updates[pk]]
    source = _SOURCE_LABELS[dataset]
    for pk in {ref for _n, _a, _b, *refs in planned for ref in refs if isinstance(ref, int)}:
        if source not in places.sources.get(pk, ""):
            held = places.sources.get(pk, "")
            places.updates[pk]["data_sources"] = (f"{held}; {source}" if held else source)[:300]
    if places.updates:
        found = Place.objects.in_bulk(list(places.updates))
        changed = set()
        for pk, fields in places.updates.items():
            for field, value in fields.items():
                setattr(found[pk], field, value)
                changed.add(field)
        bulk_update_with_history(
            list(found.values()), Place, sorted(changed), batch_size=2000, default_user=user
        )

    pair_ids: dict[tuple[int, int], int] = {}
    for pk, a, b in Partnership.objects.values_list("pk", "party_a_id", "party_b_id"):
        pair_ids.setdefault((min(a, b), max(a, b)), pk)
    known_claims = set(
        PartnershipClaim.objects.filter(dataset=dataset).values_list("key", flat=True)
    )
    new_pairs: dict[tuple[int, int], int] = {}
    claims = []
    licence = DATASET_LICENCES[dataset]
    merged: set[int] = set()
    for number, a, b, ref_a, ref_b in planned:
        id_a, id_b = (ref if isinstance(ref, int) else ref.pk for ref in (ref_a, ref_b))
        if id_a == id_b:
            report.same_place.append(number)
            continue
        key = _claim_key(dataset, a, b)
        if key in known_claims:
            report.statements_unchanged += 1
            continue
        known_claims.add(key)
        pair = (min(id_a, id_b), max(id_a, id_b))
        if pair in pair_ids:
            merged.add(pair_ids[pair])
        elif pair not in new_pairs:
            new_pairs[pair] = len(new_pairs)
        claims.append((pair, id_a, a, b))
    partnership_ids = create_with_history(
        Partnership,
        [{"party_a_id": a, "party_b_id": b, "is_public": True} for a, b in new_pairs],
        history_user=user,
    )
    for pair, index in new_pairs.items():
        pair_ids[pair] = partnership_ids[index]
    records = []
    for pair, id_a, a, b in claims:
        first, second = (a, b) if id_a == pair[0] else (b, a)
        records.append(
            {
                "partnership_id": pair_ids[pair],
                "dataset": dataset,
                "source_name": path.name[:200],
                "licence": licence,
                "key": _claim_key(dataset, a, b),
                "name_a": first.name,
                "country_a": first.country[:200],
                "name_b": second.name,
                "country_b": second.country[:200],
            }
        )
    create_with_history(PartnershipClaim, records)

    report.places_created = resolver.counts["created"]
    report.places_matched = resolver.counts["matched"]
    report.places_ambiguous = resolver.counts["ambiguous"]
    report.places_unresolved = resolver.counts["unresolved"]
    report.partnerships_created = len(partnership_ids)
    report.partnerships_merged = len(merged)
    report.statements_added = len(records)
    from twinning.partnerships.selectors import partnerships_in_conflict

    report.partnerships_conflicting = partnerships_in_conflict(
        ids=set(partnership_ids) | merged
    ).count()
    search_entries_index(kind="place", ids=place_ids + touched)
    search_entries_index(kind="partnership", ids=partnership_ids)
    return report


# Folders ---------------------------------------------------------------------------


def world_files(paths: list[Path]) -> tuple[list[tuple[Path, Path | None]], list[Path]]:
    """Return the world files among paths (folders are searched), and the files left aside.

    Each world file comes with its labels file when it holds QID pairs: a folder's
    ``relations.tsv`` is read with its ``names.tsv``. Wikipedia lists come first, so
    that Wikidata's pairs settle on the places the lists name. A file that is no world
    file (another table, a labels file on its own) is left aside, not an error.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in {".csv", ".tsv"}))
        else:
            files.append(path)
    lists, pairs, exports, aside = [], [], [], []
    labels = {p for p in files if p.name == "names.tsv"}
    for path in files:
        if path in labels:
            continue
        first = next(iter(_text_lines(path)), (1, ""))[1].rstrip("\r\n")
        header = [c.strip().lower() for c in first.split("\t")]
        columns = {c.strip().lower() for c in first.split(",")}
        if {"city1", "country1", "city2", "country2"} <= columns:
            lists.append((path, None))
        elif set(header) >= _EXPORT_COLUMNS:
            exports.append((path, None))
        elif len(header) == 2 and all(re.fullmatch(r"q\d+", c) for c in header):
            names = path.with_name("names.tsv")
            if names in labels:
                pairs.append((path, names))
            else:
                aside.append(path)
        else:
            aside.append(path)
    used = {names for _path, names in pairs}
    aside.extend(sorted(labels - used))
    return lists + exports + pairs, aside
