"""Builders of strategies and budgets for the tests."""

from twinning.partnerships.tests.factories import make_area, make_place
from twinning.places.models import PlaceKind
from twinning.strategies.services import strategy_create


def make_strategy(party, slugs, **fields):
    fields.setdefault("title", f"Strategy of {party.name}")
    return strategy_create(party=party, focus_areas=[make_area(s) for s in slugs], **fields)


def make_world():
    """Return (denmark, china, party, partner): a Danish municipality and a Chinese city."""
    denmark = make_place("Denmark", "DK", kind=PlaceKind.COUNTRY)
    china = make_place("China", "CN", kind=PlaceKind.COUNTRY)
    party = make_place("Ballerup", "DK", parent=denmark)
    partner = make_place("Wuxi", "CN", kind=PlaceKind.CITY, parent=china)
    return denmark, china, party, partner
