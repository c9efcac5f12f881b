"""End-to-end: the map draws in a real browser and leads to a partnership."""

import re

import pytest
from playwright.sync_api import expect

from twinning.atlas.tests.factories import make_partnership, world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_visitor_sees_shapes_and_lines_and_clicks_through_to_a_partnership(page):
    places = world()
    partnership = make_partnership(places["aarhus"], places["wuxi"], since="2007")
    make_partnership(places["hovedstaden"], places["kiel"])

    page.goto("/atlas/")

    countries = page.locator("#atlas-map .leaflet-countries-pane path")
    expect(countries.first).to_be_attached()
    assert countries.count() > 100
    line = page.locator("#atlas-map .leaflet-overlay-pane path.atlas-line")
    expect(line).to_have_count(1)
    expect(page.locator("#atlas-unmapped")).to_contain_text(
        "1 partnership not on the map: no coordinates"
    )

    line.click()

    expect(page).to_have_url(re.compile(rf"/partnerships/{partnership.pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aarhus")


def test_changing_a_filter_redraws_the_map_without_reloading(page):
    places = world()
    make_partnership(places["aarhus"], places["wuxi"], since="2007")
    make_partnership(places["odense"], places["kiel"], since="1990")
    page.goto("/atlas/")
    lines = page.locator("#atlas-map .leaflet-overlay-pane path.atlas-line")
    expect(lines).to_have_count(2)

    page.locator("#id_decade").select_option("1990")

    expect(lines).to_have_count(1)
    assert "decade=1990" in page.url


def _many_pairs(count: int) -> None:
    """Create count partnerships between distinct places spread over two countries."""
    from twinning.partnerships.models import Partnership
    from twinning.places.models import Place

    places = Place.objects.bulk_create(
        Place(
            name=f"Town {i}",
            search_key=f"town {i}",
            kind="city",
            country="DK" if i % 2 else "DE",
            latitude=50 + (i % 40) * 0.2,
            longitude=5 + (i // 40) * 0.2,
        )
        for i in range(2 * count)
    )
    Partnership.objects.bulk_create(
        Partnership(
            party_a=places[2 * i], party_b=places[2 * i + 1], kind="sister_city", is_public=True
        )
        for i in range(count)
    )


def test_a_world_of_places_is_clustered_and_lines_wait_for_a_choice(page):
    _many_pairs(2100)
    page.goto("/atlas/")
    atlas = page.locator("#atlas-map")
    expect(atlas).to_have_attribute("data-clustered", "true")
    expect(page.locator("#atlas-count")).to_contain_text("2100 partnerships match")
    assert page.locator("#atlas-map path.atlas-line").count() == 0
    expect(page.locator("#atlas-map .marker-cluster").first).to_be_visible()

    # A chosen country's lines are drawn, each a named link, and listed.
    page.locator("#id_country").select_option("DK")
    expect(atlas).to_have_attribute("data-lines-drawn", "2100")
    line = page.locator("#atlas-map path.atlas-line").first
    expect(line).to_have_attribute("role", "link")
    assert "Town" in line.get_attribute("aria-label")
    rows = page.locator("#atlas-table tbody tr")
    expect(rows).to_have_count(200)
    expect(page.locator("#atlas-table-more")).to_contain_text("1900 more")


def test_places_on_the_map_are_named_buttons_for_the_keyboard(page):
    places = world()
    make_partnership(places["aarhus"], places["wuxi"], since="2007")
    page.goto("/atlas/")
    marker = page.locator("#atlas-map .atlas-point").first
    expect(marker).to_have_attribute("tabindex", "0")
    assert "partnerships" in marker.get_attribute("title")
    expect(page.locator(".atlas-legend li")).to_have_count(5)
    expect(page.locator("#atlas-table tbody tr")).to_have_count(1)
