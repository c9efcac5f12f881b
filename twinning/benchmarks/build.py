"""Fill an empty database with a registry the size of the world's twin-town lists.

The pairs are imported through ``world_import``, the code that builds the world layer
(every name resolved in the gazetteer, one partnership per pair), and timed.
Activities and visits are then generated with a fixed seed, linked to the imported
partnerships and their places, and written straight into their tables (``write_rows``):
they are the load under which the pages are measured, not the thing measured. Places
get made-up coordinates so that the map has something to draw.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone
from django_countries import countries

from twinning.accounts.models import Membership, Role
from twinning.activities.models import Activity, ActivityArea, ActivityKind
from twinning.core.bulk import reserve_ids, write_rows
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.partnerships.world import world_import
from twinning.places.models import Place
from twinning.search.services import search_entries_index
from twinning.visits.models import Visit, VisitDirection, VisitStatus

PAIRS = 26_114
ACTIVITIES = 1_000_000
VISITS = 50_000
SEED = 20_240_601
EDITOR = "bench-editor"
EDITOR_PASSWORD = "bench-editor-password"

_TOPICS = [
    "Youth football exchange",
    "Climate adaptation workshop",
    "Teacher study stay",
    "Mayors' meeting",
    "Harbour development seminar",
    "Choir festival",
    "Business delegation",
    "Elderly care study visit",
    "Culture week",
    "School partnership meeting",
    "Water management conference",
    "Anniversary reception",
]


def synthetic_pairs(path: Path, count: int = PAIRS, seed: int = SEED) -> Path:
    """Write a CSV of ``count`` made-up pairs in the four columns of public lists.

    Towns are spread over every country like the real lists, with Denmark and China
    among them so that the national overview has something to show.
    """
    rng = random.Random(seed)
    codes = [code for code, _name in countries]
    names = {code: str(countries.name(code)) for code in codes}
    towns = [(f"Town {number:05d}", rng.choice(codes)) for number in range(18_000)]
    towns += [(f"Danish town {n}", "DK") for n in range(90)]
    towns += [(f"Chinese city {n}", "CN") for n in range(400)]
    seen = set()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["city1", "country1", "city2", "country2"])
        while len(seen) < count:
            a, b = rng.sample(towns, 2)
            if rng.random() < 0.03:
                a = rng.choice(towns[18_000:18_090])
                b = rng.choice(towns[18_090:])
            key = (min(a, b), max(a, b))
            if a == b or key in seen:
                continue
            seen.add(key)
            writer.writerow([a[0], names[a[1]], b[0], names[b[1]]])
    return path


@dataclass
class Built:
    """What the build made and how long each step took."""

    import_s: float
    import_cpu_s: float
    partnerships: int
    places: int
    activities: int
    visits: int
    generate_s: float
    index_s: float


def _write(model, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    write_rows(model._meta.db_table, [model._meta.get_field(name).column for name in columns], rows)


def _place_coordinates(rng: random.Random) -> None:
    # Places the gazetteer did not locate (made-up towns, flagged names) get one centre
    # per country and are scattered around it, so that lines look like lines.
    centres: dict[str, tuple[float, float]] = {}
    rows = []
    unlocated = Place.objects.filter(latitude__isnull=True)
    for pk, country in unlocated.values_list("pk", "country").order_by("pk"):
        if country not in centres:
            centres[country] = (rng.uniform(-50, 65), rng.uniform(-170, 175))
        lat, lon = centres[country]
        lat = min(89.0, max(-89.0, lat + rng.uniform(-4, 4)))
        lon = min(179.9, max(-179.9, lon + rng.uniform(-6, 6)))
        rows.append((round(lat, 4), round(lon, 4), pk))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {Place._meta.db_table} SET latitude = %s, longitude = %s WHERE id = %s", rows
        )


def _editor() -> Organisation:
    from django.contrib.auth import get_user_model

    organisation = Organisation.objects.create(name="Bench municipality", kind="municipality")
    user = get_user_model().objects.create_user(EDITOR, password=EDITOR_PASSWORD)
    Membership.objects.create(user=user, organisation=organisation, role=Role.EDITOR)
    return organisation


def _activities(rng: random.Random, pairs: list[tuple[int, int, int]], owner_id: int, count: int):
    now = timezone.now()
    areas, kinds = ActivityArea.values, ActivityKind.values
    ids = reserve_ids(Activity, count)
    columns = [
        "id",
        "created_at",
        "updated_at",
        "owner_id",
        "is_public",
        "start",
        "end",
        "area",
        "kind",
        "title",
        "description",
        "place_id",
    ]
    links = []

    def rows():
        for pk in ids:
            partnership, a, b = rng.choice(pairs)
            links.append((pk, partnership))
            year = rng.randint(1990, 2025)
            month = rng.randint(1, 12)
            start = f"{year:04d}-{month:02d}-{rng.randint(1, 28):02d}"
            yield (
                pk,
                now,
                now,
                owner_id if rng.random() < 0.05 else None,
                rng.random() < 0.95,
                start,
                None,
                rng.choice(areas),
                rng.choice(kinds),
                f"{rng.choice(_TOPICS)} {year}",
                "",
                a if pk % 2 else b,
            )

    _write(Activity, columns, rows())
    _write(Activity.partnerships.through, ["activity_id", "partnership_id"], links)
    return count


def _visits(rng: random.Random, pairs: list[tuple[int, int, int]], owner_id: int, count: int):
    now = timezone.now()
    ids = reserve_ids(Visit, count)
    columns = [
        "id",
        "created_at",
        "updated_at",
        "owner_id",
        "is_public",
        "direction",
        "visiting_party_id",
        "host_id",
        "host_organisation_id",
        "partnership_id",
        "title",
        "start_date",
        "end_date",
        "dates_approximate",
        "purpose",
        "status",
        "notes",
        "report",
    ]
    statuses = VisitStatus.values
    directions = VisitDirection.values

    def rows():
        for pk in ids:
            partnership, a, b = rng.choice(pairs)
            start = dt.date(rng.randint(1995, 2026), rng.randint(1, 12), rng.randint(1, 28))
            yield (
                pk,
                now,
                now,
                owner_id if rng.random() < 0.1 else None,
                rng.random() < 0.9,
                rng.choice(directions),
                a,
                b,
                None,
                partnership,
                f"Delegation to {rng.choice(_TOPICS).lower()}",
                start,
                start + dt.timedelta(days=rng.randint(0, 6)),
                False,
                "",
                rng.choice(statuses),
                "",
                "",
            )

    _write(Visit, columns, rows())
    return ids


def _settle() -> None:
    # What PostgreSQL's autovacuum would soon do on a live server, done before the clock
    # runs rather than in the middle of a measurement: statistics for the planner and
    # the visibility map that lets index-only scans skip the table. VACUUM cannot run in
    # a transaction, which tests build inside.
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")


def build(
    *, pairs_path: Path, activities: int = ACTIVITIES, visits: int = VISITS, seed: int = SEED
) -> Built:
    """Import the pairs (timed) and generate the activities and visits around them."""
    started, cpu = time.perf_counter(), time.process_time()
    report = world_import(path=pairs_path)
    import_s = time.perf_counter() - started
    import_cpu_s = time.process_time() - cpu

    started = time.perf_counter()
    rng = random.Random(seed)
    with transaction.atomic():
        owner = _editor()
        _place_coordinates(rng)
        pairs = list(
            Partnership.objects.order_by("pk").values_list("pk", "party_a_id", "party_b_id")
        )
        _activities(rng, pairs, owner.pk, activities)
        visit_ids = _visits(rng, pairs, owner.pk, visits)
    generate_s = time.perf_counter() - started

    # Visits are searchable; a million generated activities are left out of the index,
    # which would take minutes to fill and say nothing new about the search itself.
    started = time.perf_counter()
    search_entries_index(kind="visit", ids=visit_ids)
    index_s = time.perf_counter() - started
    _settle()
    return Built(
        import_s=import_s,
        import_cpu_s=import_cpu_s,
        partnerships=report.partnerships_created,
        places=Place.objects.count(),
        activities=activities,
        visits=visits,
        generate_s=generate_s,
        index_s=index_s,
    )
