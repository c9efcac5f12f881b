import pytest
from django.core.exceptions import ValidationError

from twinning.focusareas.selectors import focus_area_by_slug, focus_area_list
from twinning.focusareas.services import focus_area_create

pytestmark = pytest.mark.django_db


def test_focus_area_create_nests_under_a_broader_area():
    cleantech = focus_area_create(slug="cleantech", name_en="Cleantech", name_da="Cleantech")
    water = focus_area_create(slug="water", name_en="Water", name_da="Vand", parent=cleantech)
    assert focus_area_by_slug(slug="water") == water
    assert [a.parent for a in focus_area_list() if a.slug == "water"] == [cleantech]


def test_focus_area_create_rejects_a_duplicate_code():
    focus_area_create(slug="water", name_en="Water", name_da="Vand")
    with pytest.raises(ValidationError):
        focus_area_create(slug="water", name_en="Water again", name_da="Vand igen")


def test_focus_area_create_rejects_an_invalid_code():
    with pytest.raises(ValidationError):
        focus_area_create(slug="elder care", name_en="Elder care", name_da="Ældrepleje")
