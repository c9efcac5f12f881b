"""Rank candidate partners for a place, each with the weighted reasons for it.

Plain Python and numpy, no Django: ``selectors`` builds a :class:`World` from the
registry, the benchmark builds one from a part of the world's partnerships and asks it
for the rest.

A candidate's score is a sum of terms, each of which becomes a reason:

- the network: partners of the place's partners (Adamic-Adar: a common partner counts
  for more the fewer partners it has), places twinned with the place's neighbours, and
  places near the place's own partners;
- likelihood ratios learned from the partnerships themselves, against pairs of places
  drawn at random: the two countries, the distance (close neighbours rarely twin), the
  ratio of populations, the climate zone read from the latitude, the kind of place;
- how active the candidate is in twinning at all;
- when profiles are published: shared focus areas, both seeking now, and the
  countries and size a profile asks for.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

# Places this close count as neighbours of each other ("peers"), in kilometres.
PEER_KM = 30.0
# Random pairs of places drawn to learn what partnerships look like against chance.
BACKGROUND_PAIRS = 200_000
SEED = 20261207

# Weights of the terms, chosen by coordinate search on a random split of the world's
# pairs other than the one the benchmark reports (the profile terms are set by hand).
WEIGHTS = {
    "countries": 0.5,
    "distance": 0.5,
    "population": 0.5,
    "climate": 0.5,
    "kind": 1.0,
    "network": 4.0,
    "peers": 0.375,
    "near_partners": 0.5,
    "popularity": 0.6,
    "focus": 0.6,
    "mutual": 1.0,
    "wanted_country": 1.0,
    "wants_you": 0.6,
    "wanted_size": 0.5,
}
# A reason is shown when its term moves the score at least this much either way.
SHOWN = 0.25

_DISTANCE_BINS = np.array([15.0, 50.0, 150.0, 400.0, 1000.0, 2500.0, 6000.0])
_RATIO_BINS = np.array([0.15, 0.35, 0.6, 1.0, 1.5, 2.0])
# Climate zones by absolute latitude: tropical, subtropical, temperate, cold, polar.
_ZONE_BINS = np.array([23.44, 35.0, 50.0, 66.56])
ZONES = ("tropical", "subtropical", "temperate", "cold", "polar")
# Kinds of place that act at the same level are one kind here.
LEVELS = {
    "city": "local",
    "municipality": "local",
    "district": "local",
    "group": "local",
    "region": "regional",
    "province": "regional",
    "country": "national",
}


@dataclass(frozen=True, slots=True)
class Seeker:
    """What a published profile says about the partner it wants."""

    seeking: bool = False
    sought: frozenset[int] = frozenset()
    offered: frozenset[int] = frozenset()
    countries: frozenset[str] = frozenset()
    size_band: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    """One term of a suggestion's score: what it is, its weight and what it refers to."""

    code: str
    weight: float
    values: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate partner with its score and its reasons, strongest first."""

    place_id: int
    score: float
    reasons: tuple[Reason, ...]


# Bands of population, as partner-seeking lists group places: the lowest population of
# each and of the next (None: no upper bound).
SIZE_BANDS = {
    "small": (0, 20_000),
    "medium": (20_000, 100_000),
    "large": (100_000, 1_000_000),
    "very_large": (1_000_000, None),
}


def size_band(population: float | None) -> str:
    """Return the band a population falls in ("" when it is unknown)."""
    if population is None or population != population:  # None or NaN: unknown
        return ""
    return next(
        band
        for band, (low, high) in SIZE_BANDS.items()
        if population >= low and (high is None or population < high)
    )


def _distances(lat1, lng1, lat2, lng2) -> np.ndarray:
    """Return great-circle distances in km between points, elementwise (NaN where unknown).

    Either side may be one point or an array of them.
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.subtract(lng2, lng1))
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def _ratio_table(edge_bins: np.ndarray, random_bins: np.ndarray, size: int) -> np.ndarray:
    """Return log(share among partnerships / share among random pairs) per bin, smoothed."""
    edges = np.bincount(edge_bins[edge_bins >= 0], minlength=size) + 1.0
    background = np.bincount(random_bins[random_bins >= 0], minlength=size) + 1.0
    return np.log((edges / edges.sum()) / (background / background.sum()))


