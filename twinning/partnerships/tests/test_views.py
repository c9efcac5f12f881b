import pytest
from django.urls import reverse
from django.utils import translation

from twinning.partnerships.models import Partnership, PartnershipStatus
from twinning.partnerships.services import partnership_update
from twinning.partnerships.tests.factories import (
    make_agreement,
    make_area,
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.people.models import Person, Post
from twinning.sources.models import Evidence, Source

pytestmark = pytest.mark.django_db

LIST = reverse("partnerships:list")


def names_in(response) -> set[str]:
    return {str(p) for p in response.context["partnerships"]}


@pytest.fixture
def org():
    return make_organisation("Aarhus Kommune")


@pytest.fixture
def places():
    return {
        "aarhus": make_place("Aarhus", "DK"),
        "bergen": make_place("Bergen", "NO"),
        "wuxi": make_place("Wuxi", "CN", "city"),
        "turku": make_place("Turku", "FI"),
    }


def test_anonymous_list_shows_public_partnerships_only(client, org, places):
    make_partnership(places["aarhus"], places["bergen"], owner=org)
    make_partnership(places["aarhus"], places["wuxi"], owner=org, is_public=False)

    response = client.get(LIST)

    assert response.status_code == 200
    assert names_in(response) == {"Aarhus – Bergen"}


def test_member_of_owner_sees_private_partnership_in_list(client, org, places):
    make_partnership(places["aarhus"], places["wuxi"], owner=org, is_public=False)
    client.force_login(make_user("viewer", viewer_of=org))

    assert names_in(client.get(LIST)) == {"Aarhus – Wuxi"}


def test_private_partnership_detail_is_404_for_anonymous_and_other_organisations(
    client, org, places
):
    private = make_partnership(places["aarhus"], places["wuxi"], owner=org, is_public=False)
    url = reverse("partnerships:detail", args=[private.pk])

    assert client.get(url).status_code == 404
    client.force_login(make_user("outsider", editor_of=make_organisation("Odense Kommune")))
    assert client.get(url).status_code == 404
    client.force_login(make_user("insider", viewer_of=org))
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=CN", {"Aarhus – Wuxi"}),
        ("country=DK&partner_country=NO", {"Aarhus – Bergen"}),
        ("partner_country=FI", {"Bergen – Turku"}),
        ("kind=cooperation_agreement", {"Aarhus – Wuxi"}),
        ("status=terminated", {"Bergen – Turku"}),
        ("focus=cleantech", {"Aarhus – Wuxi"}),
        ("q=bergen", {"Aarhus – Bergen", "Bergen – Turku"}),
        ("since_from=2000", {"Aarhus – Wuxi"}),
        ("since_to=1960", {"Aarhus – Bergen"}),
    ],
)
def test_list_filters(client, places, query, expected):
    cleantech = make_area("cleantech")
    make_partnership(places["aarhus"], places["bergen"], since="1946")
    make_partnership(
        places["aarhus"],
        places["wuxi"],
        kind="cooperation_agreement",
        since="2007-06",
        focus_areas=[cleantech],
    )
    make_partnership(
        places["bergen"],
        places["turku"],
        since="1970",
        status=PartnershipStatus.TERMINATED,
        until="1990",
        termination_reason="Ended.",
    )

    assert names_in(client.get(f"{LIST}?{query}")) == expected


def test_list_sorts_by_since_both_ways_with_unknown_dates_last(client, places):
    make_partnership(places["aarhus"], places["bergen"], since="1946")
    make_partnership(places["aarhus"], places["wuxi"], since="2007-06")
    make_partnership(places["bergen"], places["turku"])

    ascending = [str(p) for p in client.get(f"{LIST}?sort=since").context["partnerships"]]
    descending = [str(p) for p in client.get(f"{LIST}?sort=-since").context["partnerships"]]

    assert ascending == ["Aarhus – Bergen", "Aarhus – Wuxi", "Bergen – Turku"]
    assert descending == ["Aarhus – Wuxi", "Aarhus – Bergen", "Bergen – Turku"]


