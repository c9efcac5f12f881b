import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser

from twinning.activities.services import activity_create, activity_delete, activity_update
from twinning.search.selectors import search
from twinning.visits.services import visit_create, visit_update

pytestmark = pytest.mark.django_db


def hits(q, kind, user=None):
    result = search(q=q, user=user or AnonymousUser())
    return [hit.title for group in result.groups if group.kind == kind for hit in group.items]


def test_activities_are_found_through_their_services(registry):
    activity = activity_create(
        title="Lærerudveksling i uge 44",
        start="2014-10-27",
        description="Tre lærere fra Ballerup underviste på Shibei gymnasium.",
        place=registry["wuxi"],
        partnerships=[registry["public"]],
    )
    assert hits("laererudvekslinger", "activity") == ["Lærerudveksling i uge 44"]
    result = search(q="shibei", user=AnonymousUser())
    assert result.facets["year"] == {2014: 1}
    assert result.facets["country"] == {"CN": 1, "DK": 1}
    activity_update(activity=activity, title="Skoleudveksling")
    assert hits("skoleudveksling", "activity") == ["Skoleudveksling"]
    activity_delete(activity=activity)
    assert hits("skoleudveksling", "activity") == []


def test_visits_are_found_through_their_services(registry):
    visit = visit_create(
        direction="incoming",
        visiting_party=registry["baoding"],
        host=registry["sonderborg"],
        title="Baoding vice mayor visits Sønderborg",
        start_date=dt.date(2017, 9, 12),
        end_date=dt.date(2017, 9, 14),
        purpose="District heating and refrigeration.",
    )
    assert hits("refrigeration", "visit") == ["Baoding vice mayor visits Sønderborg"]
    visit_update(visit=visit, purpose="Solar plants.")
    assert hits("refrigeration", "visit") == []
    assert hits("solar", "visit") == ["Baoding vice mayor visits Sønderborg"]
