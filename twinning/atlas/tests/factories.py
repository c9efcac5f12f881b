"""Builders of places with coordinates and partnerships between them."""

from twinning.partnerships.tests.factories import make_area, make_partnership, make_place
from twinning.places.models import PlaceKind

__all__ = ["make_area", "make_partnership", "make_place", "world"]


def world() -> dict:
    """Return a few places in Denmark, China and Germany, most with coordinates."""
    denmark = make_place("Denmark", "DK", PlaceKind.COUNTRY, latitude=56.0, longitude=10.0)
    jiangsu = make_place("Jiangsu", "CN", PlaceKind.PROVINCE, latitude=33.0, longitude=119.8)
    return {
        "denmark": denmark,
        "aarhus": make_place("Aarhus", "DK", latitude=56.15, longitude=10.21, parent=denmark),
        "odense": make_place("Odense", "DK", latitude=55.4, longitude=10.39, parent=denmark),
        "hovedstaden": make_place("Region Hovedstaden", "DK", PlaceKind.REGION),
        "jiangsu": jiangsu,
        "wuxi": make_place("Wuxi", "CN", PlaceKind.CITY, latitude=31.57, longitude=120.3),
        # No coordinates of its own: drawn at its province's.
        "suzhou": make_place("Suzhou", "CN", PlaceKind.CITY, parent=jiangsu),
        "kiel": make_place("Kiel", "DE", PlaceKind.CITY, latitude=54.32, longitude=10.14),
    }
