"""Lists of partners, apposition to a country and the page's own address.

The example texts are written for these tests; the towns in them are invented, so only
the grammar of the text can find them, never a list of place names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from twinning.extraction import Partnership, extract, load_document

EXAMPLES = Path(__file__).parent / "examples"


def _pairs(name: str) -> dict[tuple[str, str], Partnership]:
    facts = extract(load_document(EXAMPLES / name))
    return {(f.a, f.b): f for f in facts if isinstance(f, Partnership)}


def test_bulleted_list_under_a_heading_pairs_every_item_with_the_home() -> None:
    pairs = _pairs("twin_towns_list_da.txt")
    assert set(pairs) == {
        ("Hjortkær", "Vindelholm"),
        ("Hjortkær", "Ravnsfjärd"),
        ("Hjortkær", "Kallioranta"),
        ("Hjortkær", "Sandavík"),
    }
    assert {p.b_country for p in pairs.values()} == {"NO", "SE", "FI", "IS"}
    assert {p.relation for p in pairs.values()} == {"sister_city"}


def test_list_items_give_since_years() -> None:
    pairs = _pairs("sister_towns_since_sv.txt")
    since = {b: p.since for (a, b), p in pairs.items()}
    assert since == {"Tammelin": "1972", "Lindesnær": "1981", "Kõrvemaa": "1994"}
    assert {a for a, _ in pairs} == {"Bergsjövik"}


def test_address_names_the_home_and_same_country_partners_count() -> None:
    pairs = _pairs("partner_towns_de.txt")
    assert {b for _, b in pairs} == {"Kornfeld", "Varsinais", "Brévillac", "Zalesie"}
    assert {a for a, _ in pairs} == {"Regensburg"}


def test_coordinated_appositions_pair_with_the_home_in_the_list() -> None:
    pairs = _pairs("nordic_ring_da.txt")
    assert {b for _, b in pairs} == {"Hallsberga", "Fjellvik", "Järvelä"}
    assert {a for a, _ in pairs} == {"Odense"}


@pytest.mark.parametrize(
    "text",
    [
        "Oplægsholder på Kina Forum var direktøren for eksportrådet.",
        "Povl Hansen (S) og Karen Berg (V) talte for forslaget.",
        "Et Confucius Institut i Danmark blev åbnet i samarbejde med universitetet.",
    ],
)
def test_people_and_bodies_are_not_read_as_partners(text: str) -> None:
    facts = extract("Odense Kommune har venskabsbyer i hele Norden. " + text)
    assert not [f for f in facts if isinstance(f, Partnership)]
