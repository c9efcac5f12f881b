"""Alerts that never miss: derived expiry, tacit renewal, lapses and commitments due soon."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from twinning.partnerships.models import PartnershipStatus
from twinning.partnerships.selectors import agreements_due
from twinning.partnerships.services import agreement_create
from twinning.partnerships.tests.factories import (
    make_agreement,
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.reports.selectors import EVERYONE, alerts_due
from twinning.reports.services import alerts_email_digest
from twinning.visits.services import commitment_create, visit_create

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 10)


def _partnership(name="Bergen", **fields):
    return make_partnership(make_place("Aarhus"), make_place(name, "NO"), **fields)


def _kinds(today=TODAY):
    return [(d.kind, d.agreement.title, d.date) for d in agreements_due(user=EVERYONE, today=today)]


def test_expiry_is_derived_from_signing_date_and_term():
    partnership = _partnership()
    # Signed June 2023 for 36 months: ends June 2026, inside the default six-month window.
    make_agreement(partnership, title="Three years", signed="2023-06", term_months=36)
    assert _kinds() == [("renewal_due", "Three years", dt.date(2026, 6, 30))]
    # Before the window opens nothing is due.
    assert _kinds(today=dt.date(2025, 11, 30)) == []


def test_an_explicit_expiry_wins_over_the_term():
    partnership = _partnership()
    make_agreement(
        partnership, title="Explicit", signed="2023-06", term_months=36, expires="2028-12"
    )
    assert _kinds() == []


def test_a_lapsed_agreement_is_flagged_and_the_partnership_suggested_dormant():
    partnership = _partnership()
    first = make_agreement(partnership, title="First", signed="2010", term_months=36)
    make_agreement(
        partnership,
        kind="renewal",
        title="Second",
        signed="2013-06",
        term_months=36,
        renews=first,
    )
    # A contract without an end does not keep the partnership's framework alive.
    make_agreement(partnership, kind="contract", title="A works contract", signed="2015-01")
    (due,) = agreements_due(user=EVERYONE, today=TODAY)
    assert due.kind == "agreement_lapsed" and due.agreement.title == "Second"
    assert due.date == dt.date(2016, 6, 30)
    assert due.suggested_status == PartnershipStatus.DORMANT


def test_no_lapse_once_a_newer_agreement_exists_or_the_status_says_so():
    partnership = _partnership()
    make_agreement(partnership, title="Old", signed="2013-06", term_months=36)
    make_agreement(partnership, title="New, open-ended", signed="2017-02")
    assert _kinds() == []
    dormant = _partnership("Tromsø", status=PartnershipStatus.DORMANT)
    make_agreement(dormant, title="Ran out", signed="2013-06", term_months=36)
    assert _kinds() == []


def test_tacit_renewal_rolls_on_and_alerts_the_notice_deadline():
    partnership = _partnership()
    tacit = agreement_create(
        partnership=partnership,
        kind="founding",
        title="Tacit",
        signed="2020-05-01",
        term_months=12,
        notice_months=3,
        renews_tacitly=True,
    )
    # Terms end on 1 May each year; notice must be given by 1 February.
    assert _kinds(today=dt.date(2026, 1, 5)) == [("notice_deadline", "Tacit", dt.date(2026, 2, 1))]
    # After the deadline it simply runs on: never lapsed.
    assert _kinds(today=dt.date(2026, 3, 10)) == []
    assert _kinds(today=dt.date(2031, 7, 1)) == []
    # Once notice is given the term it takes effect in is the last; then it has ended.
    tacit.notice_given = dt.date(2026, 1, 20)
    tacit.renews_tacitly = True
    tacit.save()
    assert _kinds(today=dt.date(2026, 3, 10))[0][0] == "renewal_due"
    (ended,) = agreements_due(user=EVERYONE, today=dt.date(2026, 6, 1))
    assert ended.kind == "agreement_lapsed" and ended.date == dt.date(2026, 5, 1)
    assert ended.suggested_status == PartnershipStatus.TERMINATED


def test_tacit_renewal_needs_a_term():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        agreement_create(
            partnership=_partnership(), kind="founding", signed="2020", renews_tacitly=True
        )
    assert "term_months" in error.value.message_dict


@pytest.fixture
def commitments():
    org = make_organisation("Aarhus Kommune")
    partnership = _partnership(owner=org, is_public=False)
    today = dt.date.today()
    visit = visit_create(
        direction="incoming",
        visiting_party=partnership.party_b,
        host=partnership.party_a,
        title="Delegation from Bergen",
        start_date=today + dt.timedelta(days=5),
        end_date=today + dt.timedelta(days=6),
        owner=org,
        is_public=False,
    )
    for days, text in [(-2, "Send the minutes"), (13, "Book the hall"), (45, "Plan next year")]:
        commitment_create(visit=visit, description=text, due_date=today + dt.timedelta(days=days))
    make_agreement(partnership, title="Ran out", signed="2013-06", term_months=36)
    editor = make_user("editor", editor_of=org)
    editor.email = "editor@aarhus.example"
    editor.save()
    return org


def test_every_alert_carries_its_kind_everywhere(commitments, client, capsys, settings):
    items = alerts_due(user=EVERYONE).items()
    assert [(a.kind, a.title) for a in items] == [
        ("agreement_lapsed", "Ran out"),
        ("commitment_due", "Book the hall"),
        ("commitment_overdue", "Send the minutes"),
        ("visit_soon", "Delegation from Bergen"),
    ]

    data = client.get("/api/alerts").json()
    assert data["items"] == []  # the partnership and visit are private
    client.force_login(make_user("viewer", viewer_of=commitments))
    data = client.get("/api/alerts").json()
    assert [(i["kind"], i["title"]) for i in data["items"]] == [(a.kind, a.title) for a in items]
    assert data["agreements"][0]["suggested_status"] == "dormant"
    assert {c["kind"] for c in data["commitments"]} == {"commitment_due", "commitment_overdue"}

    page = client.get("/reports/alerts/").content.decode()
    assert 'data-kind="commitment_due"' in page and "Book the hall" in page
    assert 'data-kind="agreement_lapsed"' in page and "Plan next year" not in page

    with pytest.raises(SystemExit):
        call_command("alerts")
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == [a.kind for a in items]
    assert lines[0].split("\t")[1:3] == ["2016-06-30", "Aarhus – Bergen"]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert alerts_email_digest() == 1
    body = mail.outbox[0].body
    assert "Agreement lapsed" in body and "Commitment due" in body and "Book the hall" in body
