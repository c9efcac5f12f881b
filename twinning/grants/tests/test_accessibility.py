"""WCAG 2.1 AA on the pages of participant registers and grants, which the demo has none of."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from twinning.accounts.models import Role
from twinning.accounts.services import membership_set, user_create
from twinning.core.tests.e2e.accessibility import measure
from twinning.grants.services import grant_create, grant_town_add
from twinning.participants.services import participant_create, register_create
from twinning.visits.tests.factories import make_organisation, make_place, make_visit

pytestmark = [pytest.mark.e2e, pytest.mark.a11y, pytest.mark.django_db(transaction=True)]


def test_register_sign_up_and_grant_pages_pass_wcag_21_aa(browser, live_server):
    office = make_organisation("Sønderborg Kommune")
    home, partner = make_place("Sønderborg", "DK"), make_place("Lübeck", "DE")
    visit = make_visit(owner=office, host=home, visiting_party=partner, is_public=True)
    register = register_create(
        visit=visit, towns=[home, partner], purpose="The grant's list.", signup_open=True
    )
    participant_create(
        register=register,
        name="Mia Holm",
        town=home,
        age_group="13-17",
        role="pupil",
        email="mia@example.org",
        consent_on=dt.date(2017, 8, 1),
        guardian_name="Eva Holm",
        guardian_consent_on=dt.date(2017, 8, 1),
    )
    grant = grant_create(
        call="CERV-2024-CITIZENS-TOWN-TT",
        title="Europe at the border",
        start=dt.date(2017, 3, 1),
        end=dt.date(2017, 9, 30),
        lump_sum=Decimal(20000),
        visits=[visit],
        owner=office,
        is_public=True,
    )
    grant_town_add(grant=grant, place=home, role="applicant", representative="Erik Lauritzen")
    grant_town_add(grant=grant, place=partner)
    editor = user_create(username="coordinator", password="a long test passphrase")
    membership_set(user=editor, organisation=office, role=Role.EDITOR)

    context = browser.new_context(base_url=live_server.url, locale="en-GB", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    paths = [register.get_signup_url(), f"/grants/{grant.pk}/final-report/"]
    failures = []
    for who in ("visitor", "editor"):
        if who == "editor":
            page.goto("/accounts/login/")
            page.get_by_label("Username").fill("coordinator")
            page.get_by_label("Password").fill("a long test passphrase")
            page.get_by_role("button", name=re.compile("log in", re.I)).click()
            expect(page.locator(".session")).to_contain_text("coordinator")
            paths = [
                f"/da{register.get_absolute_url()}",
                f"/da/participants/{register.pk}/add/",
                f"/da/grants/{grant.pk}/",
                "/da/grants/",
            ]
        for path in paths:
            for width, result in measure(page, path).items():
                failures += [
                    f"{who} {path} @{width}px: {v['id']} {v['help']} {v['targets']}"
                    for v in result["violations"]
                ]
                if result["overflow"]:
                    failures.append(f"{who} {path} @{width}px: {result['overflow']} px too wide")
    context.close()
    assert not failures, "\n".join(failures)
