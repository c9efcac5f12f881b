import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from pypdf import PdfReader

from twinning.accounts.services import api_token_create
from twinning.grants.calls import _load, call
from twinning.grants.selectors import grant_check, grant_participants
from twinning.grants.services import grant_create, grant_town_add
from twinning.participants.models import Register
from twinning.participants.services import participant_create, register_create
from twinning.visits.tests.factories import make_organisation, make_place, make_user, make_visit

pytestmark = pytest.mark.django_db

CALL = "CERV-2024-CITIZENS-TOWN-TT"


@pytest.fixture
def office():
    return make_organisation("Sønderborg Kommune")


@pytest.fixture
def editor(office):
    return make_user("editor", editor_of=office)


@pytest.fixture
def towns():
    return make_place("Sønderborg", "DK"), make_place("Lübeck", "DE")


@pytest.fixture
def grant(office, towns):
    home, partner = towns
    visit = make_visit(
        owner=office,
        host=home,
        visiting_party=partner,
        title="Europe at the border",
        start_date=dt.date(2025, 5, 2),
        end_date=dt.date(2025, 5, 4),
    )
    grant = grant_create(
        call=CALL,
        title="Europe at the border",
        reference="101234567",
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 9, 30),
        lump_sum=Decimal("60000"),
        visits=[visit],
        results="Young people of both towns debated the future of the border region.",
        owner=office,
    )
    grant_town_add(grant=grant, place=home, role="applicant", representative="Erik Lauritzen")
    grant_town_add(grant=grant, place=partner, role="partner")
    return grant


def fill(grant, town, count, start=0):
    visit = grant.visits.get()
    register = Register.objects.filter(visit=visit).first() or register_create(visit=visit)
    for n in range(start, start + count):
        participant_create(
            register=register,
            name=f"{town.name} participant {n}",
            town=town,
            age_group="18-30",
            consent_on=dt.date(2025, 4, 1),
        )
    return register


def missing(grant):
    return {f.rule for f in grant_check(grant).missing}


def test_the_town_twinning_call_is_data_with_its_source():
    rules = call(CALL)
    assert (rules.lump_sum_min, rules.lump_sum_max) == (Decimal(8455), Decimal(50745))
    assert (rules.min_participants, rules.min_invited) == (50, 25)
    assert (rules.min_months, rules.max_months, rules.min_countries) == (6, 12, 2)
    assert "CERV-2024-CITIZENS-TOWN-TT" in rules.source


def test_a_new_call_comes_from_a_file_named_in_settings(settings, tmp_path, office):
    extra = tmp_path / "calls.toml"
    extra.write_text(
        '[[call]]\ncode = "CERV-2026-CITIZENS-TOWN-TT"\nprogramme = "CERV"\n'
        'title = "Town twinning (2026)"\ncurrency = "EUR"\nlump_sum_min = 9000\n'
        "lump_sum_max = 52000\nmin_participants = 50\nmin_invited = 25\nmin_months = 6\n"
        'max_months = 12\nmin_countries = 2\nmin_member_states = 1\nsource = "a test"\n',
        encoding="utf-8",
    )
    settings.TWINNING_GRANT_CALLS = str(extra)
    _load.cache_clear()
    try:
        assert call("CERV-2026-CITIZENS-TOWN-TT").lump_sum_max == Decimal(52000)
        assert call(CALL) is not None  # the shipped calls stay
        grant_create(
            call="CERV-2026-CITIZENS-TOWN-TT",
            title="Next",
            start=dt.date(2026, 1, 1),
            end=dt.date(2026, 8, 1),
            owner=office,
        )
    finally:
        settings.TWINNING_GRANT_CALLS = ""
        _load.cache_clear()
    with pytest.raises(ValidationError) as refused:
        grant_create(
            call="NO-SUCH-CALL", title="x", start=dt.date(2026, 1, 1), end=dt.date(2026, 2, 1)
        )
    assert "call" in refused.value.message_dict


def test_the_check_says_what_is_missing_until_the_rules_are_met(grant, towns):
    home, partner = towns
    assert missing(grant) == {"participants", "invited", "representatives", "lump_sum"}
    found = {f.rule: f.message for f in grant_check(grant).findings}
    assert found["participants"] == "0 direct participants of at least 50."
    assert "Lübeck" in found["representatives"]

    fill(grant, home, 20)
    fill(grant, partner, 20)
    assert missing(grant) == {"participants", "invited", "representatives", "lump_sum"}
    fill(grant, partner, 10, start=20)
    town = grant.towns.get(place=partner)
    town.representative = "Jan Lindenau"
    town.save()
    grant.lump_sum = Decimal("50745")
    grant.save()
    assert missing(grant) == set()


