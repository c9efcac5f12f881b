"""In-app notifications of what is due, for the editors of the owning organisation."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from twinning.notifications.models import Notification
from twinning.notifications.services import notifications_from_alerts
from twinning.partnerships.tests.factories import (
    make_agreement,
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.visits.services import commitment_create, visit_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def due():
    org = make_organisation("Aarhus Kommune")
    partnership = make_partnership(make_place("Aarhus"), make_place("Bergen", "NO"), owner=org)
    make_agreement(partnership, title="Ran out", signed="2013-06", term_months=36)
    today = dt.date.today()
    visit = visit_create(
        direction="incoming",
        visiting_party=partnership.party_b,
        host=partnership.party_a,
        title="Delegation from Bergen",
        start_date=today + dt.timedelta(days=3),
        end_date=today + dt.timedelta(days=4),
        owner=org,
    )
    commitment_create(visit=visit, description="Book the hall", due_date=today)
    return org


def test_editors_are_told_once_and_viewers_and_outsiders_not(client, due, capsys):
    editor = make_user("editor", editor_of=due)
    make_user("viewer", viewer_of=due)
    make_user("outsider", editor_of=make_organisation("Other"))
    call_command("notify")
    assert "3 new notification(s)." in capsys.readouterr().out
    assert notifications_from_alerts() == 0  # the next day's run tells nothing twice
    assert sorted(Notification.objects.values_list("user__username", "kind")) == [
        ("editor", "agreement_lapsed"),
        ("editor", "commitment_due"),
        ("editor", "visit_soon"),
    ]
    client.force_login(editor)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "3 unread notifications" in page and "Aarhus – Bergen: Ran out" in page
    client.post(reverse("notifications:list"))
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert "unread" not in client.get(reverse("notifications:list")).content.decode()


def test_the_page_needs_a_login(client):
    assert client.get(reverse("notifications:list")).status_code == 302
