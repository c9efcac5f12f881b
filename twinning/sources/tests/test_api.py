import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from twinning.accounts.models import Role
from twinning.accounts.services import api_token_create, membership_set, user_create
from twinning.organisations.models import OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.partnerships.services import partnership_create
from twinning.places.models import PlaceKind
from twinning.places.services import place_create
from twinning.sources.models import Evidence, Source
from twinning.sources.services import evidence_add, source_create

pytestmark = pytest.mark.django_db

URL = "/api/sources"
TEXT = "Odense and Kiel signed a friendship agreement in 1964."


@pytest.fixture
def world():
    office = organisation_create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    other = organisation_create(name="Elsewhere", kind=OrganisationKind.MUNICIPALITY)
    editor = user_create(username="editor", password="pw-editor-123456")
    membership_set(user=editor, organisation=office, role=Role.EDITOR)
    viewer = user_create(username="viewer", password="pw-viewer-123456")
    membership_set(user=viewer, organisation=office, role=Role.VIEWER)
    stranger = user_create(username="stranger", password="pw-stranger-123456")
    membership_set(user=stranger, organisation=other, role=Role.EDITOR)
    odense = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")
    kiel = place_create(name="Kiel", kind=PlaceKind.CITY, country="DE")
    partnership = partnership_create(party_a=odense, party_b=kiel, kind="sister_city")
    source = source_create(
        title="Town history", kind="report", text=TEXT, owner=office, published="2001-05"
    )
    return locals()


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_list_item_shape_has_no_text(world):
    body = Client().get(URL).json()

    assert body == {
        "count": 1,
        "items": [
            {
                "id": world["source"].pk,
                "kind": "report",
                "title": "Town history",
                "url": "",
                "language": "",
                "published": "2001-05",
                "publisher": None,
                "owner": world["office"].pk,
                "is_public": True,
            }
        ],
    }


def test_filters_by_year_kind_and_text(world):
    news = source_create(title="Harbour news", kind="news", published="2019-03-01")

    assert ids(Client().get(URL, {"year": 2019})) == {news.pk}
    assert ids(Client().get(URL, {"kind": "report"})) == {world["source"].pk}
    assert ids(Client().get(URL, {"q": "harbour"})) == {news.pk}
    assert Client().get(URL, {"kind": "rumour"}).status_code == 422


def test_private_source_is_seen_by_members_and_404_for_others(world):
    hidden = source_create(title="Memo", kind="other", owner=world["office"], is_public=False)

    assert hidden.pk not in ids(Client().get(URL))
    assert hidden.pk in ids(Client().get(URL, **bearer(world["viewer"])))
    assert Client().get(f"{URL}/{hidden.pk}", **bearer(world["stranger"])).status_code == 404
    assert send("delete", f"{URL}/{hidden.pk}", **bearer(world["stranger"])).status_code == 404
    assert Source.objects.filter(pk=hidden.pk).exists()


def test_list_and_detail_queries_do_not_grow(world, django_assert_max_num_queries):
    for n in range(20):
        source_create(title=f"Item {n:02d}", kind="news", publisher=world["office"])
    for quote in ("Odense", "Kiel", "1964"):
        evidence_add(source=world["source"], fact=world["partnership"], quote=quote)
    evidence_add(source=world["source"], fact=world["kiel"], quote="Kiel")

    with django_assert_max_num_queries(2):
        body = Client().get(URL).json()
    assert body["count"] == 21
    with django_assert_max_num_queries(6):
        detail = Client().get(f"{URL}/{world['source'].pk}").json()
    assert len(detail["evidence"]) == 4
    assert detail["text"] == TEXT


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_list_exports_every_match(world, fmt, tmp_path):
    for n in range(2):
        source_create(title=f"Report {n}", kind="report")

    response = Client().get(URL, {"kind": "report", "format": fmt, "limit": 1})

    assert response.status_code == 200
    assert f'sources.{fmt}"' in response["Content-Disposition"]
    if fmt == "csv":
        lines = response.content.decode().strip().splitlines()
        assert lines[0].startswith("id,kind,title,url")
        assert "text" not in lines[0].split(",")
        assert len(lines) == 4
    else:
        path = tmp_path / "s.xlsx"
        path.write_bytes(response.content)
        assert len(list(load_workbook(path).active.iter_rows(values_only=True))) == 4


def test_editor_creates_changes_and_deletes_a_source(world):
    headers = bearer(world["editor"])
    data = {"title": "Council minutes", "kind": "council_paper", "published": "2012-10-02"}

    created = send("post", URL, {**data, "publisher": world["office"].pk}, **headers)
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert created.json()["publisher"] == {"id": world["office"].pk, "name": "Office"}
    assert Source.objects.get(pk=pk).owner == world["office"]

    changed = send("patch", f"{URL}/{pk}", {"language": "da"}, **headers)
    assert changed.json()["language"] == "da"
    assert changed.json()["published"] == "2012-10-02"

    assert send("delete", f"{URL}/{pk}", **headers).status_code == 204
    assert not Source.objects.filter(pk=pk).exists()


