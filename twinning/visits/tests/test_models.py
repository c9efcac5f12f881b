import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from twinning.visits.models import ProgrammeItem, Visit, VisitMember
from twinning.visits.services import programme_item_create, visit_member_create, visit_update
from twinning.visits.tests.factories import make_place, make_visit

pytestmark = pytest.mark.django_db


def test_a_second_leader_is_refused_by_clean_and_by_the_database():
    visit = make_visit()
    visit_member_create(visit=visit, name="Ding Jie", is_leader=True)

    with pytest.raises(ValidationError) as excinfo:
        visit_member_create(visit=visit, name="Another chief", is_leader=True)
    assert "is_leader" in excinfo.value.message_dict

    with pytest.raises(IntegrityError), transaction.atomic():
        VisitMember.objects.create(visit=visit, name="Bypassing clean", is_leader=True)


def test_leaders_of_different_visits_and_many_plain_members_are_allowed():
    first, second = make_visit(), make_visit(make_place("Baoding", "CN", "city"))
    visit_member_create(visit=first, name="Ding Jie", is_leader=True)
    visit_member_create(visit=second, name="Li Jungfeng", is_leader=True)
    visit_member_create(visit=first, name="Member one")
    visit_member_create(visit=first, name="Member two")

    assert VisitMember.objects.filter(is_leader=True).count() == 2
    assert first.members.count() == 3


def test_the_leader_may_be_saved_again_without_counting_as_a_second_leader():
    visit = make_visit()
    leader = visit_member_create(visit=visit, name="Ding Jie", is_leader=True)
    leader.title = "Chairman"
    leader.full_clean()
    leader.save()


def test_a_visit_cannot_end_before_it_begins():
    with pytest.raises(ValidationError) as excinfo:
        make_visit(start_date=dt.date(2017, 9, 6), end_date=dt.date(2017, 9, 5))
    assert "end_date" in excinfo.value.message_dict

    visit = make_visit()
    with pytest.raises(IntegrityError), transaction.atomic():
        Visit.objects.filter(pk=visit.pk).update(end_date=dt.date(2017, 9, 1))


def test_one_day_visit_is_allowed_and_has_one_day():
    visit = make_visit(start_date=dt.date(2015, 7, 6), end_date=dt.date(2015, 7, 6))
    assert visit.days() == [dt.date(2015, 7, 6)]


def test_host_and_visiting_party_must_differ():
    place = make_place("Wuxi", "CN", "city")
    with pytest.raises(ValidationError) as excinfo:
        make_visit(place, place)
    assert "host" in excinfo.value.message_dict


@pytest.mark.parametrize("day", [dt.date(2017, 9, 3), dt.date(2017, 9, 7)])
def test_programme_day_must_lie_inside_the_visit(day):
    visit = make_visit()  # 4–6 September 2017

    with pytest.raises(ValidationError) as excinfo:
        programme_item_create(visit=visit, day=day, topic="Tour")

    assert "day" in excinfo.value.message_dict
    assert "2017-09-04 to 2017-09-06" in excinfo.value.message_dict["day"][0]


def test_programme_day_on_first_and_last_day_is_accepted():
    visit = make_visit()
    programme_item_create(visit=visit, day=dt.date(2017, 9, 4), topic="Arrival")
    programme_item_create(visit=visit, day=dt.date(2017, 9, 6), topic="Departure")
    assert visit.programme_items.count() == 2


def test_moving_the_visit_leaves_old_items_to_be_caught_when_they_are_next_saved():
    visit = make_visit()
    item = programme_item_create(visit=visit, day=dt.date(2017, 9, 6), topic="Tour")
    visit_update(visit=visit, end_date=dt.date(2017, 9, 5))
    item.refresh_from_db()
    with pytest.raises(ValidationError):
        item.full_clean()


def test_programme_item_must_end_after_it_starts():
    visit = make_visit()
    with pytest.raises(ValidationError) as excinfo:
        programme_item_create(
            visit=visit,
            day=dt.date(2017, 9, 4),
            topic="Tour",
            start_time=dt.time(10, 0),
            end_time=dt.time(10, 0),
        )
    assert "end_time" in excinfo.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeItem.objects.create(
            visit=visit,
            day=dt.date(2017, 9, 4),
            topic="Tour",
            start_time=dt.time(11, 0),
            end_time=dt.time(9, 0),
        )


def test_programme_is_ordered_by_day_then_start_with_untimed_items_last():
    visit = make_visit()
    late = programme_item_create(
        visit=visit, day=dt.date(2017, 9, 4), topic="Dinner", start_time=dt.time(19, 0)
    )
    untimed = programme_item_create(visit=visit, day=dt.date(2017, 9, 4), topic="Free")
    early = programme_item_create(
        visit=visit, day=dt.date(2017, 9, 4), topic="Breakfast", start_time=dt.time(8, 0)
    )
    next_day = programme_item_create(
        visit=visit, day=dt.date(2017, 9, 5), topic="Tour", start_time=dt.time(7, 0)
    )

    assert list(visit.programme_items.all()) == [early, late, untimed, next_day]
