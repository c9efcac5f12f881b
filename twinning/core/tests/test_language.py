"""The language switch, the menu in the chosen language and the error pages."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

pytestmark = pytest.mark.django_db

MENU_LINK = re.compile(r'<nav class="main-nav".*?</nav>', re.S)


def _menu_links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', MENU_LINK.search(html).group(0))


def test_menu_follows_the_language_of_each_page_in_turn(client):
    for prefix in ["/da/", "/", "/da/"]:
        links = _menu_links(client.get(prefix).content.decode())
        assert len(links) > 15
        if prefix == "/da/":
            assert all(link.startswith("/da/") for link in links), links
        else:
            assert not any(link.startswith("/da/") for link in links), links


def test_switch_links_to_the_same_page_and_query_in_the_other_language(client):
    html = client.get("/da/activities/?year=2015&page=2").content.decode()
    assert 'href="/activities/?year=2015&amp;page=2" hreflang="en" lang="en"' in html
    assert ">English</a>" in html
    html = client.get("/activities/?year=2015").content.decode()
    assert 'href="/da/activities/?year=2015" hreflang="da" lang="da"' in html
    assert ">Dansk</a>" in html


def test_switch_is_a_link_not_a_control_that_acts_on_change(client):
    html = client.get("/da/partnerships/").content.decode()
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    assert "onchange" not in switch and "<select" not in switch


@pytest.mark.parametrize(
    ("next_url", "language", "expected"),
    [
        ("/da/activities/?page=2", "en", "/activities/?page=2"),
        ("/activities/", "da", "/da/activities/"),
        ("/da/partnerships/", "da", "/da/partnerships/"),
    ],
)
def test_set_language_moves_next_into_the_chosen_language(client, next_url, language, expected):
    response = client.post("/i18n/setlang/", {"next": next_url, "language": language})
    assert response.status_code == 302
    assert response["Location"] == expected
    assert response.cookies["django_language"].value == language


def test_missing_page_answers_in_the_language_of_its_address(client):
    response = client.get("/da/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert "Siden findes ikke" in html
    assert 'href="/no-such-page/" hreflang="en"' in html
    english = client.get("/no-such-page/").content.decode()
    assert "Page not found" in english and 'href="/da/no-such-page/"' in english


def test_server_error_page_is_translated():
    with translation.override("da"):
        html = render_to_string("500.html")
    assert '<html lang="da">' in html
    assert "Der skete en fejl" in html
    assert 'href="/da/"' in html