def test_list_pages_fifty_at_a_time(client):
    hub = make_place("Hub", "DK")
    for number in range(55):
        make_partnership(hub, make_place(f"Partner {number:02d}", "SE"))

    first = client.get(LIST)
    second = client.get(f"{LIST}?page=2")

    assert len(first.context["partnerships"]) == 50
    assert len(second.context["partnerships"]) == 5
    assert first.context["page_obj"].paginator.count == 55


def test_htmx_request_gets_the_results_partial_only(client, places):
    make_partnership(places["aarhus"], places["bergen"])

    response = client.get(f"{LIST}?country=NO", headers={"HX-Request": "true"})

    body = response.content.decode()
    assert "Bergen" in body
    assert "<html" not in body
    assert 'id="results"' not in body
    assert [t.name for t in response.templates][0] == "partnerships/_results.html"


def test_full_list_page_has_the_filter_form_and_results_region(client, places):
    make_partnership(places["aarhus"], places["bergen"])

    body = client.get(LIST).content.decode()

    assert "<html" in body
    assert 'id="results"' in body
    assert 'hx-get="' in body


def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    areas = [make_area("water"), make_area("culture")]
    hub = make_place("Hub", "DK")
    for number in range(12):
        make_partnership(hub, make_place(f"P{number}", "CN"), focus_areas=areas)

    # Cold: data stamp, party countries (two), order of ids, rows, focus areas (two), and
    # the site's identity for the header (then cached as well).
    with django_assert_max_num_queries(9):
        response = client.get(LIST)
    assert len(response.context["partnerships"]) == 12
    # Warm: the order and the drawn table come from the caches; only the stamp is read.
    with django_assert_max_num_queries(1):
        again = client.get(LIST)
    assert again.content.count(b"<tr>") == response.content.count(b"<tr>") == 13


def test_list_shows_a_change_at_once_despite_the_fragment_cache(client, places):
    partnership = make_partnership(places["aarhus"], places["bergen"])
    assert "Sister city" in client.get(LIST).content.decode()

    partnership.kind = "friendship_city"
    partnership.save()

    body = client.get(LIST).content.decode()
    assert "Friendship city" in body and "Sister city" not in body


def _rich_partnership(org):
    country = make_place("China", "CN", "country")
    province = make_place("Jiangsu", "CN", "province", parent=country)
    wuxi = make_place("Wuxi", "CN", "city", parent=province)
    partnership = make_partnership(
        make_place("Bycirklen", "DK", "group"),
        wuxi,
        kind="cooperation_agreement",
        since="2007-06",
        owner=org,
        focus_areas=[make_area("water"), make_area("education")],
    )
    signatories = []
    for number in range(3):
        person = Person.objects.create(name=f"Mayor {number}", owner=org)
        signatories.append(Post.objects.create(person=person, role="Mayor", organisation=org))
    founding = make_agreement(
        partnership, signed="2007-06-12", place_of_signing="Wuxi", signatories=signatories
    )
    renewal = make_agreement(
        partnership, kind="renewal", signed="2013-06", renews=founding, expires="2016-06"
    )
    make_agreement(partnership, kind="renewal", signed="2016-06", renews=renewal)
    source = Source.objects.create(title="Evaluation report 2016", owner=org)
    for number in range(3):
        Evidence.objects.create(source=source, fact=partnership, quote=f"Quoted passage {number}")
    for note in ("one", "two", "three"):
        partnership_update(partnership=partnership, notes=note)
    return partnership


def test_detail_shows_parties_agreements_sources_and_history(client, org):
    partnership = _rich_partnership(org)

    response = client.get(partnership.get_absolute_url())

    body = response.content.decode()
    assert "Jiangsu" in body and "China" in body
    assert "12 June 2007" in body
    assert "Mayor 0, Mayor" in body
    assert f'href="#agreement-{partnership.agreements.order_by("signed").first().pk}"' in body
    assert "Quoted passage 1" in body
    history = response.context["history"]
    assert any("notes" in change.fields for change in history)


