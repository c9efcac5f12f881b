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


def _extraction() -> dict:
    """Return the figures of the extraction engine on the seed documents.

    Without the seed documents (``TWINNING_BENCH_DOCS`` names another folder), the
    engine's own examples are used, repeated to at least 100 pages.
    """
    from twinning.extraction.bench import measure

    docs = Path(os.environ.get("TWINNING_BENCH_DOCS", ROOT.parent / "shared" / "seeds"))
    if not docs.is_dir():
        examples = ROOT / "twinning" / "extraction" / "tests" / "examples"
        docs = examples
        paths = [p for p in sorted(examples.iterdir()) if p.suffix in (".txt", ".html")]
        paths = [p for p in paths if "binary" not in p.name]
    else:
        paths = [docs]
    figures = measure(paths, min_pages=100)
    figures["docs"] = str(docs)
    return figures


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
    extraction = _extraction()
    results.update(
        extract_pages_per_s=extraction["pages_per_s"],
        extract_pages_per_s_cpu=extraction["pages_per_s_cpu"],
        extract_startup_s=extraction["startup_s"],
        extract_peak_rss_mb=extraction["peak_rss_mb"],
        spacy_pages_per_s=extraction["spacy_pages_per_s"],
        extract_vs_spacy=extraction["extract_vs_spacy"],
    )
    print(
        f"extraction on {extraction['docs']} ({extraction['pages']} pages): "
        f"{extraction['pages_per_s']} pages/s ({extraction['pages_per_s_cpu']} per CPU "
        f"second), start-up {extraction['startup_s']} s, peak RSS "
        f"{extraction['peak_rss_mb']} MB"
    )
    if extraction["spacy_pages_per_s"] is None:
        print('spaCy comparison skipped: no spaCy pipeline installed (pip install -e ".[bench]")')
    else:
        print(
            f"spaCy {extraction['spacy_pipeline']}: {extraction['spacy_pages_per_s']} pages/s; "
            f"extraction is {extraction['extract_vs_spacy']}x faster"
        )
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
