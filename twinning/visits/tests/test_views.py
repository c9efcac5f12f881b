import datetime as dt

import pytest
from django.urls import reverse

from twinning.visits.models import Gift, Visit, VisitMember
from twinning.visits.services import (
    commitment_create,
    gift_create,
    programme_item_create,
    visit_member_create,
)
from twinning.visits.tests.factories import (
    make_area,
    make_organisation,
    make_place,
    make_site,
    make_user,
    make_visit,
)

pytestmark = pytest.mark.django_db

LIST = reverse("visits:list")


def titles(response) -> set[str]:
    return {visit.title for visit in response.context["visits"]}


@pytest.fixture
def org():
    return make_organisation("Sønderborg Kommune")


@pytest.fixture
def visits(org):
    energy, food = make_area("energy"), make_area("food")
    sonderborg = make_place("Sønderborg", "DK")
    bycirklen = make_place("Bycirklen", "DK", "group")
    dalian = make_place("Dalian", "CN", "city")
    minsk = make_place("Belarus", "BY", "country")
    wuxi = make_place("Wuxi", "CN", "city")
    return {
        "dalian": make_visit(
            dalian,
            sonderborg,
            title="Dalian Refrigeration",
            status="done",
            interests=[energy],
            owner=org,
        ),
        "belarus": make_visit(
            minsk,
            sonderborg,
            title="Belarus delegation",
            status="planned",
            start_date=dt.date(2017, 9, 20),
            end_date=dt.date(2017, 9, 21),
            owner=org,
        ),
        "wuxi": make_visit(
            wuxi,
            bycirklen,
            title="Wuxi government",
            status="done",
            start_date=dt.date(2013, 12, 30),
            end_date=dt.date(2014, 1, 2),
            interests=[food],
        ),
        "trip": make_visit(
            bycirklen,
            wuxi,
            direction="outgoing",
            title="Trip to Wuxi",
            status="done",
            start_date=dt.date(2015, 11, 14),
            end_date=dt.date(2015, 11, 21),
        ),
        "sonderborg": sonderborg,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("direction=outgoing", {"Trip to Wuxi"}),
        ("status=planned", {"Belarus delegation"}),
        (
            "status=planned&status=done",
            {"Belarus delegation", "Dalian Refrigeration", "Wuxi government", "Trip to Wuxi"},
        ),
        ("visiting_country=BY", {"Belarus delegation"}),
        ("visiting_country=cn", {"Dalian Refrigeration", "Wuxi government"}),
        ("year=2014", {"Wuxi government"}),
        ("year=2013", {"Wuxi government"}),
        ("interest=energy", {"Dalian Refrigeration"}),
        ("q=refrigeration", {"Dalian Refrigeration"}),
    ],
)
def test_list_filters(client, visits, query, expected):
    assert titles(client.get(f"{LIST}?{query}")) == expected


def test_list_filters_by_host(client, visits):
    response = client.get(LIST, {"host": visits["sonderborg"].pk})
    assert titles(response) == {"Dalian Refrigeration", "Belarus delegation"}


def test_list_rejects_a_year_that_is_not_a_number(client, visits):
    response = client.get(LIST, {"year": "autumn"})
    assert response.context["filter"].errors["year"]


def test_private_visit_is_hidden_from_the_public_and_other_organisations(client, org):
    private = make_visit(title="Quiet visit", owner=org, is_public=False)

    assert titles(client.get(LIST)) == set()
    assert client.get(private.get_absolute_url()).status_code == 404
    client.force_login(make_user("outsider", editor_of=make_organisation("Aarhus Kommune")))
    assert client.get(private.get_absolute_url()).status_code == 404
    client.force_login(make_user("insider", viewer_of=org))
    assert client.get(private.get_absolute_url()).status_code == 200
    assert titles(client.get(LIST)) == {"Quiet visit"}


def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    areas = [make_area("energy"), make_area("water")]
    host = make_place("Sønderborg", "DK")
    for number in range(12):
        visit = make_visit(make_place(f"City {number}", "CN", "city"), host, interests=areas)
        visit_member_create(visit=visit, name="Leader", is_leader=True)
        commitment_create(visit=visit, description="Late", due_date=dt.date(2017, 10, 1))

    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert len(response.context["visits"]) == 12
    assert "12 overdue" not in response.content.decode()
    assert response.content.decode().count("1 overdue commitment") == 12


