import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from twinning.accounts.models import Membership, Role
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import (
    agreement_create,
    partnership_create,
    partnership_person_add,
)
from twinning.people.models import Person, Post
from twinning.places.services import place_create
from twinning.sources.models import Evidence, Source

pytestmark = pytest.mark.django_db

URL = "/api/partnerships"


def make_place(name, country, kind="municipality", other_names=()):
    return place_create(name=name, kind=kind, country=country, other_names=other_names)


def make_area(slug):
    area, _ = FocusArea.objects.get_or_create(
        slug=slug, defaults={"name_en": slug.title(), "name_da": slug.title()}
    )
    return area


def make_partnership(a, b, **kwargs):
    kwargs.setdefault("kind", "sister_city")
    return partnership_create(party_a=a, party_b=b, **kwargs)


def make_member(username, organisation, role=Role.VIEWER):
    user = get_user_model().objects.create_user(username=username, password="x")
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.fixture
def places():
    return {
        "aarhus": make_place("Aarhus", "DK", other_names=[("da", "Århus")]),
        "odense": make_place("Odense", "DK"),
        "bergen": make_place("Bergen", "NO"),
        "wuxi": make_place("Wuxi", "CN", kind="city", other_names=[("zh", "无锡")]),
        "turku": make_place("Turku", "FI"),
    }


def test_list_item_has_parties_dates_and_focus_slugs(client, places):
    p = make_partnership(
        places["aarhus"],
        places["bergen"],
        since="1946",
        until="2013-06",
        status="terminated",
        termination_reason="Council decision",
        focus_areas=[make_area("culture"), make_area("education")],
    )

    body = client.get(URL).json()

    assert body["count"] == 1
    assert body["items"] == [
        {
            "id": p.pk,
            "kind": "sister_city",
            "status": "terminated",
            "since": "1946",
            "until": "2013-06",
            "focus_areas": ["culture", "education"],
            "parties": [
                {
                    "id": places["aarhus"].pk,
                    "name": "Aarhus",
                    "kind": "municipality",
                    "country": "DK",
                },
                {
                    "id": places["bergen"].pk,
                    "name": "Bergen",
                    "kind": "municipality",
                    "country": "NO",
                },
            ],
        }
    ]


def test_list_gives_null_for_unknown_dates_and_a_full_day(client, places):
    make_partnership(places["aarhus"], places["wuxi"], since="2012-10-02")

    item = client.get(URL).json()["items"][0]

    assert item["since"] == "2012-10-02"
    assert item["until"] is None
    assert item["focus_areas"] == []


def test_list_pages_with_limit_and_offset_and_counts_all_matches(client, places):
    partners = [make_place(f"Town {n:02d}", "SE") for n in range(5)]
    made = [make_partnership(places["aarhus"], town).pk for town in partners]

    first = client.get(URL, {"limit": 2}).json()
    rest = client.get(URL, {"limit": 2, "offset": 2}).json()
    tail = client.get(URL, {"limit": 2, "offset": 4}).json()

    assert first["count"] == rest["count"] == tail["count"] == 5
    assert [i["id"] for i in first["items"] + rest["items"] + tail["items"]] == made
    assert len(tail["items"]) == 1


def test_list_defaults_to_fifty_items_a_page(client, places):
    for n in range(51):
        make_partnership(places["aarhus"], make_place(f"Town {n:02d}", "SE"))

    body = client.get(URL).json()

    assert body["count"] == 51
    assert len(body["items"]) == 50


def test_list_rejects_a_limit_above_five_hundred(client):
    response = client.get(URL, {"limit": 501})

    assert response.status_code == 422
    assert "limit" in response.json()["detail"][0]["loc"]


def test_country_alone_matches_either_party(client, places):
    as_a = make_partnership(places["aarhus"], places["bergen"])
    as_b = make_partnership(places["wuxi"], places["odense"])
    make_partnership(places["bergen"], places["turku"])

    assert ids(client.get(URL, {"country": "DK"})) == {as_a.pk, as_b.pk}
    assert ids(client.get(URL, {"country": "dk"})) == {as_a.pk, as_b.pk}


