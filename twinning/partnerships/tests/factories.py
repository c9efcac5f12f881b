"""Builders of partnerships and what they hang on, for the tests of the HTML pages."""

from twinning.focusareas.models import FocusArea
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.services import agreement_create, partnership_create
from twinning.places.models import PlaceKind
from twinning.places.services import place_create

__all__ = [
    "make_agreement",
    "make_area",
    "make_organisation",
    "make_partnership",
    "make_place",
    "make_user",
]


def make_place(name: str, country: str = "DK", kind: str = PlaceKind.MUNICIPALITY, **fields):
    return place_create(name=name, kind=kind, country=country, **fields)


def make_area(slug: str, name_en: str = "", name_da: str = "") -> FocusArea:
    area, _created = FocusArea.objects.get_or_create(
        slug=slug,
        defaults={"name_en": name_en or slug.title(), "name_da": name_da or slug.title()},
    )
    return area


def make_partnership(party_a=None, party_b=None, **fields):
    fields.setdefault("kind", "sister_city")
    party_a = party_a or make_place("Aarhus", "DK")
    party_b = party_b or make_place("Bergen", "NO")
    return partnership_create(party_a=party_a, party_b=party_b, **fields)


def make_agreement(partnership, **fields):
    fields.setdefault("kind", "founding")
    return agreement_create(partnership=partnership, **fields)
