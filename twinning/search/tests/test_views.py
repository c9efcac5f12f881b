import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from twinning.places.models import PlaceKind
from twinning.places.services import place_create

pytestmark = pytest.mark.django_db


def test_page_shows_hits_grouped_with_facets_and_marked_snippets(client, registry):
    response = client.get(reverse("search:results"), {"q": "wuxi"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    assert 'id="group-place"' in html and 'id="group-partnership"' in html
    assert "<mark>Wuxi</mark>" in html
    assert registry["wuxi"].get_absolute_url() in html
    assert "China" in html  # the country facet, by name


def test_htmx_request_gets_only_the_results(client, registry):
    response = client.get(reverse("search:results"), {"q": "wuxi"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="group-place"' in html


def test_facet_links_narrow_and_show_more_of_one_kind(client, registry):
    response = client.get(reverse("search:results"), {"q": "wuxi", "type": "place"})
    html = response.content.decode()
    assert 'id="group-partnership"' not in html
    assert 'name="type" value="place"' in html  # typing keeps the kind chosen
    assert "?q=wuxi" in html  # choosing the kind again drops it


def test_text_of_records_is_escaped(client, registry):
    place_create(name="<script>alert('x')</script> Wuxi", kind=PlaceKind.CITY, country="CN")
    html = client.get(reverse("search:results"), {"q": "alert"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_bad_filters_are_named_on_the_page(client, registry):
    response = client.get(reverse("search:results"), {"q": "wuxi", "year": "soon", "country": "x1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Year:" in html and "Country:" in html


@pytest.mark.parametrize("text", ['"', "NEAR(", "*", "-", "x" * 5000, "<b>wuxi</b>"])
def test_hostile_input_renders_a_page(client, registry, text):
    response = client.get(reverse("search:results"), {"q": text})
    assert response.status_code == 200
    assert "<b>wuxi" not in response.content.decode()


def test_empty_page_invites_a_search(client, db):
    response = client.get(reverse("search:results"))
    assert response.status_code == 200
    assert response.context["result"] is None


def test_page_reads_a_fixed_number_of_queries(client, registry, django_assert_max_num_queries):
    for n in range(30):
        place_create(name=f"Wuxi district {n}", kind=PlaceKind.DISTRICT, country="CN")
    # One more each for the names of the focus areas and partnerships in the facets.
    with django_assert_max_num_queries(7):
        response = client.get(reverse("search:results"), {"q": "wuxi"})
    assert response.context["result"].count == 33


def test_members_see_their_private_records_on_the_page(client, registry, member):
    client.force_login(member)
    html = client.get(reverse("search:results"), {"q": "baoding"}).content.decode()
    assert "Sønderborg – Baoding" in html


def test_danish_page_links_to_danish_pages(client, registry):
    response = client.get("/da/search/", {"q": "sonderborg"})
    assert f'href="/da/places/{registry["sonderborg"].pk}/"' in response.content.decode()


def test_header_box_submits_to_the_search_page(db):
    request = RequestFactory().get("/")
    html = render_to_string("search/_box.html", request=request)
    assert f'action="{reverse("search:results")}"' in html
    assert 'name="q"' in html
