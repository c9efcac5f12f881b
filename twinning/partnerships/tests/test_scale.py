"""Behaviour that keeps the pages fast with a national or world registry."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from twinning.core import lookups
from twinning.core.bulk import create_with_history, reserve_ids
from twinning.partnerships.forms import PartnershipForm
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import partnership_delete
from twinning.partnerships.tests.factories import (
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.places.models import Place

pytestmark = pytest.mark.django_db

LIST = reverse("partnerships:list")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_list_shows_a_partnership_added_after_its_order_was_cached(client):
    aarhus, kiel, wuxi = make_place("Aarhus"), make_place("Kiel", "DE"), make_place("Wuxi", "CN")
    make_partnership(aarhus, kiel)
    assert [str(p) for p in client.get(LIST).context["partnerships"]] == ["Aarhus – Kiel"]

    make_partnership(aarhus, wuxi)

    shown = [str(p) for p in client.get(LIST).context["partnerships"]]
    assert shown == ["Aarhus – Kiel", "Aarhus – Wuxi"]


def test_list_leaves_out_a_deleted_partnership_at_once(client):
    aarhus = make_place("Aarhus")
    kept = make_partnership(aarhus, make_place("Kiel", "DE"))
    gone = make_partnership(aarhus, make_place("Wuxi", "CN"))
    client.get(LIST)

    partnership_delete(partnership=gone)

    assert list(client.get(LIST).context["partnerships"]) == [kept]
    assert client.get("/api/partnerships").json()["count"] == 1


def test_form_lists_every_place_while_there_are_few(monkeypatch):
    make_place("Aarhus")
    make_place("Kiel", "DE")
    form = PartnershipForm(user=make_user("editor", editor_of=make_organisation()))
    html = str(form["party_a"])

    assert html.count("<option") == 3
    assert 'data-complete="true"' in html


def test_form_beyond_the_limit_lists_only_the_chosen_place_and_looks_up_the_rest(monkeypatch):
    monkeypatch.setattr(lookups, "MAX_OPTIONS", 1)
    aarhus, kiel = make_place("Aarhus"), make_place("Kiel", "DE")
    editor = make_user("editor", editor_of=make_organisation())

    form = PartnershipForm(data={"party_a": str(kiel.pk), "party_b": "x"}, user=editor)
    html = str(form["party_a"])

    assert "Kiel (DE)" in html
    assert "Aarhus" not in html
    assert 'data-complete="false"' in html
    assert reverse("core:lookup", args=["places"]) in html
    # Any place may still be chosen: validation looks in every place, not the options.
    form = PartnershipForm(
        data={"party_a": str(aarhus.pk), "party_b": str(kiel.pk), "kind": "sister_city"},
        user=editor,
    )
    form.is_valid()
    assert "party_a" not in form.errors


def test_place_lookup_finds_places_by_the_start_of_their_names(client):
    make_place("Kielce", "PL")
    make_place("Kiel", "DE")
    make_place("Aarhus")
    client.force_login(make_user("editor", editor_of=make_organisation()))

    response = client.get(reverse("core:lookup", args=["places"]), {"q": "kiel"})

    assert [option["text"] for option in response.json()["results"]] == [
        "Kiel (DE)",
        "Kielce (PL)",
    ]


def test_place_lookup_needs_a_login(client):
    response = client.get(reverse("core:lookup", args=["places"]), {"q": "kiel"})
    assert response.status_code == 302


def test_bulk_creation_writes_history_and_never_reuses_a_deleted_id():
    first = make_place("Aarhus")
    last = make_place("Kiel", "DE")
    last_id = last.pk
    last.delete()

    ids = create_with_history(
        Place, [{"name": "Wuxi", "kind": "city", "country": "CN", "search_key": "wuxi"}]
    )

    assert ids[0] > last_id > first.pk
    wuxi = Place.objects.get(pk=ids[0])
    assert (wuxi.name, wuxi.country.code, wuxi.created_at is not None) == ("Wuxi", "CN", True)
    assert list(Place.history.filter(id=ids[0]).values_list("history_type", flat=True)) == ["+"]
    assert reserve_ids(Partnership, 0) == []