def _rich_visit(org):
    energy, water = make_area("energy"), make_area("water")
    host = make_place("Sønderborg", "DK")
    visit = make_visit(host=host, interests=[energy, water], owner=org)
    leader_org = make_organisation("Dalian Refrigeration", kind="company")
    for number in range(4):
        visit_member_create(
            visit=visit,
            name=f"Member {number}",
            native_name="丁杰" if number == 0 else "",
            organisation=leader_org,
            is_leader=number == 0,
        )
    for number in range(4):
        site = make_site(f"Site {number}", place=host, focus_areas=[energy], capacity=10)
        programme_item_create(
            visit=visit,
            site=site,
            day=dt.date(2017, 9, 4 + number % 3),
            start_time=dt.time(9 + number, 0),
        )
    for number in range(3):
        make_site(f"Spare {number}", place=host, focus_areas=[energy, water])
        gift_create(visit=visit, direction="given", description=f"Gift {number}")
        commitment_create(
            visit=visit, description=f"Promise {number}", due_date=dt.date(2017, 10, number + 1)
        )
    return visit


def test_visitors_not_signed_in_see_the_programme_but_not_who_travels_or_what_was_noted(
    client, org
):
    visit = _rich_visit(org)
    Visit.objects.filter(pk=visit.pk).update(notes="Seating plan", report="Went well")

    body = client.get(visit.get_absolute_url()).content.decode()

    assert "Monday 4 September 2017" in body
    assert "丁杰" not in body
    assert "Seating plan" not in body and "Went well" not in body
    assert "overdue" not in body


def test_detail_shows_members_programme_by_day_gifts_and_overdue_commitments(client, org):
    visit = _rich_visit(org)
    client.force_login(make_user("reader"))

    response = client.get(visit.get_absolute_url())

    body = response.content.decode()
    assert "丁杰" in body and "leader" in body
    assert [d.day.day for d in response.context["programme"]] == [4, 5, 6]
    assert "Monday 4 September 2017" in body
    assert "Gift 2" in body
    assert "3 overdue commitments" in body
    assert body.count('class="badge overdue">overdue') == 3
    assert "Suggested showcase sites" not in body  # only for editors


def test_detail_query_count_for_an_editor_is_bounded(client, org, django_assert_max_num_queries):
    visit = _rich_visit(org)
    client.force_login(make_user("host", editor_of=org))

    with django_assert_max_num_queries(22):
        response = client.get(visit.get_absolute_url())

    body = response.content.decode()
    assert "Suggested showcase sites" in body
    assert "Spare 0" in body and "2 shared interests" in body


def test_detail_query_count_for_the_public_is_bounded(client, org, django_assert_max_num_queries):
    visit = _rich_visit(org)
    with django_assert_max_num_queries(12):
        assert client.get(visit.get_absolute_url()).status_code == 200


