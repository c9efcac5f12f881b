"""End-to-end: the forms' searchable pickers and the visit programme, by keyboard."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from twinning.accounts.models import Role
from twinning.accounts.services import membership_set, user_create
from twinning.activities.models import Activity
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.partnerships.services import partnership_create
from twinning.places.models import Place, PlaceKind
from twinning.places.services import place_create
from twinning.visits.models import Visit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long test passphrase"


@pytest.fixture
def office():
    odense = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")
    place_create(name="Kiel", kind=PlaceKind.CITY, country="DE")
    place_create(name="Kielce", kind=PlaceKind.CITY, country="PL")
    place_create(name="Suzhou", kind=PlaceKind.CITY, country="CN")
    office = Organisation.objects.create(
        name="International Office", kind=OrganisationKind.MUNICIPAL_DEPARTMENT, place=odense
    )
    Organisation.objects.create(name="Odense Harbour", kind=OrganisationKind.COMPANY)
    user = user_create(username="coordinator", password=PASSWORD)
    membership_set(user=user, organisation=office, role=Role.EDITOR)
    return office


def log_in(page):
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("coordinator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("log in", re.I)).click()
    expect(page.locator(".session")).to_contain_text("coordinator")


def test_pickers_are_used_by_keyboard_alone(page, office):
    log_in(page)
    page.goto("/activities/new/")

    page.get_by_label("Title", exact=True).fill("Choir exchange")
    page.get_by_label("Start").fill("3.12.2026")
    place = page.get_by_role("combobox", name="Place", exact=True)
    place.focus()
    page.keyboard.type("kiel")
    options = page.get_by_role("listbox", name="Place", exact=True).get_by_role("option")
    expect(options).to_have_text(["Kiel (DE)", "Kielce (PL)"])
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    organisations = page.get_by_role("combobox", name="Organisations")
    organisations.focus()
    listbox = page.get_by_role("listbox", name="Organisations")
    page.keyboard.type("harb")
    expect(listbox.get_by_role("option", name="Odense Harbour")).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.type("intern")
    expect(listbox.get_by_role("option", name="International Office")).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    # Leaving a picker does not move the button being clicked.
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Choir exchange")
    activity = Activity.objects.get()
    assert activity.place.name == "Kielce"
    assert sorted(o.name for o in activity.organisations.all()) == [
        "International Office",
        "Odense Harbour",
    ]


def test_a_place_is_created_from_the_picker_and_chosen(page, office):
    log_in(page)
    page.goto("/visits/new/")

    page.get_by_role("combobox", name="Host", exact=True).focus()
    page.keyboard.type("Kolding")
    listbox = page.get_by_role("listbox", name="Host", exact=True)
    expect(listbox.get_by_text(re.compile("Kolding"))).to_be_visible()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading")).to_have_text("New place")
    expect(dialog.get_by_label("Name")).to_have_value("Kolding")
    dialog.get_by_label("Kind").select_option("municipality")
    dialog.get_by_label("Country").select_option("DK")
    dialog.get_by_role("button", name="Create and choose").click()

    expect(dialog).to_have_count(0)
    kolding = Place.objects.get(name="Kolding")
    expect(page.locator("#id_host")).to_have_value(str(kolding.pk))
    expect(page.locator(".field", has=page.locator("#id_host"))).to_contain_text("Kolding (DK)")


def test_a_visit_with_a_three_item_programme_from_the_partnership_page(page, office):
    odense, suzhou = Place.objects.get(name="Odense"), Place.objects.get(name="Suzhou")
    partnership = partnership_create(
        party_a=odense, party_b=suzhou, kind="sister_city", owner=office
    )
    log_in(page)
    page.goto(partnership.get_absolute_url())
    actions = 0

    def act(step):
        nonlocal actions
        actions += 1
        step()

    # The visit form arrives with the partnership, the parties and the direction set.
    act(lambda: page.get_by_role("link", name="Add incoming visit").click())
    expect(page.locator("#id_host")).to_have_value(str(odense.pk))
    expect(page.locator("#id_visiting_party")).to_have_value(str(suzhou.pk))
    act(lambda: page.get_by_label("Title", exact=True).fill("Suzhou education delegation"))
    act(lambda: page.get_by_label("First day").fill("3.12.2026"))
    act(lambda: page.get_by_label("Last day").fill("4.12.2026"))
    act(lambda: page.get_by_role("button", name="Save", exact=True).click())
    expect(page.get_by_role("heading", level=1)).to_contain_text("Suzhou education delegation")
    visit = Visit.objects.get()
    assert visit.partnership == partnership and visit.direction == "incoming"

    # The programme is written on the visit page, one item after another.
    programme = page.locator("#programme")
    act(lambda: programme.get_by_text("Add a programme item").click())
    form = programme.locator("form.stacked")
    for topic, start in (("Welcome", "09:00"), ("School visit", "10:30"), ("Lunch", "")):
        act(lambda topic=topic: form.get_by_label("Topic", exact=True).fill(topic))
        if start:
            act(lambda start=start: form.get_by_label("From", exact=True).fill(start))
        act(lambda: page.keyboard.press("Enter"))
        expect(programme.locator("ol")).to_contain_text(topic)
    # Before: about 17 interactions over 5 pages (a page of its own for each item).
    assert actions == 14, actions
    expect(form.get_by_label("Topic", exact=True)).to_be_focused()

    # Moved by keyboard; the focus stays on the item's buttons.
    page.get_by_role("button", name="Move up Lunch").focus()
    page.keyboard.press("Enter")
    expect(programme.locator("ol li").nth(1)).to_contain_text("Lunch")
    expect(page.get_by_role("button", name="Move up Lunch")).to_be_focused()
    page.keyboard.press("Enter")
    expect(programme.locator("ol li").first).to_contain_text("Lunch")
    expect(page.get_by_role("button", name="Move down Lunch")).to_be_focused()
    topics = [item.topic for item in visit.programme_items.all()]
    assert topics == ["Lunch", "Welcome", "School visit"]
    assert visit.programme_items.get(topic="Lunch").day == dt.date(2026, 12, 3)
