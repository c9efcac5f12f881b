import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

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


def _month(days: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


@pytest.fixture
def due():
    org = make_organisation("Ballerup Kommune")
    other = make_organisation("Other Kommune")
    partnership = make_partnership(owner=org)
    make_agreement(
        partnership, signed="2020", expires=_month(60), notice_months=3, title="In notice"
    )
    make_agreement(
        partnership, signed="2020", expires=_month(200), notice_months=3, title="Not yet"
    )
    make_agreement(partnership, signed="2020", expires=_month(150), title="Default window")
    today = timezone.localdate()
    visit = visit_create(
        direction="incoming",
        visiting_party=make_place("Wuxi", "CN"),
        host=partnership.party_a,
        title="Delegation from Wuxi",
        start_date=today + dt.timedelta(days=10),
        end_date=today + dt.timedelta(days=12),
        owner=org,
    )
    visit_create(
        direction="incoming",
        visiting_party=make_place("Lahti", "FI"),
        host=partnership.party_a,
        title="Far away",
        owner=org,
        start_date=today + dt.timedelta(days=45),
        end_date=today + dt.timedelta(days=46),
    )
    commitment_create(
        visit=visit, description="Send the photos", due_date=today - dt.timedelta(days=2)
    )
    editor = make_user("editor", editor_of=org)
    editor.email = "editor@ballerup.example"
    editor.save()
    viewer = make_user("viewer", viewer_of=org)
    viewer.email = "viewer@ballerup.example"
    viewer.save()
    outsider = make_user("outsider", editor_of=other)
    outsider.email = "outsider@other.example"
    outsider.save()
    return org


def test_alerts_pick_notice_periods_visits_soon_and_overdue_commitments(due):
    alerts = alerts_due(user=EVERYONE)
    assert [a.agreement.title for a in alerts.agreements] == ["In notice", "Default window"]
    assert [v.title for v in alerts.visits] == ["Delegation from Wuxi"]
    assert [c.description for c in alerts.commitments] == ["Send the photos"]


def test_command_exits_1_when_due_and_0_when_not(due, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("alerts")
    assert exit_info.value.code == 1
    assert "In notice" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        call_command("alerts", "--quiet")
    assert capsys.readouterr().out == ""


def test_command_exits_0_when_nothing_is_due(db, capsys):
    call_command("alerts")
    assert "Nothing is due." in capsys.readouterr().out


def test_digest_goes_to_editors_of_the_owner_only(due, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert alerts_email_digest() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["editor@ballerup.example"]
    assert "In notice" in message.body and "Delegation from Wuxi" in message.body
    assert "Send the photos" in message.body and "Far away" not in message.body


def test_command_with_email_sends_the_digest(due, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with pytest.raises(SystemExit):
        call_command("alerts", "--email", "--quiet")
    assert [m.to for m in mail.outbox] == [["editor@ballerup.example"]]


def test_api_and_card_show_only_what_the_visitor_may_see(
    client, due, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        data = client.get("/api/alerts").json()
    assert [a["title"] for a in data["agreements"]] == ["In notice", "Default window"]
    assert [v["title"] for v in data["visits"]] == ["Delegation from Wuxi"]
    page = client.get("/reports/alerts/").content.decode()
    assert "Send the photos" in page


def test_dashboard_card_shows_the_first_few_and_links_to_all(client, db):
    from twinning.reports.templatetags.report_tags import CARD_LIMIT

    org = make_organisation("Sønderborg Kommune")
    host = make_place("Sønderborg", "DK")
    guests = make_place("Haiyan", "CN")
    today = timezone.localdate()
    for day in range(CARD_LIMIT + 3):
        visit_create(
            direction="incoming",
            visiting_party=guests,
            host=host,
            title=f"Delegation on day {day + 1:02d}",
            start_date=today + dt.timedelta(days=day + 1),
            end_date=today + dt.timedelta(days=day + 1),
            owner=org,
            is_public=True,
        )

    limited = alerts_due(user=EVERYONE, limit=CARD_LIMIT)
    assert len(limited.visits) == CARD_LIMIT
    assert limited.total("visits") == CARD_LIMIT + 3
    assert limited.truncated and limited.count == CARD_LIMIT + 3
    assert not alerts_due(user=EVERYONE).truncated

    page = client.get("/").content.decode()
    assert "Delegation on day 01" in page and f"Delegation on day {CARD_LIMIT:02d}" in page
    assert f"Delegation on day {CARD_LIMIT + 1:02d}" not in page
    assert f"See all {CARD_LIMIT + 3} alerts" in page
    assert 'href="/reports/alerts/"' in page