def test_duration_countries_and_member_states_are_checked(grant, towns, office):
    grant.end = dt.date(2026, 6, 30)
    grant.save()
    assert "duration" in missing(grant)
    china = make_place("Dalian", "CN", "city")
    other = grant_create(
        call=CALL, title="Far", start=dt.date(2025, 1, 1), end=dt.date(2025, 7, 1), owner=office
    )
    grant_town_add(grant=other, place=china, role="applicant", representative="x")
    assert {"countries", "member_states"} <= missing(other)


def test_certified_list_per_town_in_its_language(grant, towns, editor, client):
    home, partner = towns
    fill(grant, home, 2)
    fill(grant, partner, 3)
    client.force_login(editor)
    danish = client.get(
        f"/grants/{grant.pk}/towns/{grant.towns.get(place=home).pk}/participants.pdf"
    )
    assert danish["Content-Type"] == "application/pdf" and danish["Content-Language"] == "da"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(danish.content)).pages)
    assert "Deltagerliste" in text and "Sønderborg participant 1" in text
    assert "Lübeck participant" not in text
    assert "Erik Lauritzen" in text

    # German is not in the catalogue, so Lübeck's list is in English.
    german = client.get(
        f"/grants/{grant.pk}/towns/{grant.towns.get(place=partner).pk}/participants.pdf"
    )
    assert german["Content-Language"] == "en"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(german.content)).pages)
    assert "List of participants" in text and "3 participants" in text

    # Names are personal data: visitors never print them.
    grant.is_public = True
    grant.save()
    url = f"/grants/{grant.pk}/towns/{grant.towns.get(place=home).pk}/participants.pdf"
    assert Client().get(url).status_code == 302


def test_another_organisations_register_is_not_the_grants(grant, towns):
    home, partner = towns
    fill(grant, home, 2)
    theirs = make_visit(
        owner=make_organisation("Hansestadt Lübeck"),
        host=partner,
        visiting_party=home,
        is_public=True,
        start_date=dt.date(2025, 6, 2),
        end_date=dt.date(2025, 6, 3),
    )
    register = register_create(visit=theirs)
    participant_create(
        register=register,
        name="Not ours",
        town=partner,
        age_group="31-64",
        consent_on=dt.date(2025, 5, 1),
    )
    grant.visits.add(theirs)
    assert [p.name for p in grant_participants(grant)] == [
        "Sønderborg participant 0",
        "Sønderborg participant 1",
    ]


def test_final_report_draws_on_events_participants_and_results(grant, towns):
    home, partner = towns
    fill(grant, home, 2)
    fill(grant, partner, 3)
    grant.is_public = True
    grant.save()
    page = Client().get(f"/grants/{grant.pk}/final-report/").content.decode()
    assert "5 participants" in page and "Europe at the border" in page
    assert "debated the future of the border region" in page
    assert "participant 1" not in page  # counts, never names
    pdf = Client().get(f"/grants/{grant.pk}/final-report.pdf?lang=da")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Slutrapport" in text and "5 deltagere" in text


def test_api_records_a_grant_with_towns_and_checks_it(editor, towns):
    _token, key = api_token_create(user=editor, name="script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    body = {"call": CALL, "title": "Border", "start": "2025-03-01", "end": "2025-09-30"}
    created = Client().post(
        "/api/grants", json.dumps(body), content_type="application/json", **auth
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    town = {"place": towns[0].pk, "role": "applicant", "representative": "Erik Lauritzen"}
    added = Client().post(
        f"/api/grants/{pk}/towns", json.dumps(town), content_type="application/json", **auth
    )
    assert added.status_code == 201 and added.json()["language"] == "da"
    check = Client().get(f"/api/grants/{pk}/check", **auth).json()
    assert check["ok"] is False
    assert {f["rule"] for f in check["findings"] if not f["ok"]} >= {"participants", "countries"}
    unknown = Client().post(
        "/api/grants", json.dumps({**body, "call": "NOPE"}), content_type="application/json", **auth
    )
    assert unknown.status_code == 422
    assert Client().get(f"/api/grants/{pk}").status_code == 404  # private by default
