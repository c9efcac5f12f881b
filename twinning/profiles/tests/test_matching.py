"""The matcher and its evaluation on small worlds built in the test, without a database."""

import random

import pytest

from twinning.benchmarks.matching import evaluate, split
from twinning.profiles.matching import Seeker, World, size_band


def world(pairs, *, places=None, seekers=None):
    """Return a world of towns on a grid: ``places`` maps id to (country, lat, lng, pop)."""
    places = places or {}
    ids = sorted({pk for pair in pairs for pk in pair} | set(places))
    rows = [places.get(pk, ("DK", 55.0 + pk * 0.5, 10.0, 50_000)) for pk in ids]
    return World(
        ids=ids,
        countries=[r[0] for r in rows],
        kinds=["municipality"] * len(ids),
        latitudes=[r[1] for r in rows],
        longitudes=[r[2] for r in rows],
        populations=[r[3] for r in rows],
        pairs=pairs,
        seekers=seekers,
    )


def test_size_bands_have_edges_where_the_lists_put_them():
    assert size_band(None) == "" and size_band(float("nan")) == ""
    assert size_band(19_999) == "small" and size_band(20_000) == "medium"
    assert size_band(999_999) == "large" and size_band(1_000_000) == "very_large"


def test_a_partner_of_partners_ranks_first_and_says_through_whom():
    # 1 and 4 share the partners 2 and 3; 5 is only popular.
    pairs = [(1, 2), (1, 3), (4, 2), (4, 3), (5, 6), (5, 7), (5, 8)]
    found = world(pairs).suggest(1, 3)
    assert found[0].place_id == 4
    network = found[0].reasons[0]
    assert network.code == "network" and sorted(network.values["places"]) == [2, 3]
    assert {s.place_id for s in found}.isdisjoint({1, 2, 3})


def test_neighbours_partners_are_suggested():
    # 1 and 2 lie 5 km apart; 2 is twinned with 3, which 1 is not.
    places = {
        1: ("DK", 55.70, 9.50, 50_000),
        2: ("DK", 55.74, 9.52, 40_000),
        3: ("DE", 54.30, 10.10, 60_000),
        4: ("DE", 50.00, 8.00, 60_000),
        5: ("SE", 59.00, 18.00, 60_000),
    }
    found = world([(2, 3), (4, 5)], places=places).suggest(1, 4)
    assert found[0].place_id == 3
    peers = next(r for r in found[0].reasons if r.code == "peers")
    assert peers.values["places"] == [2]


def test_whole_countries_are_never_suggested():
    w = World(
        ids=[1, 2, 3],
        countries=["DK", "DK", "DE"],
        kinds=["city", "country", "city"],
        latitudes=[55.0, None, 54.0],
        longitudes=[10.0, None, 10.0],
        populations=[1000, None, 2000],
        pairs=[],
    )
    assert [s.place_id for s in w.suggest(1, 5)] == [3]


def test_wishes_count_for_every_place_and_interests_between_profiles():
    seekers = {
        1: Seeker(seeking=True, sought=frozenset({7}), countries=frozenset({"SE"})),
        2: Seeker(seeking=True, offered=frozenset({7}), countries=frozenset({"DK"})),
    }
    places = {
        1: ("DK", 55.7, 9.5, 50_000),
        2: ("SE", 56.7, 16.4, 60_000),
        3: ("SE", 57.7, 12.0, 60_000),
    }
    found = world([], places=places, seekers=seekers).suggest(1, 2)
    assert found[0].place_id == 2
    codes = {r.code: r for r in found[0].reasons}
    assert {"focus", "mutual", "wanted_country", "wants_you"} <= set(codes)
    assert codes["focus"].values["focus_areas"] == [7]
    # Place 3 has no profile: it lies in a wanted country, but shares no interest.
    third = {r.code for r in found[1].reasons}
    assert "wanted_country" in third and not {"focus", "mutual", "wants_you"} & third


def test_ties_share_their_middle_rank():
    # 2, 3 and 4 are alike for 1: each ranks second on average.
    w = world([(5, 6)], places={pk: ("DK", 55.0, 10.0 + pk, 50_000) for pk in range(1, 7)})
    assert w.popularity_rank_of(1, 2) == pytest.approx(w.popularity_rank_of(1, 3))


def test_split_hides_a_tenth_once_and_keeps_the_stored_order():
    pairs = [(a, a + 1) for a in range(0, 200)] + [(5, 4)]
    kept, hidden = split(pairs, seed=3)
    again = split(pairs, seed=3)
    assert (kept, hidden) == again
    assert len(hidden) == 20 and len(kept) == 180
    assert not {frozenset(p) for p in kept} & {frozenset(p) for p in hidden}
    assert all(a < b for a, b in hidden)  # as stored: the first place stays first


def test_matcher_beats_popularity_on_a_world_of_clusters():
    # Clusters of eight towns twinned within the cluster, plus a few hubs twinned with
    # everyone: popularity finds the hubs, the network finds the cluster.
    rng = random.Random(1)
    pairs = []
    for cluster in range(30):
        members = range(cluster * 8, cluster * 8 + 8)
        pairs += [(a, b) for a in members for b in members if a < b and rng.random() < 0.6]
    hubs = range(1000, 1004)
    pairs += [(h, rng.randrange(240)) for h in hubs for _ in range(40)]
    places = {
        pk: ("DK", 54.0 + (pk % 97) * 0.05, 8.0 + (pk % 89) * 0.07, 50_000)
        for pk in [*range(240), *hubs]
    }
    kept, hidden = split(pairs, seed=2)
    figures = evaluate(world(kept, places=places), hidden, timed=5)
    assert figures["recall_at_20"] >= 2 * figures["baseline_recall_at_20"]
    assert figures["recall_at_20"] > 0.5
    assert figures["mrr"] > figures["baseline_mrr"]
    assert figures["p95_ms"] is not None
