"""Measure how well search finds what it must: ``python -m twinning.benchmarks.relevance``.

Run in a fresh database (``DATABASE_URL``): the demo registry is loaded and every query
of ``twinning/search/judgements.toml`` is searched as an anonymous reader. The figures
are recall@10 (the share of the records a query must find that are among the first ten
hits of their kind) and nDCG@10 (how near the top they are). The last line printed is a
JSON object with the figures and the records missed.
"""

from __future__ import annotations

import json
import os
import sys
import time


def measure(log=print) -> dict:
    """Load the demo into the configured database and return the relevance figures."""
    from django.core.management import call_command

    from twinning.demo.services import demo_load
    from twinning.search.relevance import relevance

    call_command("migrate", verbosity=0)
    demo_load()
    started = time.perf_counter()
    measured = relevance()
    elapsed = time.perf_counter() - started
    log(
        f"search relevance over {measured.queries} judged queries (da, en, zh): "
        f"recall@10 {measured.recall}, nDCG@10 {measured.ndcg}"
    )
    for query, records in measured.missed.items():
        log(f"  missed for {query!r}: {', '.join(records)}")
    return {
        "queries": measured.queries,
        "recall_at_10": measured.recall,
        "ndcg_at_10": measured.ndcg,
        "missed": measured.missed,
        "seconds": round(elapsed, 2),
    }


def main() -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
    django.setup()
    print(json.dumps(measure()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
