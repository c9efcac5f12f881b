"""Evaluate the partner matching as link prediction: ``python -m twinning.benchmarks.matching``.

Run in a database that holds the world layer (``DATABASE_URL``; when it holds no
partnerships, the Wikipedia list given as the argument is imported first). A tenth of
the public partnerships, drawn at random with a fixed seed, is hidden; the matcher is
built from the rest, and for each hidden pair the candidates of its first place are
ranked. Figures, for the matcher and for a baseline that ranks places by their number
of partnerships, on the same split:

- ``recall_at_20``: share of hidden pairs whose second place is among the first 20;
- ``mrr``: mean reciprocal rank of the second place (ties share their middle rank);
- ``p95_ms``: 95th percentile of the time to rank the whole world for one place and
  give the first 20 with their reasons, in this process, with the index built;
- ``index_s``: time to read the records and build the index.

The last line printed is a JSON object with the figures.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

HIDDEN_SHARE = 0.1
SEED = 15
TOP = 20


def split(pairs: list[tuple[int, int]], seed: int = SEED, share: float = HIDDEN_SHARE):
    """Return (kept, hidden): one pair per two places, a share of them hidden at random."""
    unique = sorted({(a, b) if a < b else (b, a) for a, b in pairs if a != b})
    # Keep each pair's first place as stored, which the evaluation ranks for.
    first = {}
    for a, b in pairs:
        first.setdefault((a, b) if a < b else (b, a), (a, b))
    rng = random.Random(seed)
    hidden = set(rng.sample(range(len(unique)), round(len(unique) * share)))
    kept = [first[p] for i, p in enumerate(unique) if i not in hidden]
    return kept, [first[unique[i]] for i in sorted(hidden)]


def evaluate(world, hidden, top: int = TOP, timed: int = 300) -> dict:
    """Return recall@top and MRR of the matcher and of the baseline on the hidden pairs."""
    hits = base_hits = 0
    reciprocal = base_reciprocal = 0.0
    for a, b in hidden:
        rank = world.rank_of(a, b)
        base = world.popularity_rank_of(a, b)
        hits += rank <= top
        base_hits += base <= top
        reciprocal += 1.0 / rank
        base_reciprocal += 1.0 / base
    times = []
    for a, _b in hidden[:timed]:
        started = time.perf_counter()
        world.suggest(a, top)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    count = max(len(hidden), 1)
    return {
        "recall_at_20": round(hits / count, 4),
        "baseline_recall_at_20": round(base_hits / count, 4),
        "mrr": round(reciprocal / count, 4),
        "baseline_mrr": round(base_reciprocal / count, 4),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1) if times else None,
        "hidden_pairs": len(hidden),
    }


def measure(pairs_file: Path | None = None, log=print) -> dict:
    """Build the matcher from nine tenths of the world layer and rank the last tenth."""
    from django.core.management import call_command

    from twinning.partnerships.models import Partnership
    from twinning.profiles.matching import World
    from twinning.profiles.selectors import world_rows

    call_command("migrate", verbosity=0)
    if not Partnership.objects.exists():
        if pairs_file is None:
            raise SystemExit("The database holds no partnerships and no list was given.")
        from twinning.partnerships.world import world_import

        log(world_import(path=pairs_file).summary())
    started = time.perf_counter()
    rows = world_rows()
    kept, hidden = split(rows.pop("pairs"))
    world = World(**rows, pairs=kept)
    index_s = time.perf_counter() - started
    log(
        f"matching: {len(rows['ids'])} places, {len(kept)} pairs kept, {len(hidden)} hidden "
        f"(seed {SEED}); index built in {index_s:.1f} s"
    )
    figures = evaluate(world, hidden)
    figures["index_s"] = round(index_s, 2)
    log(
        f"matching: recall@{TOP} {figures['recall_at_20']} (popularity "
        f"{figures['baseline_recall_at_20']}), MRR {figures['mrr']} (popularity "
        f"{figures['baseline_mrr']}), p95 {figures['p95_ms']} ms per place"
    )
    return figures


def main(argv: list[str]) -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
    django.setup()
    figures = measure(Path(argv[0]) if argv else None)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
