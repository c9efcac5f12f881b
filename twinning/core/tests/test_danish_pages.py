"""Every main page in Danish speaks Danish: no English word of the interface is left.

The records are written in Danish here, so any English word found is the interface's.
"""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from lxml import html

from twinning.activities.services import activity_create
from twinning.partnerships.tests.factories import make_organisation, make_partnership, make_place
from twinning.visits.services import programme_item_create, visit_create

pytestmark = pytest.mark.django_db

# Words of the interface that would show if a string, a choice or a file name were left
# untranslated; matched as whole words, with their case. ("English" is left out: the
# language link names English in English.)
ENGLISH = re.compile(
    r"\b(Add|Edit|Save|Delete|Cancel|Search|Filter|Next|Previous|Download|Log out|Home|"
    r"Activities|Partnerships|Visits|Projects|Strategies|Sources|People|Places|Calendar|"
    r"Monthly overview|Recent actions|View site|Change|Select|planned|done|incoming|outgoing|"
    r"active|ended|sister city|meeting|overall|education|Title|Description|Translations|"
    r"Chinese|Danish|Programme|Purpose|decade|\d{4}s)\b"
)


@pytest.fixture
def danish_records():
    org = make_organisation("Ballerup Kommune")
    with translation.override("da"):
        bycirklen = make_place("Bycirklen", "DK", "group")
        wuxi = make_place("Wuxi", "CN", "city")
        partnership = make_partnership(bycirklen, wuxi, owner=org, since="2007")
        activity = activity_create(
            title="Tovholdermøde",
            description="Møde i Kina-projektgruppen.",
            start="2013-01-31",
            partnerships=[partnership],
            owner=org,
        )
        visit = visit_create(
            direction="incoming",
            visiting_party=wuxi,
            host=bycirklen,
            title="Delegation fra Wuxi",
            purpose="Drøftelse af jordrensning.",
            start_date=dt.date(2013, 9, 6),
            end_date=dt.date(2013, 9, 6),
            owner=org,
        )
        programme_item_create(visit=visit, day=dt.date(2013, 9, 6), topic="Besøg på skolen")
    return partnership, activity, visit


def english_words(client, url: str) -> list[str]:
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    page = html.fromstring(response.content)
    for node in page.xpath("//script|//style"):
        node.drop_tree()
    text = " ".join(page.text_content().split())
    return sorted({m[0] for m in ENGLISH.finditer(text)})


def test_the_main_pages_in_danish_leave_no_english_word(client, danish_records, settings):
    partnership, activity, visit = danish_records
    admin = settings.TWINNING_ADMIN_PATH
    user = get_user_model().objects.create_superuser("chef", "chef@example.dk", "pw")
    client.force_login(user)
    pages = [
        "/da/",
        "/da/partnerships/",
        f"/da/partnerships/{partnership.pk}/",
        "/da/activities/",
        f"/da/activities/{activity.pk}/",
        f"/da/activities/{activity.pk}/edit/",
        f"/da/activities/overview/?partnership={partnership.pk}&year=2013",
        "/da/visits/",
        f"/da/visits/{visit.pk}/",
        "/da/strategies/",
        "/da/projects/",
        "/da/sites/",
        "/da/atlas/statistics/",
        "/da/reports/",
        f"/da/{admin}",
        f"/da/{admin}activities/activity/",
        f"/da/{admin}activities/activity/{activity.pk}/change/",
    ]
    left = {url: words for url in pages if (words := english_words(client, url))}
    assert left == {}


def test_downloads_are_named_in_danish(client, danish_records):
    partnership, _activity, visit = danish_records
    client.force_login(get_user_model().objects.create_superuser("chef", "c@example.dk", "pw"))
    overview = client.get(
        "/da/activities/overview.xlsx",
        {"partnership": partnership.pk, "year": 2013},
    )
    assert f'filename="aktiviteter-{partnership.pk}-2013.xlsx"' in overview["Content-Disposition"]
    programme = client.get(f"/da/visits/{visit.pk}/programme.pdf", {"lang": "da"})
    assert f'filename="program-{visit.pk}.pdf"' in programme["Content-Disposition"]
