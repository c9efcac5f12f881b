import datetime as dt

import pytest

from twinning.people.models import Person
from twinning.visits.selectors import commitments_overdue, programme_days, visit_detail
from twinning.visits.services import (
    commitment_complete,
    commitment_create,
    gift_create,
    programme_item_create,
    visit_update,
)
from twinning.visits.tests.factories import (
    make_area,
    make_organisation,
    make_site,
    make_user,
    make_visit,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2018, 1, 10)


def test_visit_update_changes_interests_and_keeps_history():
    energy, food = make_area("energy"), make_area("food")
    visit = make_visit(interests=[energy])

    visit_update(visit=visit, interests=[food], status="done", report="Went well.")

    visit.refresh_from_db()
    assert set(visit.interests.all()) == {food}
    assert visit.status == "done"
    assert visit.history.filter(status="planned").exists()
    assert visit.history.latest().status == "done"


def test_programme_item_from_a_site_takes_its_name_address_and_organisation():
    danfoss = make_organisation("Danfoss", kind="company")
    site = make_site("Danfoss solar plant", danfoss, address="Nordborgvej 81, Nordborg")
    visit = make_visit()

    item = programme_item_create(visit=visit, site=site, day=dt.date(2017, 9, 5))

    assert item.topic == "Danfoss solar plant"
    assert item.location == "Nordborgvej 81, Nordborg"
    assert item.host_organisation == danfoss


def test_programme_item_keeps_a_topic_given_with_a_site():
    site = make_site("Zerohouse")
    item = programme_item_create(
        visit=make_visit(), site=site, day=dt.date(2017, 9, 5), topic="Lunch at the Zerohouse"
    )
    assert item.topic == "Lunch at the Zerohouse"


def test_commitment_is_overdue_only_when_open_and_past_due():
    visit = make_visit()
    overdue = commitment_create(
        visit=visit, description="Send the report", due_date=TODAY - dt.timedelta(days=1)
    )
    due_today = commitment_create(visit=visit, description="Call back", due_date=TODAY)
    done = commitment_create(
        visit=visit,
        description="Thank-you letter",
        due_date=dt.date(2017, 9, 30),
        done_on=dt.date(2017, 9, 20),
    )
    undated = commitment_create(visit=visit, description="Keep in touch")

    assert overdue.is_overdue(TODAY)
    assert not due_today.is_overdue(TODAY)
    assert not done.is_overdue(TODAY)
    assert not undated.is_overdue(TODAY)
    assert list(commitments_overdue(user=make_user("u"), today=TODAY)) == [overdue]


def test_completing_a_commitment_takes_it_off_the_overdue_list():
    visit = make_visit()
    commitment = commitment_create(
        visit=visit, description="Send photos", due_date=dt.date(2017, 10, 1)
    )
    assert commitments_overdue(user=make_user("u"), today=TODAY).count() == 1

    commitment_complete(commitment=commitment, done_on=dt.date(2018, 1, 5))

    assert commitments_overdue(user=make_user("v"), today=TODAY).count() == 0
    assert commitment.done_on == dt.date(2018, 1, 5)


def test_overdue_commitments_of_private_visits_show_only_to_their_organisation():
    org = make_organisation("Sønderborg Kommune")
    private = make_visit(owner=org, is_public=False)
    commitment_create(visit=private, description="Secret follow-up", due_date=dt.date(2017, 10, 1))

    assert commitments_overdue(user=make_user("anon-ish"), today=TODAY).count() == 0
    insider = make_user("insider", viewer_of=org)
    assert commitments_overdue(user=insider, today=TODAY).count() == 1


def test_commitment_responsible_is_a_person():
    person = Person.objects.create(name="Erik Lauritzen")
    commitment = commitment_create(
        visit=make_visit(), description="Invite back", responsible=person
    )
    assert person.visit_commitments.get() == commitment


def test_visit_detail_flags_overdue_commitments_and_counts_them():
    visit = make_visit()
    commitment_create(visit=visit, description="Late", due_date=dt.date(2017, 10, 1))
    commitment_create(visit=visit, description="Fine", due_date=dt.date(2030, 1, 1))

    loaded = visit_detail(user=make_user("u"), pk=visit.pk, today=TODAY)

    assert [c.overdue for c in loaded.commitments.all()] == [True, False]
    assert loaded.overdue_count == 1


def test_programme_days_list_every_day_with_its_items():
    visit = make_visit()
    item = programme_item_create(visit=visit, day=dt.date(2017, 9, 5), topic="Tour")
    gift_create(visit=visit, direction="given", description="A book on Als")

    days = programme_days(visit=visit_detail(user=make_user("u"), pk=visit.pk))

    assert [d.day for d in days] == [dt.date(2017, 9, 4), dt.date(2017, 9, 5), dt.date(2017, 9, 6)]
    assert [d.items for d in days] == [[], [item], []]


def test_programme_days_of_a_long_visit_list_only_days_with_items():
    visit = make_visit(start_date=dt.date(2015, 1, 1), end_date=dt.date(2015, 3, 31))
    programme_item_create(visit=visit, day=dt.date(2015, 2, 2), topic="Meeting")

    days = programme_days(visit=visit_detail(user=make_user("u"), pk=visit.pk))

    assert [d.day for d in days] == [dt.date(2015, 2, 2)]
