"""How well the search box finds what the judgement file says it must.

``judgements.toml`` lists queries in Danish, English and Chinese with the records (kind
and title) that must be among the first ten hits. ``relevance()`` runs them against the
registry as an anonymous reader and returns recall@10 and nDCG@10; ``make bench`` prints
them and a test holds recall@10 at 0.95 or more.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from twinning.search.selectors import search

JUDGEMENTS = Path(__file__).with_name("judgements.toml")
DEPTH = 10


@dataclass(frozen=True)
class Judgement:
    """One query and the records that must be found for it."""

    q: str
    language: str
    relevant: tuple[str, ...]


@dataclass
class Relevance:
    """Recall@10 and nDCG@10 over the judgements, with what was missed."""

    queries: int = 0
    recall: float = 0.0
    ndcg: float = 0.0
    missed: dict[str, list[str]] = field(default_factory=dict)


def judgements(path: Path = JUDGEMENTS) -> list[Judgement]:
    """Return the judgements of the file."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return [
        Judgement(q=item["q"], language=item["language"], relevant=tuple(item["relevant"]))
        for item in data["query"]
    ]


def _ranked(q: str, language: str) -> list[str]:
    """Return the hits as "kind: title", each kind's best ten, kinds in their order."""
    # Chinese readers see the site in English; the query is what is Chinese.
    with translation.override("da" if language == "da" else "en"):
        result = search(q=q, user=AnonymousUser(), limit=DEPTH)
    return [f"{group.kind}: {hit.title}" for group in result.groups for hit in group.items]


def _ndcg(ranked: list[str], relevant: set[str]) -> float:
    # Rank within each kind's list: the page shows the kinds side by side.
    # Records of one kind may share a title (two exchanges of one pair): a title counts
    # once, where it first appears.
    by_kind: dict[str, list[str]] = {}
    for hit in ranked:
        by_kind.setdefault(hit.split(":", 1)[0], []).append(hit)
    by_kind = {
        kind: [hit if hit not in hits[:at] else "" for at, hit in enumerate(hits)]
        for kind, hits in by_kind.items()
    }
    gain = sum(
        1 / math.log2(position + 2)
        for hits in by_kind.values()
        for position, hit in enumerate(hits[:DEPTH])
        if hit in relevant
    )
    wanted: dict[str, int] = {}
    for name in relevant:
        kind = name.split(":", 1)[0]
        wanted[kind] = wanted.get(kind, 0) + 1
    ideal = sum(
        1 / math.log2(position + 2)
        for count in wanted.values()
        for position in range(min(count, DEPTH))
    )
    return gain / ideal if ideal else 0.0


def relevance(items: list[Judgement] | None = None) -> Relevance:
    """Run every judgement's query and measure what it found."""
    items = judgements() if items is None else items
    result = Relevance(queries=len(items))
    found = wanted = 0
    ndcgs = []
    for item in items:
        ranked = _ranked(item.q, item.language)
        relevant = set(item.relevant)
        hits = relevant & set(ranked)
        found += len(hits)
        wanted += len(relevant)
        ndcgs.append(_ndcg(ranked, relevant))
        if hits != relevant:
            result.missed[item.q] = sorted(relevant - hits)
    result.recall = round(found / wanted, 3) if wanted else 0.0
    result.ndcg = round(sum(ndcgs) / len(ndcgs), 3) if ndcgs else 0.0
    return result
