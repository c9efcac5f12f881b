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