def test_writes_are_refused_to_anonymous_viewers_and_other_editors(world):
    url = f"{URL}/{world['source'].pk}"

    assert send("post", URL, {"title": "X"}).status_code == 401
    assert send("post", URL, {"title": "X"}, **bearer(world["viewer"])).status_code == 403
    assert send("patch", url, {"title": "X"}, **bearer(world["stranger"])).status_code == 403
    assert send("delete", url, **bearer(world["stranger"])).status_code == 403
    fact = {"fact": {"type": "place", "id": world["kiel"].pk}, "quote": "Kiel"}
    assert send("post", f"{url}/evidence", fact, **bearer(world["stranger"])).status_code == 403
    assert Source.objects.count() == 1
    assert not Evidence.objects.exists()


def test_invalid_source_is_422_and_nothing_saved(world):
    headers = bearer(world["editor"])

    bad_date = send("post", URL, {"title": "X", "published": "2013-02-30"}, **headers)
    bad_url = send("post", URL, {"title": "X", "url": "not a url"}, **headers)

    assert bad_date.status_code == 422
    assert "published" in bad_date.json()["detail"]
    assert bad_url.status_code == 422
    assert "url" in bad_url.json()["detail"]
    assert Source.objects.count() == 1


def test_evidence_is_added_with_offsets_found_and_deleted(world):
    headers = bearer(world["editor"])
    base = f"{URL}/{world['source'].pk}/evidence"
    data = {"fact": {"type": "partnership", "id": world["partnership"].pk}, "quote": "1964"}

    added = send("post", base, data, **headers)

    assert added.status_code == 201, added.content
    body = added.json()
    assert body["fact"] == {
        "type": "partnership",
        "id": world["partnership"].pk,
        "label": "Odense – Kiel",
    }
    assert (body["start"], body["end"]) == (TEXT.index("1964"), TEXT.index("1964") + 4)
    detail = Client().get(f"{URL}/{world['source'].pk}").json()
    assert [e["id"] for e in detail["evidence"]] == [body["id"]]

    assert send("delete", f"{base}/{body['id']}", **headers).status_code == 204
    assert not Evidence.objects.exists()


def test_evidence_with_a_wrong_quote_or_unknown_fact_is_422(world):
    headers = bearer(world["editor"])
    base = f"{URL}/{world['source'].pk}/evidence"
    place = {"type": "place", "id": world["kiel"].pk}

    wrong_quote = send("post", base, {"fact": place, "quote": "Lübeck"}, **headers)
    missing = send("post", base, {"fact": {"type": "person", "id": 999999}}, **headers)
    bad_type = send("post", base, {"fact": {"type": "planet", "id": 1}}, **headers)
    hidden_org = organisation_create(
        name="Hidden", kind="agency", owner=world["other"], is_public=False
    )
    invisible = send(
        "post", base, {"fact": {"type": "organisation", "id": hidden_org.pk}}, **headers
    )

    assert wrong_quote.status_code == 422
    assert "quote" in wrong_quote.json()["detail"]
    assert missing.status_code == 422
    assert "fact" in missing.json()["detail"]
    assert bad_type.status_code == 422
    assert invisible.status_code == 422
    assert not Evidence.objects.exists()


def test_source_detail_shows_evidence_for_activities_and_hides_private_ones():
    from twinning.activities.services import activity_create
    from twinning.partnerships.services import agreement_create

    office = organisation_create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    text = "We met in Aarhus. We met in Bergen. We signed in Kiel."
    source = source_create(title="Annual report", kind="report", text=text)
    shown = activity_create(title="Meeting in Aarhus", start="2019", owner=office)
    hidden = activity_create(title="Meeting in Bergen", start="2019", owner=office, is_public=False)
    aarhus, kiel = (place_create(name=n, kind=PlaceKind.MUNICIPALITY) for n in ("Aarhus", "Kiel"))
    private = partnership_create(
        party_a=aarhus, party_b=kiel, kind="sister_city", owner=office, is_public=False
    )
    signed = agreement_create(partnership=private, kind="founding", title="Charter")
    evidence_add(source=source, fact=shown, quote="We met in Aarhus.")
    evidence_add(source=source, fact=hidden, quote="We met in Bergen.")
    evidence_add(source=source, fact=signed, quote="We signed in Kiel.")

    response = Client().get(f"/api/sources/{source.pk}")

    assert response.status_code == 200, response.content
    assert [e["fact"] for e in response.json()["evidence"]] == [
        {"type": "activity", "id": shown.pk, "label": str(shown)}
    ]
