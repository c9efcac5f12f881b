import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import Client

from twinning.accounts.services import api_token_create
from twinning.participants.models import Participant, Register
from twinning.participants.selectors import headcount
from twinning.participants.services import (
    participant_create,
    participant_erase,
    participant_sign_up,
    register_create,
    registers_purge,
)
from twinning.visits.tests.factories import make_organisation, make_place, make_user, make_visit

pytestmark = pytest.mark.django_db

TODAY = dt.date(2017, 8, 1)


@pytest.fixture
def office():
    return make_organisation("Sønderborg Kommune")


@pytest.fixture
def editor(office):
    return make_user("editor", editor_of=office)


@pytest.fixture
def towns():
    return make_place("Sønderborg", "DK"), make_place("Dalian", "CN", "city")


@pytest.fixture
def register(office, towns):
    visit = make_visit(owner=office, host=towns[0], visiting_party=towns[1])
    return register_create(
        visit=visit, towns=towns, purpose="Travel and the grant's participant list."
    )


def add(register, name="Anna Holm", **fields):
    fields.setdefault("age_group", "31-64")
    fields.setdefault("consent_on", TODAY)
    return participant_create(register=register, name=name, **fields)


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_register_takes_the_owner_of_its_event_and_one_event_only(register, office):
    assert register.owner == office
    with pytest.raises(ValidationError):
        register_create()


def test_named_participants_need_consent_and_minors_a_guardians(register):
    with pytest.raises(ValidationError) as refused:
        participant_create(register=register, name="Bo", age_group="31-64")
    assert "consent_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        add(register, "Mia", age_group="13-17", role="pupil")
    assert {"guardian_consent_on", "guardian_name"} <= set(refused.value.message_dict)
    mia = add(
        register,
        "Mia",
        age_group="13-17",
        role="pupil",
        guardian_name="Eva",
        guardian_consent_on=TODAY,
    )
    assert mia.is_minor and mia.consent_purpose == register.purpose
    # The database refuses a minor without a guardian's consent as well.
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.filter(pk=mia.pk).update(guardian_consent_on=None)


def test_text_checks_apply_to_participants(register):
    with pytest.raises(ValidationError) as refused:
        add(register, "Anna\u202eHolm")
    assert "invisible character" in str(refused.value.message_dict["name"])


def test_headcount_comes_from_names_or_from_the_total(register, towns):
    assert headcount(register).total is None
    add(register, "Anna", town=towns[0])
    add(register, "Li Wei", town=towns[1], role="official")
    count = headcount(register)
    assert (count.total, count.from_names) == (2, True)
    assert dict(count.by_town) == {"Dalian": 1, "Sønderborg": 1}
    assert dict(count.by_country) == {"China": 1, "Denmark": 1}

    other = register_create(activity=_activity(register.owner), total=40)
    assert (headcount(other).total, headcount(other).from_names) == (40, False)


def _activity(owner):
    from twinning.activities.services import activity_create

    return activity_create(title="Harbour festival", start="2017-06", owner=owner)


def test_sign_up_respects_open_closing_date_and_capacity(register, towns):
    register.signup_open, register.capacity = True, 2
    register.signup_closes = dt.date(2017, 8, 20)
    register.save()
    fields = {"age_group": "18-30", "email": "a@example.org", "today": TODAY}
    participant_sign_up(register=register, name="A", town=towns[0], **fields)
    late = {**fields, "today": dt.date(2017, 8, 21)}
    with pytest.raises(ValidationError, match="closed"):
        participant_sign_up(register=register, name="B", **late)
    participant_sign_up(register=register, name="B", town=towns[1], **fields)
    with pytest.raises(ValidationError, match="closed"):
        participant_sign_up(register=register, name="C", **fields)
    signed = register.participants.get(name="B")
    assert (signed.channel, signed.consent_on, signed.country.code) == ("signup", TODAY, "CN")


def test_sign_up_offers_only_the_registers_towns(register):
    register.signup_open = True
    register.save()
    elsewhere = make_place("Aarhus", "DK")
    with pytest.raises(ValidationError) as refused:
        participant_sign_up(register=register, name="A", age_group="18-30", town=elsewhere)
    assert "town" in refused.value.message_dict


def test_public_sign_up_page_validates_throttles_and_closes(register, towns, settings):
    settings.TWINNING_SIGNUP_RATE = "3/h"
    url = register.get_signup_url()
    client = Client(enforce_csrf_checks=True)
    assert client.get(url).status_code == 200  # closed: says so
    assert "closed" in client.get(url).content.decode()

    register.signup_open = True
    register.save()
    page = client.get(url)
    token = page.cookies["csrftoken"].value
    body = {
        "csrfmiddlewaretoken": token,
        "name": "Mia",
        "town": towns[0].pk,
        "age_group": "13-17",
        "email": "mia@example.org",
        "consents": "on",
    }
    refused = client.post(url, body)
    assert refused.status_code == 422
    assert "guardian" in refused.content.decode()
    done = client.post(url, {**body, "guardian_name": "Eva", "guardian_consents": "on"})
    assert done.status_code == 200 and "Thank you" in done.content.decode()
    assert register.participants.get().guardian_name == "Eva"
    # Without the CSRF token nothing is taken.
    assert Client(enforce_csrf_checks=True).post(url, body).status_code == 403
    assert client.post(url, body).status_code in (422, 429)
    assert client.post(url, body).status_code == 429
    assert Client().get("/participants/sign-up/nope/").status_code == 404


