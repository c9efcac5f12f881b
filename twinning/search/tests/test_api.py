import pytest

pytestmark = pytest.mark.django_db

URL = "/api/search"


def test_answer_has_groups_items_and_facets(client, registry):
    body = client.get(URL, {"q": "wuxi"}).json()
    assert body["query"] == "wuxi"
    assert body["count"] == 3
    assert [group["type"] for group in body["groups"]] == ["place", "partnership", "source"]
    place = body["groups"][0]["items"][0]
    assert place["id"] == registry["wuxi"].pk
    assert place["title"] == "Wuxi"
    assert place["url"] == registry["wuxi"].get_absolute_url()
    assert place["country"] == "CN"
    assert set(place) >= {"id", "title", "snippet", "url", "country", "year"}
    assert body["facets"]["type"] == {"place": 1, "partnership": 1, "source": 1}
    assert body["facets"]["country"] == {"CN": 2, "DK": 1}
    assert body["facets"]["year"] == {"2016": 1, "2007": 1}


def test_filters_and_limit(client, registry):
    body = client.get(URL, {"q": "wuxi", "type": "partnership", "country": "DK"}).json()
    assert [g["type"] for g in body["groups"]] == ["partnership"]
    assert body["groups"][0]["items"][0]["year"] == 2007
    limited = client.get(URL, {"q": "wuxi", "limit": 1}).json()
    assert all(len(group["items"]) <= 1 for group in limited["groups"])


def test_anonymous_callers_get_public_entries_and_members_more(client, registry, member):
    assert client.get(URL, {"q": "baoding", "type": "partnership"}).json()["count"] == 0
    client.force_login(member)
    assert client.get(URL, {"q": "baoding", "type": "partnership"}).json()["count"] == 1


@pytest.mark.parametrize(
    ("params", "name"),
    [
        ({"type": "planet"}, "type"),
        ({"country": "DNK"}, "country"),
        ({"year": "0"}, "year"),
        ({"limit": "500"}, "limit"),
    ],
)
def test_bad_parameters_give_422_naming_them(client, registry, params, name):
    response = client.get(URL, {"q": "wuxi", **params})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", name]


@pytest.mark.parametrize(
    "text", ['"', '"wuxi"', "NEAR(wuxi", "*", "-", "wuxi*", "a" * 20_000, "无锡 OR 1=1"]
)
def test_hostile_input_gives_results_or_an_empty_list(client, registry, text):
    response = client.get(URL, {"q": text})
    assert response.status_code == 200
    assert isinstance(response.json()["groups"], list)


def test_empty_query_gives_no_hits_without_reading_the_index(
    client, db, django_assert_max_num_queries
):
    with django_assert_max_num_queries(0):
        body = client.get(URL, {"q": ""}).json()
    assert body["count"] == 0 and body["groups"] == []


def test_api_reads_a_fixed_number_of_queries(
    client, registry, member, django_assert_max_num_queries
):
    client.force_login(member)
    # One more each for the names of the focus areas and partnerships in the facets.
    with django_assert_max_num_queries(10):
        response = client.get(URL, {"q": "wuxi", "limit": 50})
    assert response.json()["count"] == 3
