import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from twinning.activities.models import Activity, ActivityHeadcount
from twinning.activities.services import activity_create, activity_update
from twinning.core.partialdates import PartialDate

pytestmark = pytest.mark.django_db


def test_activity_keeps_partial_dates_and_headcounts(make_activity):
    activity = make_activity(
        "Badminton visit",
        start="2014-08-22",
        end="2014-08-27",
        kind="exchange",
        headcounts=[(11, "Chinese young players"), (27, "Danish young players")],
    )
    activity.refresh_from_db()
    assert activity.start == PartialDate(2014, 8, 22)
    assert activity.end == PartialDate(2014, 8, 27)
    assert [(h.count, h.group) for h in activity.headcounts.all()] == [
        (11, "Chinese young players"),
        (27, "Danish young players"),
    ]


def test_end_before_start_is_rejected_by_clean_within_a_year(make_activity):
    with pytest.raises(ValidationError) as info:
        make_activity(start="2013-06-12", end="2013-06-07")
    assert "end" in info.value.message_dict


def test_end_in_an_earlier_year_is_rejected_by_the_database(partnership):
    with pytest.raises(IntegrityError), transaction.atomic():
        Activity.objects.create(title="x", start="2014-01", end="2013-12")


def test_month_end_in_start_month_is_accepted(make_activity):
    activity = make_activity(start="2013-06-07", end="2013-06")
    assert activity.end == PartialDate(2013, 6)


def test_zero_headcount_is_rejected_with_its_position(make_activity):
    with pytest.raises(ValidationError) as info:
        make_activity(headcounts=[(3, "teachers"), (0, "pupils")])
    assert "Head count 2" in str(info.value)
    assert not Activity.objects.exists()


def test_headcount_below_one_is_rejected_by_the_database(make_activity):
    activity = make_activity()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActivityHeadcount.objects.create(activity=activity, count=0, group="x")


def test_unknown_area_is_rejected(make_activity):
    with pytest.raises(ValidationError):
        make_activity(area="nonsense")


def test_update_replaces_headcounts_and_related_lists(make_activity, partnership):
    activity = make_activity(headcounts=[(5, "pupils")])
    activity_update(
        activity=activity, title="Renamed", start="2013-02", headcounts=[(2, "teachers")]
    )
    activity.refresh_from_db()
    assert activity.title == "Renamed"
    assert activity.start == PartialDate(2013, 2)
    assert [h.count for h in activity.headcounts.all()] == [2]
    assert list(activity.partnerships.all()) == [partnership]


def test_changes_are_kept_in_history(make_activity):
    activity = make_activity()
    activity_update(activity=activity, title="Second title")
    titles = [r.title for r in activity.history.order_by("history_date", "history_id")]
    assert titles[0] == "Meeting" and titles[-1] == "Second title"


def test_title_is_required():
    with pytest.raises(ValidationError):
        activity_create(title="", start="2013")