def test_detail_query_count_is_bounded(client, org, django_assert_max_num_queries):
    partnership = _rich_partnership(org)

    # The partnership, the stamp, and one query per section or prefetch: agreements with
    # their signatories (only those the visitor may see), people, evidence, sources' own
    # statements, institution pairs, projects and history; after the cached body, the files
    # kept on it. None grows with the rows.
    with django_assert_max_num_queries(18):
        response = client.get(partnership.get_absolute_url())
    assert response.status_code == 200
    # Drawn once, the body comes from the fragment cache: the partnership, the stamp, and
    # the files, whose panel holds a form and is never cached.
    with django_assert_max_num_queries(3):
        again = client.get(partnership.get_absolute_url())
    assert again.content.count(b"<section") == response.content.count(b"<section") > 3


def test_detail_shows_a_new_agreement_at_once_despite_the_fragment_cache(client, org):
    partnership = _rich_partnership(org)
    client.get(partnership.get_absolute_url())

    make_agreement(partnership, signed="2016", title="Third renewal")

    assert "Third renewal" in client.get(partnership.get_absolute_url()).content.decode()


def test_detail_in_danish_shows_danish_month_names(client, places):
    partnership = make_partnership(places["aarhus"], places["bergen"], since="2012-10-02")

    with translation.override("da"):
        url = partnership.get_absolute_url()
    body = client.get(url).content.decode()

    assert url.startswith("/da/")
    assert "2. oktober 2012" in body


def _form_data(party_a, party_b, org, **overrides):
    data = {
        "party_a": party_a.pk,
        "party_b": party_b.pk,
        "kind": "sister_city",
        "status": "active",
        "since": "1946",
        "until": "",
        "termination_reason": "",
        "notes": "",
        "owner": org.pk,
        "is_public": "on",
    }
    data.update(overrides)
    return data


