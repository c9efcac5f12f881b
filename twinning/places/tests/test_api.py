import pytest

from twinning.places.services import place_create

pytestmark = pytest.mark.django_db

URL = "/api/places"


def make_place(name, kind="municipality", country="DK", **kwargs):
    return place_create(name=name, kind=kind, country=country, **kwargs)


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_list_item_has_parent_coordinates_and_other_names(client):
    jiangsu = make_place("Jiangsu", kind="province", country="CN")
    wuxi = make_place(
        "Wuxi",
        kind="city",
        country="CN",
        parent=jiangsu,
        latitude=31.57,
        longitude=120.3,
        other_names=[("zh", "无锡"), ("da", "Wuxi")],
    )

    body = client.get(URL, {"q": "wuxi"}).json()

    assert body["count"] == 1
    assert body["items"] == [
        {
            "id": wuxi.pk,
            "name": "Wuxi",
            "kind": "city",
            "country": "CN",
            "parent": {"id": jiangsu.pk, "name": "Jiangsu"},
            "latitude": 31.57,
            "longitude": 120.3,
            "other_names": [
                {"name": "Wuxi", "language": "da"},
                {"name": "无锡", "language": "zh"},
            ],
        }
    ]


def test_list_gives_null_for_missing_parent_country_and_coordinates(client):
    make_place("Bycirklen", kind="group", country="")

    item = client.get(URL).json()["items"][0]

    assert item["parent"] is None
    assert item["country"] is None
    assert item["latitude"] is None
    assert item["other_names"] == []


def test_q_matches_other_names_ignoring_accents(client):
    aarhus = make_place("Aarhus", other_names=[("da", "Århus")])
    make_place("Odense")

    assert ids(client.get(URL, {"q": "århus"})) == {aarhus.pk}
    assert ids(client.get(URL, {"q": "ARHUS"})) == {aarhus.pk}


def test_kind_country_and_parent_filters(client):
    denmark_region = make_place("Region Midtjylland", kind="region")
    aarhus = make_place("Aarhus", parent=denmark_region)
    make_place("Odense")
    wuxi = make_place("Wuxi", kind="city", country="CN")

    assert ids(client.get(URL, {"kind": "city"})) == {wuxi.pk}
    assert ids(client.get(URL, {"country": "CN"})) == {wuxi.pk}
    assert ids(client.get(URL, {"parent": denmark_region.pk})) == {aarhus.pk}


def test_bad_kind_gives_422_naming_the_parameter(client):
    response = client.get(URL, {"kind": "village"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "kind"]


def test_list_pages_with_limit_and_offset(client):
    made = [make_place(f"Town {n:02d}").pk for n in range(5)]

    first = client.get(URL, {"limit": 3}).json()
    second = client.get(URL, {"limit": 3, "offset": 3}).json()

    assert first["count"] == second["count"] == 5
    assert [item["id"] for item in first["items"] + second["items"]] == made


def test_list_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    region = make_place("Region Syddanmark", kind="region")
    for n in range(25):
        make_place(f"Town {n:02d}", parent=region, other_names=[("da", f"By {n}")])

    # A count, a page of places with their parents joined, and one query for all names.
    with django_assert_max_num_queries(3):
        body = client.get(URL).json()
    assert body["count"] == 26
    assert all(item["other_names"] for item in body["items"] if item["name"].startswith("Town"))


def test_detail_has_children_members_and_groups(client):
    ballerup, egedal = make_place("Ballerup"), make_place("Egedal")
    group = make_place("Bycirklen", kind="group", members=[ballerup, egedal])
    district = make_place("Skovlunde", kind="district", parent=ballerup)

    body = client.get(f"{URL}/{ballerup.pk}").json()
    group_body = client.get(f"{URL}/{group.pk}").json()

    assert body["name"] == "Ballerup"
    assert body["children"] == [{"id": district.pk, "name": "Skovlunde"}]
    assert body["groups"] == [{"id": group.pk, "name": "Bycirklen"}]
    assert [member["name"] for member in group_body["members"]] == ["Ballerup", "Egedal"]


def test_detail_queries_are_few(client, django_assert_max_num_queries):
    region = make_place("Region Hovedstaden", kind="region")
    place = make_place("Ballerup", parent=region, other_names=[("da", "Ballerup Kommune")])
    for n in range(5):
        make_place(f"District {n}", kind="district", parent=place)

    with django_assert_max_num_queries(5):
        body = client.get(f"{URL}/{place.pk}").json()
    assert len(body["children"]) == 5


def test_missing_place_gives_404(client):
    response = client.get(f"{URL}/999999")

    assert response.status_code == 404
    assert response.json() == {"detail": "No such place."}