def test_country_and_partner_country_match_opposite_parties_in_either_order(client, places):
    dk_cn = make_partnership(places["aarhus"], places["wuxi"])
    cn_dk = make_partnership(places["wuxi"], places["odense"])
    dk_no = make_partnership(places["aarhus"], places["bergen"])
    cn_fi = make_partnership(places["wuxi"], places["turku"])

    assert ids(client.get(URL, {"country": "DK", "partner_country": "CN"})) == {
        dk_cn.pk,
        cn_dk.pk,
    }
    assert ids(client.get(URL, {"country": "CN", "partner_country": "DK"})) == {
        dk_cn.pk,
        cn_dk.pk,
    }
    assert dk_no.pk not in ids(client.get(URL, {"country": "DK", "partner_country": "CN"}))
    assert cn_fi.pk not in ids(client.get(URL, {"country": "DK", "partner_country": "CN"}))


def test_country_and_partner_country_of_the_same_country_need_both_parties_there(client, places):
    dk_dk = make_partnership(places["aarhus"], places["odense"])
    make_partnership(places["aarhus"], places["bergen"])

    assert ids(client.get(URL, {"country": "DK", "partner_country": "DK"})) == {dk_dk.pk}


def test_kind_filter_accepts_several_kinds(client, places):
    sister = make_partnership(places["aarhus"], places["bergen"], kind="sister_city")
    letter = make_partnership(places["aarhus"], places["wuxi"], kind="letter_of_intent")
    make_partnership(places["odense"], places["turku"], kind="network")

    assert ids(client.get(URL, {"kind": "letter_of_intent"})) == {letter.pk}
    assert ids(client.get(URL + "?kind=sister_city&kind=letter_of_intent")) == {
        sister.pk,
        letter.pk,
    }


def test_status_filter(client, places):
    active = make_partnership(places["aarhus"], places["bergen"])
    dormant = make_partnership(places["aarhus"], places["wuxi"], status="dormant")

    assert ids(client.get(URL, {"status": "dormant"})) == {dormant.pk}
    assert ids(client.get(URL, {"status": "active"})) == {active.pk}


def test_focus_filter_matches_by_slug_once_per_partnership(client, places):
    water, waste = make_area("water"), make_area("waste")
    both = make_partnership(places["aarhus"], places["wuxi"], focus_areas=[water, waste])
    make_partnership(places["aarhus"], places["bergen"], focus_areas=[make_area("culture")])

    body = client.get(URL + "?focus=water&focus=waste").json()

    assert body["count"] == 1
    assert [item["id"] for item in body["items"]] == [both.pk]


def test_q_matches_party_names_and_other_names_ignoring_accents(client, places):
    wuxi = make_partnership(places["odense"], places["wuxi"])
    aarhus = make_partnership(places["aarhus"], places["bergen"])

    assert ids(client.get(URL, {"q": "wux"})) == {wuxi.pk}
    assert ids(client.get(URL, {"q": "无锡"})) == {wuxi.pk}
    assert ids(client.get(URL, {"q": "ÅRHUS"})) == {aarhus.pk}


def test_bad_status_gives_422_naming_the_parameter(client):
    response = client.get(URL, {"status": "asleep"})

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "status"]
    assert error["msg"].startswith("status:")
    assert "asleep" in error["msg"]


