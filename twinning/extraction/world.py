"""The world gazetteer (``twinning.gazetteer``) asked about names the text reveals.

The engine's own gazetteer finds place names in running text; it holds the places a
document is likely to be about. Towns outside it (villages, Faroese and Greenlandic
settlements, Chinese counties) are found from the grammar of the text (see ``names``);
the world gazetteer, GeoNames' populated places with their other names, then says
whether such a name is a known place, in which country, and under which GeoNames id,
so that a review can match it to the registry.

Without the world gazetteer (its data packages missing) every answer is "unknown" and
the grammar alone decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class WorldPlace:
    """What the world gazetteer knows of a name."""

    geonames_id: int | None  # None when several places fit equally well
    country: str  # ISO 3166-1 alpha-2, "" when ambiguous
    population: int

    @property
    def id(self) -> str | None:
        """Return the id the engine gives GeoNames places ("gn-2618425")."""
        return f"gn-{self.geonames_id}" if self.geonames_id else None


@lru_cache(maxsize=1)
def _world():  # noqa: ANN202 - the world gazetteer, or None
    try:
        from twinning.gazetteer import gazetteer

        return gazetteer()
    except Exception:  # no data packages, no cache folder: fall back to grammar alone
        return None


@lru_cache(maxsize=16384)
def world_place(name: str, country: str | None = None) -> WorldPlace | None:
    """Return what the world gazetteer knows of a place name, or None if nothing.

    ``country`` (ISO code) narrows the answer. Only populated places and
    administrative areas count.
    """
    world = _world()
    if world is None or len(name) < 3:
        return None
    try:
        found = world.lookup(name, country=country or None, limit=3)
    except Exception:  # a damaged index file: answer as if it were absent
        return None
    if not found.candidates:
        return None
    best = found.best
    top = found.candidates[0].entry
    if best is None:
        return WorldPlace(None, "", top.population or 0)
    return WorldPlace(best.entry.geonames_id, best.entry.country, best.entry.population or 0)
