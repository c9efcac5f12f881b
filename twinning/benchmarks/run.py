"""Build and measure one database (the one DATABASE_URL names, which must be empty).

``python -m twinning.benchmarks.run PAIRS.csv`` prints its progress and, as its last
line, one JSON object of figures; ``twinning.bench`` runs it once per database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("pairs", type=Path, help="CSV of pairs to import")
    parser.add_argument("--activities", type=int, default=None)
    parser.add_argument("--visits", type=int, default=None)
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per run")
    parser.add_argument("--no-load", action="store_true", help="skip the HTTP load test")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from twinning.benchmarks import build, load, measure

    call_command("migrate", verbosity=0)
    # Pages name their static files through the manifest that collectstatic writes.
    call_command("collectstatic", interactive=False, verbosity=0)
    vendor = connection.vendor
    print(f"{vendor}: building the registry", flush=True)
    built = build.build(
        pairs_path=args.pairs,
        activities=build.ACTIVITIES if args.activities is None else args.activities,
        visits=build.VISITS if args.visits is None else args.visits,
    )
    print(
        f"  import of {built.partnerships} partnerships ({built.places} places): "
        f"{built.import_s:.2f} s; {built.activities} activities and {built.visits} visits "
        f"generated in {built.generate_s:.1f} s, visits indexed in {built.index_s:.1f} s",
        flush=True,
    )
    figures: dict = {
        "import_s": round(built.import_s, 2),
        "import_cpu_s": round(built.import_cpu_s, 2),
        "partnerships": built.partnerships,
        "places": built.places,
        "activities": built.activities,
        "visits": built.visits,
    }
    print(
        f"{vendor}: timing pages in-process ({args.requests} requests each, as served and "
        "drawn afresh)",
        flush=True,
    )
    figures |= measure.measure(requests=args.requests, log=lambda line: print(line, flush=True))
    if not args.no_load:
        print(f"{vendor}: load on twinning serve (gunicorn) with wrk", flush=True)
        detail = next(p for p in measure.pages() if p.key == "partnership_detail").urls[0]
        connection.close()
        started = time.perf_counter()
        served = load.load(
            database_url=os.environ["DATABASE_URL"],
            detail_path=detail,
            duration=args.duration,
            log=lambda line: print(line, flush=True),
        )
        for key, rate in served.pop("pages", {}).items():
            figures.setdefault(key, {})["requests_per_s"] = rate
        figures |= served
        figures["load_s"] = round(time.perf_counter() - started, 1)
    figures["load_average"] = [round(value, 2) for value in os.getloadavg()]
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
