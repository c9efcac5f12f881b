"""Measure how well the world layer resolves places: ``python -m twinning.benchmarks.world``.

Run in a fresh database (``DATABASE_URL``) with a folder holding ``twin_cities.csv`` (a
twin-town list whose places an independent geocoder located), ``relations.tsv`` and
``names.tsv`` (Wikidata P190 pairs and labels). The list is imported by its names
alone; then every row's two places are compared with the geocoder's points:

- ``resolved_within_25km``: share of rows whose two places both lie within 25 km of
  the given points;
- ``distinct_merged``: share of distinct given points whose place also receives
  another given point more than 25 km away (two places merged into one);
- ``qid_share``: share of the QIDs of the Wikidata pairs that a place holds after the
  pairs are imported on top of the list;
- ``import_s`` and ``wikidata_import_s``: wall time of the two imports.

The last line printed is a JSON object with the figures and the commonest failures.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

WITHIN_KM = 25.0


def _names_only(source: Path, target: Path) -> list[dict]:
    with source.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["city1", "country1", "city2", "country2"])
        for row in rows:
            writer.writerow([row["city1"], row["country1"], row["city2"], row["country2"]])
    return rows


def measure(folder: Path, log=print) -> dict:
    """Import the files of ``folder`` into the configured database and return figures."""
    from django.core.management import call_command

    from twinning.gazetteer import distance_km
    from twinning.partnerships.world import End, _Places, _Resolver, world_import
    from twinning.places.models import Place, PlaceResolution

    call_command("migrate", verbosity=0)
    with tempfile.TemporaryDirectory() as tmp:
        names_file = Path(tmp) / "twin_cities_names.csv"
        rows = _names_only(folder / "twin_cities.csv", names_file)
        started = time.perf_counter()
        report = world_import(path=names_file)
        import_s = time.perf_counter() - started
    log(report.summary())

    # Resolve every row again: each end now finds the place the import gave it.
    resolver = _Resolver(_Places(), "wikipedia")
    points = {
        pk: (lat, lng, resolution)
        for pk, lat, lng, resolution in Place.objects.values_list(
            "pk", "latitude", "longitude", "resolution"
        )
    }
    within = 0
    failures: Counter = Counter()
    given_by_place: dict[int, set[tuple[float, float]]] = defaultdict(set)
    for row in rows:
        ok = True
        for side in ("1", "2"):
            ref, _outcome = resolver.resolve(End(row[f"city{side}"], row[f"country{side}"]))
            given = (round(float(row[f"lat{side}"]), 4), round(float(row[f"lng{side}"]), 4))
            given_by_place[ref].add(given)
            lat, lng, resolution = points[ref]
            if lat is None:
                ok = False
                failures[f"{resolution} name"] += 1
            elif distance_km(lat, lng, *given) > WITHIN_KM:
                ok = False
                kind = "flagged" if resolution != PlaceResolution.MATCHED else "resolved"
                failures[f"{kind}, but more than {WITHIN_KM:.0f} km away"] += 1
        within += ok
    distinct = set().union(*given_by_place.values())
    merged = set()
    for given in given_by_place.values():
        if len(given) < 2:
            continue
        for point in given:
            if any(distance_km(*point, *other) > WITHIN_KM for other in given if other != point):
                merged.add(point)

    started = time.perf_counter()
    wikidata = world_import(path=folder / "relations.tsv", names=folder / "names.tsv")
    wikidata_s = time.perf_counter() - started
    log(wikidata.summary())
    qids = set()
    with (folder / "relations.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            qids.update(part.strip() for part in line.split("\t") if part.strip())
    held = set(
        Place.objects.filter(wikidata_id__in=list(qids)).values_list("wikidata_id", flat=True)
    )
    return {
        "rows": len(rows),
        "resolved_within_25km": round(within / len(rows), 4),
        "distinct_merged": round(len(merged) / len(distinct), 4),
        "qid_share": round(len(held) / len(qids), 4),
        "import_s": round(import_s, 1),
        "wikidata_import_s": round(wikidata_s, 1),
        "places": Place.objects.count(),
        "places_flagged": Place.objects.exclude(resolution=PlaceResolution.MATCHED).count(),
        "failures": dict(failures.most_common(6)),
    }


def main(argv: list[str]) -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
    django.setup()
    figures = measure(Path(argv[0]))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
