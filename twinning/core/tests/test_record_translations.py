"""Record texts kept in several languages: reading, writing, forms and the API."""

import json

import pytest
from django.test import Client
from django.utils import translation

from twinning.accounts.services import api_token_create
from twinning.activities.forms import ActivityForm
from twinning.activities.models import Activity
from twinning.activities.services import activity_create, activity_update
from twinning.core.services import StaleRecord
from twinning.organisations.tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return make_organisation("Bycirklen")


def test_a_reader_gets_their_language_then_the_next_that_has_a_text(org):
    with translation.override("da"):
        activity = activity_create(title="Møde med Wuxi", start="2013-01-14", owner=org)
    activity.refresh_from_db()
    assert (activity.title_da, activity.title_en, activity.title_zh) == (
        "Møde med Wuxi",
        None,
        None,
    )
    with translation.override("en"):
        assert activity.title == "Møde med Wuxi"  # nothing in English: the Danish text
    activity.title_en = "Meeting with Wuxi"
    activity.save()
    for language, title in (("en", "Meeting with Wuxi"), ("da", "Møde med Wuxi")):
        with translation.override(language):
            assert Activity.objects.get(pk=activity.pk).title == title
    with translation.override("zh-hans"):
        # Chinese readers get English before Danish.
        assert Activity.objects.get(pk=activity.pk).title == "Meeting with Wuxi"


def test_an_update_writes_the_readers_language_only_and_counts_as_one_version(org):
    activity = activity_create(title="Meeting with Wuxi", start="2013-01-14", owner=org)
    with translation.override("da"):
        activity_update(activity=activity, title="Møde med Wuxi", version=1)
    activity.refresh_from_db()
    assert (activity.title_en, activity.title_da, activity.version) == (
        "Meeting with Wuxi",
        "Møde med Wuxi",
        2,
    )
    activity_update(activity=activity, title_zh="与无锡会谈", version=2)
    activity.refresh_from_db()
    assert activity.title_zh == "与无锡会谈" and activity.version == 3
    with pytest.raises(StaleRecord):
        activity_update(activity=activity, title_zh="旧的", version=2)
    # The history keeps every language of every version.
    assert [h.title_zh for h in activity.history.order_by("history_id")] == [
        None,
        None,
        "与无锡会谈",
    ]


def form_data(owner, **fields):
    data = {"start": "2013-01-14", "area": "overall", "kind": "meeting", "owner": owner.pk}
    data.update(fields)
    return data


def test_the_form_takes_a_text_in_any_language_and_refuses_none(org):
    editor = make_user("editor", editor_of=org)
    with translation.override("da"):
        form = ActivityForm(form_data(org, title="", title_en="Meeting"), user=editor)
        assert form.is_valid(), form.errors
        # The other languages are apart from the main fields, labelled by language.
        assert [f.name for f in form.translation_fields] == [
            "title_en",
            "title_zh",
            "description_en",
            "description_zh",
        ]
        assert "title_en" not in [f.name for f in form.visible_fields()]
        assert str(form.fields["title_zh"].label) == "Titel (kinesisk)"
        empty = ActivityForm(form_data(org, title="", title_en="", title_zh=""), user=editor)
        assert not empty.is_valid()
        assert list(empty.errors) == ["title"]


def test_the_form_of_an_english_record_shows_the_danish_field_empty_for_a_danish_editor(org):
    editor = make_user("editor", editor_of=org)
    activity = activity_create(title="Meeting with Wuxi", start="2013-01-14", owner=org)
    with translation.override("da"):
        form = ActivityForm(instance=activity, user=editor)
        assert form["title"].value() == ""
        assert form["title_en"].value() == "Meeting with Wuxi"
        assert form.translations_open


def send(method, url, data, user):
    _token, key = api_token_create(user=user, name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    return getattr(Client(), method)(url, json.dumps(data), content_type="application/json", **auth)


def test_the_api_takes_and_gives_the_texts_of_every_language(org):
    editor = make_user("editor", editor_of=org)
    response = send(
        "post",
        "/api/activities",
        {
            "title": "Meeting with Wuxi",
            "start": "2013-01-14",
            "translations": {"da": {"title": "Møde med Wuxi"}, "zh": {"title": "与无锡会谈"}},
        },
        editor,
    )
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    detail = Client().get(f"/api/activities/{pk}", HTTP_ACCEPT_LANGUAGE="da")
    assert detail.json()["translations"] == {
        "en": {"title": "Meeting with Wuxi"},
        "da": {"title": "Møde med Wuxi"},
        "zh": {"title": "与无锡会谈"},
    }
    refused = send(
        "patch", f"/api/activities/{pk}", {"translations": {"da": {"place": "Wuxi"}}}, editor
    )
    assert refused.status_code == 422
    assert "place" in refused.content.decode()
