"""An offline gazetteer of the world's populated places and administrative areas.

Plain Python (no Django), built from GeoNames data that installed packages carry (see
``build``), read from one SQLite file. Use::

    from twinning.gazetteer import gazetteer

    found = gazetteer().lookup("Portland, Oregon", country="United States")
    found.best.entry.geonames_id    # 5746545
    gazetteer().lookup("Springfield", country="US").ambiguous    # True

The file is built on first use (about half a minute) or ahead of time with
``python -m twinning.gazetteer build``.
"""

from __future__ import annotations

import functools
import os

from twinning.gazetteer.build import build, default_path
from twinning.gazetteer.lookup import (
    SAME_PLACE_KM,
    Entry,
    Gazetteer,
    GazetteerMissing,
    Match,
    Resolution,
    distance_km,
)
from twinning.gazetteer.text import fold, split_qualified

__all__ = [
    "SAME_PLACE_KM",
    "Entry",
    "Gazetteer",
    "GazetteerMissing",
    "Match",
    "Resolution",
    "build",
    "default_path",
    "distance_km",
    "fold",
    "gazetteer",
    "split_qualified",
]


@functools.cache
def gazetteer() -> Gazetteer:
    """Return the process-wide gazetteer, building its file first if it is missing.

    Set ``TWINNING_GAZETTEER`` to the path of a built file to use that one instead.
    """
    path = os.environ.get("TWINNING_GAZETTEER") or default_path()
    if not os.path.exists(path):
        build(path)
    return Gazetteer(path)
