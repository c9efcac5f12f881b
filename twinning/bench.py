"""Measure speed and memory: ``make bench``.

A registry of the world's twin-town pairs, a million activities and 50,000 visits is
built on SQLite and on PostgreSQL (``twinning.benchmarks``): the import is timed, pages
are timed in-process and the production server is put under load with wrk. The world
layer's resolution and the partner matching's link prediction are measured on the
world's twin-town lists. Then the extraction engine is measured. Figures depend on the
machine and on what else runs on it; the report states both. The last line printed is
one JSON object with every figure.
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


WORLD_FILES = ("twin_cities.csv", "relations.tsv", "names.tsv")


def _machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def _pairs(folder: Path) -> Path:
    """Return the pair list to import: the shared dataset, or a synthetic one as large."""
    if DATASET.exists():
        return DATASET
    from twinning.benchmarks.build import PAIRS, synthetic_pairs

    print(
        f"{DATASET} not found (set TWINNING_BENCH_PAIRS to a pair list); "
        f"generating {PAIRS} synthetic pairs instead"
    )
    return synthetic_pairs(folder / "pairs.csv")


def _database(pairs: Path, database_url: str | None, folder: Path) -> dict | None:
    """Build and measure one database in a fresh process; return its figures.

    With ``database_url`` None, the process runs under scripts/with-postgres.sh, which
    starts a throw-away PostgreSQL server for it.
    """
    command = [sys.executable, "-m", "twinning.benchmarks.run", str(pairs)]
    command += os.environ.get("TWINNING_BENCH_ARGS", "").split()
    env = {**os.environ, "TWINNING_STATIC_ROOT": str(folder / "static")}
    if database_url is None:
        command = ["bash", str(ROOT / "scripts" / "with-postgres.sh"), *command]
    else:
        env["DATABASE_URL"] = database_url
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    last = ""
    for line in process.stdout:
        line = line.rstrip("\n")
        if line.startswith("{"):
            last = line
        else:
            print(line, flush=True)
    if process.wait() != 0 or not last:
        print(f"  failed with status {process.returncode}")
        return None
    return json.loads(last)


def _world(folder: Path) -> dict | None:
    """Return the resolution figures of the world layer, measured in a fresh database."""
    datasets = Path(os.environ.get("TWINNING_BENCH_WORLD", ROOT.parent / "shared" / "datasets"))
    if not all((datasets / name).exists() for name in WORLD_FILES):
        print(f"world layer skipped: {', '.join(WORLD_FILES)} not found in {datasets}")
        return None
    command = [sys.executable, "-m", "twinning.benchmarks.world", str(datasets)]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/world.sqlite3"}
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    lines = result.stdout.splitlines()
    for line in lines[:-1]:
        print(line)
    if result.returncode != 0 or not lines or not lines[-1].startswith("{"):
        print(f"  world layer failed with status {result.returncode}")
        return None
    return json.loads(lines[-1])


def _matching(folder: Path) -> dict | None:
    """Return the partner matching's link-prediction figures, measured on the world layer.

    Run on the database the world figures were measured in; without it, the pair list is
    imported into a fresh one first.
    """
    if not (folder / "world.sqlite3").exists() and not DATASET.exists():
        print(f"matching skipped: no world layer and {DATASET} not found")
        return None
    command = [sys.executable, "-m", "twinning.benchmarks.matching", str(DATASET)]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/world.sqlite3"}
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    lines = result.stdout.splitlines()
    for line in lines[:-1]:
        print(line)
    if result.returncode != 0 or not lines or not lines[-1].startswith("{"):
        print(f"  matching failed with status {result.returncode}")
        return None
    return json.loads(lines[-1])


def _relevance(folder: Path) -> dict | None:
    """Return recall@10 and nDCG@10 of search over its judgements, in a fresh database."""
    command = [sys.executable, "-m", "twinning.benchmarks.relevance"]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/relevance.sqlite3"}
    result = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    lines = result.stdout.splitlines()
    for line in lines[:-1]:
        print(line)
    if result.returncode != 0 or not lines or not lines[-1].startswith("{"):
        print(f"  search relevance failed with status {result.returncode}")
        return None
    return json.loads(lines[-1])


def _postgres_available() -> bool:
    return bool(list(Path("/usr/lib/postgresql").glob("*/bin/initdb")))


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
    results["load_average_at_start"] = [round(value, 2) for value in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pairs = _pairs(folder)
        results["pairs"] = "synthetic" if pairs != DATASET else DATASET.name
        figures = _database(pairs, f"sqlite:///{folder}/bench.sqlite3", folder)
        if figures is not None:
            results["sqlite"] = figures
        if _postgres_available():
            figures = _database(pairs, None, folder)
            if figures is not None:
                results["postgresql"] = figures
        else:
            print("PostgreSQL not installed (scripts/system-deps.sh --all): skipped")
        world = _world(folder)
        if world is not None:
            results["world"] = world
        matching = _matching(folder)
        if matching is not None:
            results["matching"] = matching
        relevance = _relevance(folder)
        if relevance is not None:
            results["search_relevance"] = relevance
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
    from twinning.extraction.bench import accuracy_lines, evaluation

    scores = evaluation()
    for name, result in scores.items():
        print("\n".join(accuracy_lines(name, result)))
    results["extract_accuracy"] = scores
    results["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