def test_unknown_focus_slug_gives_422(client):
    response = client.get(URL, {"focus": "no-such-area"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "focus"]


def test_private_partnerships_are_hidden_from_anonymous_callers(client, places):
    own = Organisation.objects.create(kind="municipality", name="Aarhus Kommune")
    public = make_partnership(places["aarhus"], places["bergen"])
    private = make_partnership(places["aarhus"], places["wuxi"], owner=own, is_public=False)

    assert ids(client.get(URL)) == {public.pk}
    assert client.get(f"{URL}/{private.pk}").status_code == 404


def test_members_see_their_organisations_private_partnerships(client, places):
    own = Organisation.objects.create(kind="municipality", name="Aarhus Kommune")
    other = Organisation.objects.create(kind="municipality", name="Odense Kommune")
    public = make_partnership(places["aarhus"], places["bergen"])
    mine = make_partnership(places["aarhus"], places["wuxi"], owner=own, is_public=False)
    theirs = make_partnership(places["odense"], places["wuxi"], owner=other, is_public=False)
    client.force_login(make_member("coordinator", own))

    assert ids(client.get(URL)) == {public.pk, mine.pk}
    assert client.get(f"{URL}/{mine.pk}").status_code == 200
    assert client.get(f"{URL}/{theirs.pk}").status_code == 404


def test_missing_partnership_gives_404(client):
    response = client.get(f"{URL}/999999")

    assert response.status_code == 404
    assert response.json() == {"detail": "No such partnership."}


@pytest.fixture
def documented(places):
    """Return a partnership with a chain of agreements, people and evidence."""
    city_hall = Organisation.objects.create(kind="municipality", name="Aarhus Kommune")
    p = make_partnership(
        places["aarhus"],
        places["wuxi"],
        since="2007",
        notes="Three municipalities together.",
        focus_areas=[make_area("cleantech")],
    )
    mayor = Post.objects.create(
        person=Person.objects.create(name="Jacob Bundsgaard"), role="mayor", organisation=city_hall
    )
    founding = agreement_create(
        partnership=p,
        kind="founding",
        title="Letter of friendship",
        signed="2007",
        place_of_signing="Wuxi",
        signatories=[mayor],
        term_months=36,
        expires="2010",
        notice_months=6,
    )
    renewal = agreement_create(
        partnership=p, kind="renewal", signed="2013-06", renews=founding, expires="2016-06"
    )
    partnership_person_add(
        partnership=p, person=Person.objects.create(name="Lene Hansen"), role="coordinator"
    )
    page = Source.objects.create(title="Sister cities", url="https://example.org/twins")
    Evidence.objects.create(
        source=page,
        content_type=ContentType.objects.get_for_model(Partnership),
        object_id=p.pk,
        quote="Aarhus and Wuxi since 2007",
    )
    Evidence.objects.create(
        source=page,
        content_type=ContentType.objects.get_for_model(renewal),
        object_id=renewal.pk,
        quote="renewed in June 2013",
    )
    return p, founding, renewal, city_hall


def test_detail_has_agreements_people_and_sources(client, documented):
    p, founding, renewal, _ = documented

    body = client.get(f"{URL}/{p.pk}").json()

    assert body["id"] == p.pk
    assert body["since"] == "2007"
    assert body["focus_areas"] == ["cleantech"]
    assert body["notes"] == "Three municipalities together."
    assert body["termination_reason"] == ""
    assert body["agreements"] == [
        {
            "id": founding.pk,
            "kind": "founding",
            "title": "Letter of friendship",
            "signed": "2007",
            "place_of_signing": "Wuxi",
            "signatories": [
                {"person": "Jacob Bundsgaard", "role": "mayor", "organisation": "Aarhus Kommune"}
            ],
            "term_months": 36,
            "expires": "2010",
            "notice_months": 6,
            "renews_tacitly": False,
            "notice_given": None,
            "renews": None,
            "translations": {"en": {"title": "Letter of friendship"}},
        },
        {
            "id": renewal.pk,
            "kind": "renewal",
            "title": "",
            "signed": "2013-06",
            "place_of_signing": "",
            "signatories": [],
            "term_months": None,
            "expires": "2016-06",
            "notice_months": None,
            "renews_tacitly": False,
            "notice_given": None,
            "renews": founding.pk,
            "translations": {},
        },
    ]
    assert [(person["name"], person["role"]) for person in body["people"]] == [
        ("Lene Hansen", "coordinator")
    ]
    assert sorted(body["sources"], key=lambda s: s["quote"]) == [
        {
            "title": "Sister cities",
            "url": "https://example.org/twins",
            "quote": "Aarhus and Wuxi since 2007",
        },
        {
            "title": "Sister cities",
            "url": "https://example.org/twins",
            "quote": "renewed in June 2013",
        },
    ]


def test_detail_hides_private_people_and_sources_from_anonymous_callers(client, documented):
    p, founding, _, city_hall = documented
    hidden = Person.objects.create(name="Secret Contact", owner=city_hall, is_public=False)
    partnership_person_add(partnership=p, person=hidden, role="contact")
    founding.signatories.add(Post.objects.create(person=hidden, role="deputy"))
    memo = Source.objects.create(title="Internal memo", owner=city_hall, is_public=False)
    Evidence.objects.create(
        source=memo,
        content_type=ContentType.objects.get_for_model(Partnership),
        object_id=p.pk,
        quote="internal",
    )

    anonymous = client.get(f"{URL}/{p.pk}").json()
    client.force_login(make_member("coordinator", city_hall))
    member = client.get(f"{URL}/{p.pk}").json()

    assert "Secret Contact" not in [person["name"] for person in anonymous["people"]]
    assert "Secret Contact" not in [s["person"] for s in anonymous["agreements"][0]["signatories"]]
    assert "Internal memo" not in [source["title"] for source in anonymous["sources"]]
    assert "Secret Contact" in [person["name"] for person in member["people"]]
    assert "Secret Contact" in [s["person"] for s in member["agreements"][0]["signatories"]]
    assert "Internal memo" in [source["title"] for source in member["sources"]]


def _many_partnerships(places, count):
    areas = [make_area("water"), make_area("culture"), make_area("education")]
    for n in range(count):
        make_partnership(
            places["aarhus"], make_place(f"Town {n:02d}", "SE"), focus_areas=areas[: 1 + n % 3]
        )


def test_list_queries_do_not_grow_with_rows(client, places, django_assert_max_num_queries):
    _many_partnerships(places, 25)

    # The state of the data (for the response cache, then for the cached order), the
    # ordered ids, a page of rows with both parties joined, and all focus areas at once.
    with django_assert_max_num_queries(5):
        body = client.get(URL).json()
    assert body["count"] == 25
    assert all(item["focus_areas"] for item in body["items"])
    # Filtering by focus adds only the look-up of the given slugs.
    with django_assert_max_num_queries(6):
        body = client.get(URL, {"focus": "water"}).json()
    assert body["count"] == 25


def test_list_queries_for_a_member_add_only_the_session_and_memberships(
    client, places, django_assert_max_num_queries
):
    own = Organisation.objects.create(kind="municipality", name="Aarhus Kommune")
    _many_partnerships(places, 25)
    client.force_login(make_member("coordinator", own))

    # Those of an anonymous caller plus the session, the user and the memberships.
    with django_assert_max_num_queries(8):
        body = client.get(URL).json()
    assert body["count"] == 25


def test_detail_queries_do_not_grow_with_agreements(
    client, documented, django_assert_max_num_queries
):
    p, founding, _, city_hall = documented
    for year in range(2016, 2025, 3):
        signer = Post.objects.create(
            person=Person.objects.create(name=f"Mayor {year}"), role="mayor", organisation=city_hall
        )
        agreement_create(partnership=p, kind="renewal", signed=str(year), signatories=[signer])

    # The partnership, focus areas, agreements, signatories, people links and people, the
    # visibility check of the people, the evidence with its sources, and the data stamp.
    with django_assert_max_num_queries(9):
        body = client.get(f"{URL}/{p.pk}").json()
    assert len(body["agreements"]) == 5


def test_repeated_list_reads_only_the_data_stamp(client, places, django_assert_max_num_queries):
    _many_partnerships(places, 5)
    first = client.get(URL).json()

    with django_assert_max_num_queries(1):
        again = client.get(URL).json()
    assert again == first


def test_cached_list_shows_a_change_at_once(client, places):
    partnership = make_partnership(places["aarhus"], places["bergen"])
    assert client.get(URL).json()["items"][0]["status"] == "active"

    partnership.status = "dormant"
    partnership.save()

    assert client.get(URL).json()["items"][0]["status"] == "dormant"


def test_token_caller_is_not_answered_from_the_anonymous_cache(client, places):
    from twinning.accounts.services import api_token_create

    own = Organisation.objects.create(kind="municipality", name="Aarhus Kommune")
    public = make_partnership(places["aarhus"], places["bergen"])
    mine = make_partnership(places["aarhus"], places["wuxi"], owner=own, is_public=False)
    _token, secret = api_token_create(user=make_member("coordinator", own), name="sync")

    assert ids(client.get(URL)) == {public.pk}
    response = client.get(URL, headers={"authorization": f"Bearer {secret}"})
    assert ids(response) == {public.pk, mine.pk}
    assert ids(client.get(URL)) == {public.pk}


def test_members_and_anonymous_callers_get_their_own_cached_detail(client, places):
    own = Organisation.objects.create(kind="municipality", name="Aarhus Kommune")
    mine = make_partnership(places["aarhus"], places["wuxi"], owner=own, is_public=False)
    client.force_login(make_member("coordinator", own))
    assert client.get(f"{URL}/{mine.pk}").status_code == 200

    client.logout()
    assert client.get(f"{URL}/{mine.pk}").status_code == 404