def test_anonymous_is_sent_to_login_from_the_forms(client, org, places):
    partnership = make_partnership(places["aarhus"], places["bergen"], owner=org)

    for url in (
        reverse("partnerships:create"),
        reverse("partnerships:update", args=[partnership.pk]),
        reverse("partnerships:agreement_create", args=[partnership.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_viewer_may_not_create(client, org):
    client.force_login(make_user("viewer", viewer_of=org))

    assert client.get(reverse("partnerships:create")).status_code == 403


def test_editor_of_another_organisation_gets_403_on_edit(client, org, places):
    partnership = make_partnership(places["aarhus"], places["bergen"], owner=org)
    other = make_organisation("Odense Kommune")
    client.force_login(make_user("odense", editor_of=other))
    data = _form_data(places["aarhus"], places["bergen"], other, notes="taken over")

    assert client.get(reverse("partnerships:update", args=[partnership.pk])).status_code == 403
    response = client.post(reverse("partnerships:update", args=[partnership.pk]), data)
    assert response.status_code == 403
    assert (
        client.post(
            reverse("partnerships:agreement_create", args=[partnership.pk]), {"kind": "renewal"}
        ).status_code
        == 403
    )
    partnership.refresh_from_db()
    assert partnership.notes == ""


def test_create_through_the_form_is_recorded_in_history_with_the_user(client, org, places):
    editor = make_user("editor", editor_of=org)
    client.force_login(editor)
    water = make_area("water")
    data = _form_data(places["aarhus"], places["wuxi"], org, focus_areas=[water.pk])

    response = client.post(reverse("partnerships:create"), data)

    partnership = Partnership.objects.get()
    assert response.status_code == 302
    assert response["Location"] == partnership.get_absolute_url()
    assert partnership.owner == org
    assert list(partnership.focus_areas.all()) == [water]
    assert partnership.history.first().history_user == editor
    detail = client.get(partnership.get_absolute_url())
    assert detail.context["history"][0].who == editor


def test_edit_through_the_form_changes_the_partnership(client, org, places):
    partnership = make_partnership(places["aarhus"], places["bergen"], owner=org)
    client.force_login(make_user("editor", editor_of=org))
    data = _form_data(
        places["aarhus"],
        places["bergen"],
        org,
        status="terminated",
        until="2022-03-09",
        termination_reason="Ended by the council.",
    )

    response = client.post(reverse("partnerships:update", args=[partnership.pk]), data)

    assert response.status_code == 302
    partnership.refresh_from_db()
    assert partnership.status == "terminated"
    assert partnership.until.format("en") == "9 March 2022"
    changes = client.get(partnership.get_absolute_url()).context["history"]
    assert {"status", "until", "reason for ending"} <= set(changes[0].fields)


def test_invalid_partial_date_shows_an_error(client, org, places):
    client.force_login(make_user("editor", editor_of=org))
    data = _form_data(places["aarhus"], places["bergen"], org, since="2013-13")

    response = client.post(reverse("partnerships:create"), data)

    assert response.status_code == 200
    assert response.context["form"].errors["since"]
    assert "Month 13 does not exist." in response.content.decode()
    assert not Partnership.objects.exists()


def test_model_rules_show_as_form_errors(client, org, places):
    client.force_login(make_user("editor", editor_of=org))
    data = _form_data(places["aarhus"], places["aarhus"], org)

    response = client.post(reverse("partnerships:create"), data)

    assert response.status_code == 200
    assert "two different parties" in response.content.decode()


def test_editor_cannot_file_a_partnership_under_another_organisation(client, org, places):
    client.force_login(make_user("editor", editor_of=org))
    other = make_organisation("Odense Kommune")

    response = client.post(
        reverse("partnerships:create"), _form_data(places["aarhus"], places["bergen"], other)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["owner"]
    assert not Partnership.objects.exists()


def test_agreement_added_through_the_form_renews_an_earlier_one(client, org, places):
    partnership = make_partnership(places["aarhus"], places["wuxi"], owner=org)
    founding = make_agreement(partnership, signed="2007-06")
    client.force_login(make_user("editor", editor_of=org))

    response = client.post(
        reverse("partnerships:agreement_create", args=[partnership.pk]),
        {"kind": "renewal", "signed": "2013-06", "expires": "2016-06", "renews": founding.pk},
    )

    assert response.status_code == 302
    renewal = partnership.agreements.get(kind="renewal")
    assert renewal.renews == founding
    assert response["Location"].endswith(f"#agreement-{renewal.pk}")


def test_agreement_form_offers_only_the_same_partnerships_agreements_to_renew(client, org, places):
    partnership = make_partnership(places["aarhus"], places["wuxi"], owner=org)
    own = make_agreement(partnership, signed="2007")
    foreign = make_agreement(make_partnership(places["bergen"], places["turku"]), signed="2008")
    client.force_login(make_user("editor", editor_of=org))
    url = reverse("partnerships:agreement_create", args=[partnership.pk])

    offered = set(client.get(url).context["form"].fields["renews"].queryset)
    response = client.post(url, {"kind": "renewal", "renews": foreign.pk})

    assert offered == {own}
    assert response.status_code == 200
    assert response.context["form"].errors["renews"]


def test_agreement_edit_changes_the_agreement(client, org, places):
    partnership = make_partnership(places["aarhus"], places["wuxi"], owner=org)
    agreement = make_agreement(partnership, signed="2007")
    client.force_login(make_user("editor", editor_of=org))

    response = client.post(
        reverse("partnerships:agreement_update", args=[partnership.pk, agreement.pk]),
        {"kind": "founding", "signed": "2007-06-12", "place_of_signing": "Wuxi"},
    )

    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.place_of_signing == "Wuxi"
    assert agreement.signed.isoformat() == "2007-06-12"


def test_unreadable_year_filter_is_reported_not_a_server_error(client, places):
    make_partnership(places["aarhus"], places["bergen"], since="1946")

    response = client.get(f"{LIST}?since_from=abcd")

    assert response.status_code == 200
    assert "is not a date" in response.content.decode()
    assert names_in(response) == {"Aarhus – Bergen"}
