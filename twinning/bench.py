"""Measure speed and memory: ``make bench``.

Figures depend on the machine; the report states it. The last line printed is one JSON
object with every figure.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = Path(
    os.environ.get(
        "TWINNING_BENCH_PAIRS", ROOT.parent / "shared" / "datasets" / "twin_cities_raw.csv"
    )
)


def _machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def _import_seconds(database_url: str) -> float:
    """Return the seconds an import of the pair list takes in a fresh process."""
    code = (
        "import time, django, os;"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'twinning.settings');"
        "django.setup();"
        "from django.core.management import call_command;"
        "call_command('migrate', verbosity=0);"
        "from pathlib import Path;"
        "from twinning.partnerships.services import partnerships_import;"
        "t = time.perf_counter();"
        f"r = partnerships_import(path=Path({str(DATASET)!r}));"
        "print(time.perf_counter() - t, r.partnerships_created)"
    )
    env = {**os.environ, "DATABASE_URL": database_url}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0])


def main() -> int:
    results: dict = {"machine": _machine()}
    print(f"twinning bench on {results['machine']}")
    if DATASET.exists():
        with tempfile.TemporaryDirectory() as tmp:
            seconds = _import_seconds(f"sqlite:///{tmp}/bench.sqlite3")
        results["sqlite"] = {"import_s": round(seconds, 2)}
        print(f"import of {DATASET.name} on SQLite: {seconds:.2f} s")
    else:
        print(f"{DATASET} not found; set TWINNING_BENCH_PAIRS to a pair list to time imports")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