def test_names_and_contacts_are_never_shown_to_visitors(register, editor, client):
    add(register, "Anna Holm", email="anna@example.org")
    register.is_public = True
    register.save()
    anonymous = Client().get(register.get_absolute_url()).content.decode()
    assert "1 participant" in anonymous
    assert "Anna Holm" not in anonymous and "anna@example.org" not in anonymous
    visit_page = Client().get(register.visit.get_absolute_url()).content.decode()
    assert "1 participant" in visit_page and "Anna Holm" not in visit_page
    api = Client().get(f"/api/participant-registers/{register.pk}").json()
    assert api["headcount"] == 1 and api["participants"] == []

    client.force_login(editor)
    page = client.get(register.get_absolute_url()).content.decode()
    assert "Anna Holm" in page and "anna@example.org" in page
    assert client.get(f"/api/participant-registers/{register.pk}").json()["participants"][0][
        "email"
    ] == ("anna@example.org")


def test_members_download_the_register_others_may_not(register, editor, client):
    add(register, "=Anna Holm", email="anna@example.org")
    register.is_public = True
    register.save()
    url = f"/participants/{register.pk}/participants.csv"
    stranger = make_user("stranger", editor_of=make_organisation("Elsewhere"))
    client.force_login(stranger)
    assert client.get(url).status_code == 403
    client.force_login(editor)
    text = client.get(url).content.decode("utf-8-sig")
    # A name that a spreadsheet would run as a formula stays text.
    assert "'=Anna Holm" in text and "anna@example.org" in text
    assert client.get(f"/participants/{register.pk}/participants.xlsx").status_code == 200
    assert client.get(f"/participants/{register.pk}/participants.pdf").status_code == 404


def test_private_register_is_hidden_from_visitors(register):
    assert Client().get(register.get_absolute_url()).status_code == 404
    assert Client().get(f"/api/participant-registers/{register.pk}").status_code == 404


def test_editor_opens_a_register_from_the_activity_page(editor, office, client):
    activity = _activity(office)
    client.force_login(editor)
    assert "Open a participant register" in client.get(activity.get_absolute_url()).content.decode()
    response = client.post(f"/participants/open/activity/{activity.pk}/")
    register = Register.objects.get(activity=activity)
    assert response.url == register.get_absolute_url()
    stranger = make_user("stranger", editor_of=make_organisation("Elsewhere"))
    client.force_login(stranger)
    assert client.post(f"/participants/open/visit/{register.pk}/").status_code in (403, 404)


def test_erasure_keeps_the_count_and_leaves_no_trace_in_history(register, editor, client):
    anna = add(register, "Anna Holm", email="anna@example.org", phone="+45 1234")
    client.force_login(editor)
    data = client.get(f"/participants/{register.pk}/people/{anna.pk}/data.json").json()
    assert (data["name"], data["email"], data["consent_purpose"]) == (
        "Anna Holm",
        "anna@example.org",
        register.purpose,
    )
    participant_erase(participant=anna, today=TODAY)
    anna.refresh_from_db()
    assert (anna.name, anna.email, anna.phone, anna.erased_on) == ("", "", "", TODAY)
    assert headcount(register).total == 1
    history = anna.history.values()
    assert all("name" not in row and "email" not in row for row in history)
    assert "Anna Holm" not in json.dumps(list(history), default=str)


def test_api_adds_erases_and_exports_participants(register, editor):
    url = f"/api/participant-registers/{register.pk}/participants"
    body = {"name": "Li Wei", "age_group": "31-64", "consent_on": "2017-08-01", "role": "official"}
    created = Client().post(
        url, json.dumps(body), content_type="application/json", **bearer(editor)
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    refused = Client().post(
        url,
        json.dumps({**body, "age_group": "0-12"}),
        content_type="application/json",
        **bearer(editor),
    )
    assert refused.status_code == 422
    assert Client().get(f"{url}/{pk}/data", **bearer(editor)).json()["name"] == "Li Wei"
    stranger = make_user("stranger", editor_of=make_organisation("Elsewhere"))
    assert Client().get(f"{url}/{pk}/data", **bearer(stranger)).status_code == 404
    erased = Client().post(f"{url}/{pk}/erase", **bearer(editor))
    assert erased.status_code == 200 and erased.json()["name"] == ""


def test_purge_removes_names_after_the_retention_period(register, settings):
    settings.TWINNING_PARTICIPANT_RETENTION_DAYS = 30
    add(register, "Anna Holm", email="anna@example.org")
    end = register.visit.end_date
    assert registers_purge(today=end + dt.timedelta(days=30)) == {
        "registers": 0,
        "participants": 0,
    }
    call_command("participants", "purge", "--today", (end + dt.timedelta(days=31)).isoformat())
    register.refresh_from_db()
    assert register.names_removed_on == end + dt.timedelta(days=31)
    anna = register.participants.get()
    assert (anna.name, anna.email) == ("", "")
    assert headcount(register).total == 1
    with pytest.raises(ValidationError):
        add(register, "Late Comer")