class World:
    """The places and partnerships a ranking draws on, indexed for fast answers."""

    def __init__(
        self,
        *,
        ids: Sequence[int],
        countries: Sequence[str],
        kinds: Sequence[str],
        latitudes: Sequence[float | None],
        longitudes: Sequence[float | None],
        populations: Sequence[float | None],
        pairs: Iterable[tuple[int, int]],
        seekers: dict[int, Seeker] | None = None,
    ):
        self.ids = np.asarray(ids, dtype=np.int64)
        self.index = {int(pk): i for i, pk in enumerate(self.ids)}
        n = len(self.ids)
        self.lat = np.array([np.nan if v is None else v for v in latitudes], dtype=float)
        self.lng = np.array([np.nan if v is None else v for v in longitudes], dtype=float)
        self.pop = np.array([v if v else np.nan for v in populations], dtype=float)
        self.country_codes = sorted({c for c in countries if c})
        code_index = {c: i for i, c in enumerate(self.country_codes)}
        self.country = np.array([code_index.get(c, -1) for c in countries], dtype=np.int64)
        levels = sorted(set(LEVELS.values()))
        self.levels = levels
        self.level = np.array([levels.index(LEVELS.get(k, "local")) for k in kinds])
        self.candidate = self.level != levels.index("national")
        self.neighbours: list[set[int]] = [set() for _ in range(n)]
        for a, b in pairs:
            i, j = self.index.get(a), self.index.get(b)
            if i is None or j is None or i == j:
                continue
            self.neighbours[i].add(j)
            self.neighbours[j].add(i)
        self.degree = np.array([len(s) for s in self.neighbours], dtype=float)
        self.seekers = {self.index[pk]: s for pk, s in (seekers or {}).items() if pk in self.index}
        located = np.flatnonzero(~np.isnan(self.lat))
        self._by_lat = located[np.argsort(self.lat[located], kind="stable")]
        self._sorted_lat = self.lat[self._by_lat]
        self._near: dict[int, np.ndarray] = {}
        self.zone = np.where(
            np.isnan(self.lat), -1, np.digitize(np.abs(np.nan_to_num(self.lat)), _ZONE_BINS)
        )
        self._learn()

    # Learning what partnerships look like -------------------------------------------

    def _pair_features(self, i: np.ndarray, j: np.ndarray) -> dict[str, np.ndarray]:
        """Return the binned features of pairs of places (-1 where a value is unknown)."""
        d = np.full(len(i), np.nan)
        known = ~(np.isnan(self.lat[i]) | np.isnan(self.lat[j]))
        if known.any():
            ki, kj = i[known], j[known]
            d[known] = _distances(self.lat[ki], self.lng[ki], self.lat[kj], self.lng[kj])
        return self._bins(d, self.pop[i], self.pop[j], self.zone[i], self.zone[j], i, j)

    def _bins(self, d, pop_i, pop_j, zone_i, zone_j, i, j) -> dict[str, np.ndarray]:
        distance = np.where(np.isnan(d), -1, np.digitize(np.nan_to_num(d), _DISTANCE_BINS))
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.abs(np.log10(pop_i / pop_j))
        population = np.where(np.isnan(ratio), -1, np.digitize(np.nan_to_num(ratio), _RATIO_BINS))
        climate = np.where((zone_i < 0) | (zone_j < 0), -1, (zone_i == zone_j).astype(int))
        level = (self.level[i] == self.level[j]).astype(int)
        return {"distance": distance, "population": population, "climate": climate, "kind": level}

    def _learn(self) -> None:
        """Learn the likelihood-ratio tables and the country affinities from the pairs."""
        first = [i for i, s in enumerate(self.neighbours) for j in s if i < j]
        second = [j for i, s in enumerate(self.neighbours) for j in s if i < j]
        edge_i, edge_j = np.array(first, dtype=np.int64), np.array(second, dtype=np.int64)
        self.pair_count = len(edge_i)
        rng = np.random.default_rng(SEED)
        n = len(self.ids)
        rand_i = rng.integers(0, max(n, 1), BACKGROUND_PAIRS) if n else np.zeros(0, np.int64)
        rand_j = rng.integers(0, max(n, 1), BACKGROUND_PAIRS) if n else np.zeros(0, np.int64)
        if len(edge_i):
            edges = self._pair_features(edge_i, edge_j)
        else:
            edges = {
                k: np.zeros(0, np.int64) for k in ("distance", "population", "climate", "kind")
            }
        background = self._pair_features(rand_i, rand_j)
        sizes = {
            "distance": len(_DISTANCE_BINS) + 1,
            "population": len(_RATIO_BINS) + 1,
            "climate": 2,
            "kind": 2,
        }
        self.tables = {
            name: _ratio_table(edges[name], background[name], size)
            if len(edge_i)
            else np.zeros(size)
            for name, size in sizes.items()
        }
        # Country affinity: how much likelier a partner in country j is, for a place in
        # country i, than a partner drawn in proportion to all partnerships.
        k = len(self.country_codes)
        counts = np.zeros((k, k))
        ci, cj = self.country[edge_i], self.country[edge_j]
        known = (ci >= 0) & (cj >= 0)
        np.add.at(counts, (ci[known], cj[known]), 1)
        np.add.at(counts, (cj[known], ci[known]), 1)
        self.country_pairs = counts
        rows = counts.sum(axis=1)
        share = (rows + 1.0) / (rows.sum() + k)
        prior = 5.0
        expected = (counts + prior * share[None, :]) / (rows[:, None] + prior)
        self.affinity = np.log(expected / share[None, :]) if k else np.zeros((0, 0))

    # Ranking --------------------------------------------------------------------------

    def near(self, i: int) -> np.ndarray:
        """Return the places within ``PEER_KM`` of place ``i`` (itself included)."""
        found = self._near.get(i)
        if found is None:
            if np.isnan(self.lat[i]):
                found = np.zeros(0, dtype=np.int64)
            else:
                # One degree of latitude is at least 110 km anywhere.
                span = PEER_KM / 110.0
                low, high = np.searchsorted(
                    self._sorted_lat, [self.lat[i] - span, self.lat[i] + span]
                )
                band = self._by_lat[low:high]
                d = _distances(self.lat[i], self.lng[i], self.lat[band], self.lng[band])
                found = band[d <= PEER_KM]
            self._near[i] = found
        return found

    def scores(self, place_id: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Return every place's score as a partner of ``place_id`` and its terms.

        The place itself, its partners and whole countries score minus infinity.
        """
        a = self.index[place_id]
        n = len(self.ids)
        terms: dict[str, np.ndarray] = {}
        known_point = not np.isnan(self.lat[a])
        if known_point:
            d = _distances(self.lat[a], self.lng[a], self.lat, self.lng)
        else:
            d = np.full(n, np.nan)
        every = np.arange(n)
        bins = self._bins(
            d,
            np.full(n, self.pop[a]),
            self.pop,
            np.full(n, self.zone[a]),
            self.zone,
            np.full(n, a),
            every,
        )
        for name, binned in bins.items():
            table = self.tables[name]
            ratio = np.where(binned >= 0, table[np.maximum(binned, 0)], 0.0)
            terms[name] = WEIGHTS[name] * ratio
        if self.country[a] >= 0:
            row = self.affinity[self.country[a]]
            ratio = np.where(self.country >= 0, row[np.maximum(self.country, 0)], 0.0)
            terms["countries"] = WEIGHTS["countries"] * ratio
        terms["popularity"] = WEIGHTS["popularity"] * np.log1p(self.degree)

        mine = self.neighbours[a]
        network = np.zeros(n)
        for b in mine:
            weight = 1.0 / math.log(1.0 + self.degree[b]) if self.degree[b] > 1 else 0.0
            for m in self.neighbours[b]:
                network[m] += weight
        terms["network"] = WEIGHTS["network"] * np.log1p(network)

        peers_of = np.zeros(n)
        near_partners = np.zeros(n)
        for p in self.near(a):
            if p != a:
                for m in self.neighbours[p]:
                    peers_of[m] += 1
        for b in mine:
            near_partners[self.near(b)] += 1
        terms["peers"] = WEIGHTS["peers"] * np.log1p(peers_of)
        terms["near_partners"] = WEIGHTS["near_partners"] * np.log1p(near_partners)

        if self.seekers:
            for name, values in self._seeker_terms(a).items():
                terms[name] = values
        total = sum(terms.values())
        excluded = np.zeros(n, dtype=bool)
        excluded[list(mine)] = True
        excluded[a] = True
        excluded |= ~self.candidate
        total = np.where(excluded, -np.inf, total)
        return total, terms

    def _seeker_terms(self, a: int) -> dict[str, np.ndarray]:
        """Return the terms of published profiles: the place's own wishes count for every
        candidate; interests and wishes of other profiles for those profiles' places."""
        n = len(self.ids)
        out = {}
        mine = self.seekers.get(a)
        if mine is not None and mine.countries:
            wanted = [
                self.country_codes.index(c) for c in mine.countries if c in self.country_codes
            ]
            out["wanted_country"] = WEIGHTS["wanted_country"] * np.isin(self.country, wanted)
        if mine is not None and mine.size_band:
            low, high = SIZE_BANDS[mine.size_band]
            inside = (self.pop >= low) & (self.pop < (high if high is not None else np.inf))
            out["wanted_size"] = WEIGHTS["wanted_size"] * inside
        focus, mutual, wants_you = np.zeros(n), np.zeros(n), np.zeros(n)
        my_country = self.country_codes[self.country[a]] if self.country[a] >= 0 else ""
        for m, theirs in self.seekers.items():
            if m == a:
                continue
            if mine is not None:
                shared = (mine.sought & theirs.offered) | (mine.offered & theirs.sought)
                shared |= mine.sought & theirs.sought
                focus[m] = WEIGHTS["focus"] * len(shared)
                mutual[m] = WEIGHTS["mutual"] * (mine.seeking and theirs.seeking)
            wants_you[m] = WEIGHTS["wants_you"] * (my_country in theirs.countries)
        out.update(focus=focus, mutual=mutual, wants_you=wants_you)
        return out

    def suggest(self, place_id: int, limit: int = 20) -> list[Suggestion]:
        """Return the best ``limit`` candidates for ``place_id``, each with its reasons."""
        total, terms = self.scores(place_id)
        finite = np.flatnonzero(np.isfinite(total))
        if not len(finite):
            return []
        if len(finite) > limit:
            finite = finite[np.argpartition(-total[finite], limit)[:limit]]
        top = finite[np.argsort(-total[finite], kind="stable")]
        a = self.index[place_id]
        return [
            Suggestion(int(self.ids[m]), float(total[m]), self._reasons(a, m, terms)) for m in top
        ]

    def _reasons(self, a: int, m: int, terms: dict[str, np.ndarray]) -> tuple[Reason, ...]:
        reasons = []
        for code, values in terms.items():
            weight = float(values[m])
            if abs(weight) < SHOWN:
                continue
            reasons.append(Reason(code, round(weight, 2), self._details(code, a, m)))
        reasons.sort(key=lambda r: -r.weight)
        return tuple(reasons)

    def _details(self, code: str, a: int, m: int) -> dict:
        """Return what a reason refers to: ids of places, countries, figures."""
        ids = self.ids
        if code == "network":
            common = sorted(self.neighbours[a] & self.neighbours[m], key=lambda b: self.degree[b])
            return {"places": [int(ids[b]) for b in common], "count": len(common)}
        if code == "peers":
            near = set(self.near(a).tolist())
            peers = [p for p in self.neighbours[m] if p in near and p != a]
            return {"places": [int(ids[p]) for p in peers], "count": len(peers)}
        if code == "near_partners":
            near = set(self.near(m).tolist())
            partners = [b for b in self.neighbours[a] if b in near]
            return {"places": [int(ids[b]) for b in partners], "count": len(partners)}
        if code == "countries":
            i, j = self.country[a], self.country[m]
            return {
                "mine": self.country_codes[i],
                "theirs": self.country_codes[j],
                "count": int(self.country_pairs[i, j] / (2 if i == j else 1)),
            }
        if code == "distance":
            km = _distances(self.lat[a], self.lng[a], self.lat[m : m + 1], self.lng[m : m + 1])
            return {"km": round(float(km[0]))}
        if code == "population":
            return {"mine": int(self.pop[a]), "theirs": int(self.pop[m])}
        if code == "climate":
            return {"zone": ZONES[self.zone[m]]}
        if code == "kind":
            return {"level": self.levels[self.level[m]]}
        if code == "popularity":
            return {"count": int(self.degree[m])}
        if code == "focus":
            mine, theirs = self.seekers[a], self.seekers[m]
            shared = (mine.sought & theirs.offered) | (mine.offered & theirs.sought)
            return {"focus_areas": sorted(shared | (mine.sought & theirs.sought))}
        if code == "wanted_country":
            return {"country": self.country_codes[self.country[m]]}
        if code == "wants_you":
            return {"country": self.country_codes[self.country[a]]}
        if code == "wanted_size":
            return {"band": self.seekers[a].size_band}
        return {}

    def rank_of(self, place_id: int, target_id: int) -> float:
        """Return the rank of ``target_id`` among ``place_id``'s candidates (ties shared)."""
        total, _terms = self.scores(place_id)
        return _rank(total, self.index[target_id])

    def popularity_rank_of(self, place_id: int, target_id: int) -> float:
        """Return the rank the popularity baseline gives ``target_id`` (ties shared)."""
        a = self.index[place_id]
        total = self.degree.copy()
        excluded = np.zeros(len(total), dtype=bool)
        excluded[list(self.neighbours[a])] = True
        excluded[a] = True
        excluded |= ~self.candidate
        return _rank(np.where(excluded, -np.inf, total), self.index[target_id])


def _rank(total: np.ndarray, target: int) -> float:
    """Return the 1-based rank of ``target`` in ``total``, ties counted at their middle."""
    score = total[target]
    if not np.isfinite(score):
        return math.inf
    higher = int(np.count_nonzero(total > score))
    tied = int(np.count_nonzero(total == score)) - 1
    return 1 + higher + tied / 2
