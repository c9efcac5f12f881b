"""The review queue in a real browser, used from the keyboard."""

import re

import pytest
from playwright.sync_api import expect

from twinning.accounts.models import Role
from twinning.accounts.services import membership_set, user_create
from twinning.ingestion.tests.factories import fact, make_document
from twinning.organisations.models import Organisation, OrganisationKind

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Kolding and Lahti have been twin towns since 1947.\n"
    "Kolding and Anshan signed a friendship agreement in 2004.\n"
)


@pytest.fixture
def document():
    office = Organisation.objects.create(
        name="International Office", kind=OrganisationKind.MUNICIPAL_DEPARTMENT
    )
    user = user_create(username="reviewer", password="a long test passphrase")
    membership_set(user=user, organisation=office, role=Role.EDITOR)
    facts = [
        fact(TEXT, quote, "partnership", a="Kolding", b=partner, relation="sister_city")
        for quote, partner in (("Kolding and Lahti", "Lahti"), ("Kolding and Anshan", "Anshan"))
    ]
    return make_document(TEXT, facts, owner=office)


def test_reject_moves_focus_to_the_next_suggestion_and_can_be_undone(page, document):
    first, second = document.suggestions.order_by("start")
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("reviewer")
    page.get_by_label("Password").fill("a long test passphrase")
    page.get_by_role("button", name=re.compile("log in", re.I)).click()
    page.goto(f"/ingestion/documents/{document.pk}/")

    page.locator(f"#fact-{first.pk}").get_by_role("button", name="Reject").focus()
    page.keyboard.press("Enter")

    expect(page.locator(f"#fact-{first.pk}")).to_contain_text("rejected")
    expect(page.locator(f"#fact-{second.pk}")).to_be_focused()
    undo = page.locator(f"#fact-{first.pk}").get_by_role("button", name="Undo rejection")
    undo.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#fact-{first.pk}")).to_contain_text("pending")
    first.refresh_from_db()
    assert first.status == "pending"
