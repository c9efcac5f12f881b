"""End-to-end: a person in a real browser against a real HTTP server."""

import re

import pytest
from playwright.sync_api import expect

from twinning.accounts.models import Role
from twinning.accounts.services import membership_set, user_create
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.partnerships.models import Partnership
from twinning.places.models import PlaceKind
from twinning.places.services import place_create

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def places():
    denmark = place_create(name="Denmark", kind=PlaceKind.COUNTRY, country="DK")
    return {
        "odense": place_create(
            name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK", parent=denmark
        ),
        "suzhou": place_create(name="Suzhou", kind=PlaceKind.CITY, country="CN"),
        "kiel": place_create(name="Kiel", kind=PlaceKind.CITY, country="DE"),
    }


@pytest.fixture
def editor():
    office = Organisation.objects.create(
        name="International Office", kind=OrganisationKind.MUNICIPAL_DEPARTMENT
    )
    user = user_create(username="coordinator", password="a long test passphrase")
    membership_set(user=user, organisation=office, role=Role.EDITOR)
    return user


def log_in(page, username, password):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name=re.compile("log in", re.I)).click()


def test_editor_logs_in_and_records_a_partnership(page, places, editor):
    log_in(page, "coordinator", "a long test passphrase")
    page.goto("/partnerships/new/")

    page.locator("#id_party_a").select_option(label="Odense (DK)")
    page.locator("#id_party_b").select_option(label="Suzhou (CN)")
    page.locator("#id_since").fill("2013-06")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Odense")
    expect(page.locator("body")).to_contain_text("June 2013")
    expect(page.locator("body")).to_contain_text("coordinator")
    assert Partnership.objects.get().owner.name == "International Office"


def test_invalid_date_is_explained_and_nothing_is_saved(page, places, editor):
    log_in(page, "coordinator", "a long test passphrase")
    page.goto("/partnerships/new/")

    page.locator("#id_party_a").select_option(label="Odense (DK)")
    page.locator("#id_party_b").select_option(label="Kiel (DE)")
    page.locator("#id_since").fill("2013-02-30")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator("body")).to_contain_text("does not exist")
    assert not Partnership.objects.exists()


def test_visitor_filters_the_list_without_reloading_and_switches_to_danish(page, places):
    Partnership.objects.create(party_a=places["odense"], party_b=places["suzhou"])
    Partnership.objects.create(party_a=places["odense"], party_b=places["kiel"])
    page.goto("/partnerships/")
    expect(page.locator("#results")).to_contain_text("Kiel")

    page.locator("#id_partner_country").select_option("CN")

    expect(page.locator("#results")).not_to_contain_text("Kiel")
    expect(page.locator("#results")).to_contain_text("Suzhou")
    assert "partner_country=CN" in page.url

    # The language link carries the filter the list shows now, set without a reload.
    page.get_by_role("link", name="Dansk").click()
    expect(page.locator("html")).to_have_attribute("lang", "da")
    assert re.search(r"/da/partnerships/\?.*partner_country=CN", page.url), page.url
    expect(page.locator("#results")).not_to_contain_text("Kiel")
    expect(page.locator(".main-nav")).to_contain_text("Partnerskaber")

    # Menus stay in Danish, and the way back lands on the same page in English.
    page.locator(".main-nav summary", has_text="Aktiviteter").click()
    page.get_by_role("link", name="Aktivitetslog").click()
    assert page.url.endswith("/da/activities/"), page.url
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Aktivitet"))
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/activities/") and "/da/" not in page.url, page.url
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".main-nav")).to_contain_text("Partnerships")
