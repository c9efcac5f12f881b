"""Measure extraction speed and memory on a set of documents."""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

from twinning.extraction.documents import load_paths
from twinning.extraction.gazetteer import gazetteer
from twinning.extraction.pipeline import extract

PAGE_CHARS = 3000


def measure(paths: Iterable[Path | str], repeat: int = 3) -> dict[str, float]:
    """Return pages per second, facts and peak memory for extracting ``paths``.

    Loading the documents and building the gazetteer happen before the clock starts,
    so the figure measures extraction itself on one core.
    """
    documents = list(load_paths(paths))
    gazetteer()
    for document in documents:
        extract(document)  # warm caches and compiled patterns
    chars = sum(len(d.text) for d in documents)
    tracemalloc.start()
    started = time.perf_counter()
    facts = 0
    for _ in range(repeat):
        for document in documents:
            facts += len(extract(document))
    elapsed = time.perf_counter() - started
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # Timing again without tracemalloc: tracing slows allocation-heavy code noticeably.
    started = time.perf_counter()
    for _ in range(repeat):
        for document in documents:
            extract(document)
    elapsed = time.perf_counter() - started
    pages = chars * repeat / PAGE_CHARS
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "documents": len(documents),
        "characters": chars,
        "pages": round(pages / repeat, 2),
        "seconds": round(elapsed, 4),
        "pages_per_s": round(pages / elapsed, 1) if elapsed else float("inf"),
        "facts": facts // repeat,
        "peak_traced_mb": round(traced_peak / 1e6, 2),
        "peak_rss_mb": round(rss_kb / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the measurement for the paths given on the command line."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m twinning.extraction.bench FILE_OR_DIR...", file=sys.stderr)
        return 2
    for key, value in measure(args).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