def test_editor_adds_a_member_inline_and_gets_the_section_back(client, org):
    visit = make_visit(owner=org)
    client.force_login(make_user("host", editor_of=org))

    response = client.post(
        reverse("visits:member_create", args=[visit.pk]),
        {"member-name": "Li Jungfeng", "member-title": "Vice mayor", "member-is_leader": "on"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert response.content.decode().startswith('<section class="card" id="members"')
    member = VisitMember.objects.get()
    assert (member.name, member.title, member.is_leader) == ("Li Jungfeng", "Vice mayor", True)


def test_inline_second_leader_returns_the_section_with_the_error(client, org):
    visit = make_visit(owner=org)
    visit_member_create(visit=visit, name="Ding Jie", is_leader=True)
    client.force_login(make_user("host", editor_of=org))

    response = client.post(
        reverse("visits:member_create", args=[visit.pk]),
        {"member-name": "Second", "member-is_leader": "on"},
        headers={"HX-Request": "true"},
    )

    assert "This delegation already has a leader." in response.content.decode()
    assert VisitMember.objects.count() == 1


def test_member_form_without_htmx_redirects_to_the_visit(client, org):
    visit = make_visit(owner=org)
    client.force_login(make_user("host", editor_of=org))

    response = client.post(
        reverse("visits:member_create", args=[visit.pk]), {"member-name": "Ding Jie"}
    )

    assert response.status_code == 302
    assert response["Location"].endswith("#members")


def test_editor_edits_a_gift_and_marks_a_commitment_done(client, org):
    visit = make_visit(owner=org)
    gift = gift_create(visit=visit, direction="received", description="Vase")
    commitment = commitment_create(visit=visit, description="Write", due_date=dt.date(2017, 10, 1))
    client.force_login(make_user("host", editor_of=org))

    client.post(
        reverse("visits:gift_update", args=[visit.pk, gift.pk]),
        {
            "gift-direction": "received",
            "gift-description": "Porcelain vase",
            "gift-giver": "Baoding",
        },
    )
    response = client.post(
        reverse("visits:commitment_done", args=[visit.pk, commitment.pk]),
        headers={"HX-Request": "true"},
    )

    assert Gift.objects.get().description == "Porcelain vase"
    commitment.refresh_from_db()
    assert commitment.done_on is not None
    assert "overdue" not in response.content.decode()


def test_programme_item_form_refuses_a_day_outside_the_visit(client, org):
    visit = make_visit(owner=org)
    client.force_login(make_user("host", editor_of=org))

    response = client.post(
        reverse("visits:programme_create", args=[visit.pk]),
        {"item-day": "2017-09-10", "item-topic": "Tour"},
    )

    assert response.status_code == 200
    assert "The day must lie within the visit" in response.content.decode()
    assert not visit.programme_items.exists()


@pytest.mark.parametrize(
    "name",
    ["visits:update", "visits:member_create", "visits:gift_create", "visits:commitment_create"],
)
def test_forms_are_for_editors_of_the_owner_only(client, org, name):
    visit = make_visit(owner=org)
    url = reverse(name, args=[visit.pk])

    assert client.get(url).status_code == 302
    client.force_login(make_user("viewer", viewer_of=org))
    assert client.get(url).status_code == 403
    client.force_login(make_user("editor", editor_of=org))
    assert client.get(url).status_code == 200


def test_editor_creates_a_visit(client, org):
    client.force_login(make_user("host", editor_of=org))
    dalian, sonderborg = make_place("Dalian", "CN", "city"), make_place("Sønderborg", "DK")

    response = client.post(
        reverse("visits:create"),
        {
            "title": "Dalian Refrigeration",
            "direction": "incoming",
            "status": "planned",
            "visiting_party": dalian.pk,
            "host": sonderborg.pk,
            "start_date": "2017-09-04",
            "end_date": "2017-09-03",
            "owner": org.pk,
            "is_public": "on",
        },
    )
    assert "A visit cannot end before it begins." in response.content.decode()

    response = client.post(
        reverse("visits:create"),
        {
            "title": "Dalian Refrigeration",
            "direction": "incoming",
            "status": "planned",
            "visiting_party": dalian.pk,
            "host": sonderborg.pk,
            "start_date": "2017-09-04",
            "end_date": "2017-09-05",
            "owner": org.pk,
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    assert client.get(response["Location"]).context["visit"].owner == org


def test_a_visit_started_from_a_partnership_arrives_filled_in(client, org):
    from twinning.partnerships.tests.factories import make_partnership

    sonderborg, dalian = make_place("Sønderborg", "DK"), make_place("Dalian", "CN", "city")
    org.place = sonderborg
    org.save()
    partnership = make_partnership(dalian, sonderborg, owner=org, is_public=False)
    client.force_login(make_user("host", editor_of=org))
    url = reverse("visits:create")

    incoming = client.get(url, {"partnership": partnership.pk, "direction": "incoming"})
    outgoing = client.get(url, {"partnership": partnership.pk, "direction": "outgoing"})

    form = incoming.context["form"]
    assert form["partnership"].value() == partnership.pk
    assert form["owner"].value() == org.pk
    # The owner sits in Sønderborg, the second party: it hosts an incoming visit.
    assert (form["direction"].value(), form["visiting_party"].value(), form["host"].value()) == (
        "incoming",
        dalian.pk,
        sonderborg.pk,
    )
    form = outgoing.context["form"]
    assert (form["visiting_party"].value(), form["host"].value()) == (sonderborg.pk, dalian.pk)


def test_a_partnership_the_user_may_not_see_fills_in_nothing(client, org):
    from twinning.partnerships.tests.factories import make_partnership

    other = make_organisation("Other Kommune")
    hidden = make_partnership(owner=other, is_public=False)
    client.force_login(make_user("host", editor_of=org))

    response = client.get(reverse("visits:create"), {"partnership": hidden.pk})

    assert response.context["form"]["partnership"].value() is None
    assert response.context["form"]["visiting_party"].value() is None


def test_save_and_add_another_opens_the_form_again_from_the_same_partnership(client, org):
    from twinning.partnerships.tests.factories import make_partnership

    dalian, sonderborg = make_place("Dalian", "CN", "city"), make_place("Sønderborg", "DK")
    partnership = make_partnership(sonderborg, dalian, owner=org)
    client.force_login(make_user("host", editor_of=org))
    url = f"{reverse('visits:create')}?partnership={partnership.pk}&direction=incoming"
    data = {
        "title": "Dalian Refrigeration",
        "direction": "incoming",
        "status": "planned",
        "visiting_party": dalian.pk,
        "host": sonderborg.pk,
        "partnership": partnership.pk,
        "start_date": "4.9.2017",
        "end_date": "5.9.2017",
        "owner": org.pk,
    }

    again = client.post(url, {**data, "add_another": "1"})
    plain = client.post(url, {**data, "title": "Second"})

    assert again.status_code == 302 and again["Location"] == url
    assert plain.status_code == 302 and plain["Location"] != url
    page = client.get(again["Location"]).content.decode()
    assert "Save and add another" in page
    assert partnership.visits.count() == 2


def _topics(visit) -> list[str]:
    return [item.topic for item in visit.programme_items.all()]


def test_programme_items_take_their_place_by_time_and_move_within_their_day(client, org):
    visit = make_visit(owner=org)
    day = dt.date(2017, 9, 4)
    programme_item_create(visit=visit, day=day, topic="Lunch", start_time=dt.time(12, 0))
    programme_item_create(visit=visit, day=day, topic="Harbour tour")
    programme_item_create(visit=visit, day=day, topic="Welcome", start_time=dt.time(9, 0))
    programme_item_create(visit=visit, day=dt.date(2017, 9, 5), topic="Farewell")
    assert _topics(visit) == ["Welcome", "Lunch", "Harbour tour", "Farewell"]
    client.force_login(make_user("host", editor_of=org))
    tour = visit.programme_items.get(topic="Harbour tour")
    url = reverse("visits:programme_move", args=[visit.pk, tour.pk])

    response = client.post(url, {"move": "up"}, HTTP_HX_REQUEST="true")
    assert _topics(visit) == ["Welcome", "Harbour tour", "Lunch", "Farewell"]
    client.post(url, {"move": "up"}, HTTP_HX_REQUEST="true")
    client.post(url, {"move": "up"}, HTTP_HX_REQUEST="true")  # already first: stays
    assert _topics(visit) == ["Harbour tour", "Welcome", "Lunch", "Farewell"]
    client.post(url, {"move": "down"})
    assert _topics(visit) == ["Welcome", "Harbour tour", "Lunch", "Farewell"]

    html = response.content.decode()
    assert html.startswith('<section class="card" id="programme"')
    assert f'id="item-{tour.pk}-up"' in html and f'id="item-{tour.pk}-down"' in html


def test_moving_a_programme_item_needs_the_right_to_edit_the_visit(client, org):
    visit = make_visit(owner=org)
    item = programme_item_create(visit=visit, day=dt.date(2017, 9, 4), topic="Welcome")
    client.force_login(make_user("viewer", viewer_of=org))

    response = client.post(
        reverse("visits:programme_move", args=[visit.pk, item.pk]), {"move": "up"}
    )

    assert response.status_code in (403, 404)


def test_programme_items_are_added_on_the_visit_page_one_after_another(client, org):
    visit = make_visit(owner=org)
    client.force_login(make_user("host", editor_of=org))
    url = reverse("visits:programme_create", args=[visit.pk])

    page = client.get(visit.get_absolute_url()).content.decode()
    response = client.post(
        url,
        {"item-day": "5.9.2017", "item-topic": "Factory visit", "item-start_time": "10:00"},
        HTTP_HX_REQUEST="true",
    )

    assert f'action="{url}"' in page
    html = response.content.decode()
    assert "Factory visit" in html
    # The form comes back open, on the day just used, ready for the next item.
    assert "data-focus-first" in html
    assert 'name="item-day" value="5.9.2017"' in html
