import csv
import json
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from twinning.core.middleware import json_depth
from twinning.core.validators import validate_text
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import ImportRowError, partnership_update, partnerships_import
from twinning.partnerships.tabular import TableError
from twinning.partnerships.tests.factories import (
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.places.models import Place

INVISIBLE = {
    "\x00": "U+0000",
    "\x01": "U+0001",
    "\u200b": "U+200B ZERO WIDTH SPACE",
    "\u202e": "U+202E RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "U+2066 LEFT-TO-RIGHT ISOLATE",
    "\ufeff": "U+FEFF",
}


@pytest.mark.parametrize(("character", "named"), INVISIBLE.items())
def test_invisible_characters_are_refused_and_named(character, named):
    with pytest.raises(ValidationError) as caught:
        validate_text(f"Aarhus{character}Bergen")
    assert named in caught.value.messages[0]
    assert "position 7" in caught.value.messages[0]


def test_ordinary_text_in_every_language_passes():
    validate_text("Sønderborg – 无锡市\n\tTromsø, Åbenrå; «Zürich» 2013-06")


@pytest.fixture
def org(db):
    return make_organisation("Aarhus Kommune")


@pytest.fixture
def partnership(org):
    return make_partnership(make_place("Aarhus", "DK"), make_place("Bergen", "NO"), owner=org)


def test_services_refuse_invisible_characters_naming_the_field(partnership):
    with pytest.raises(ValidationError) as caught:
        partnership_update(partnership=partnership, notes="pay \u202eevil")
    assert list(caught.value.message_dict) == ["notes"]
    assert Partnership.objects.get().notes == ""


def test_services_bound_long_text(partnership, settings):
    settings.TWINNING_MAX_TEXT_LENGTH = 50
    with pytest.raises(ValidationError) as caught:
        partnership_update(partnership=partnership, notes="x" * 51)
    assert "at most 50" in caught.value.message_dict["notes"][0]


def test_forms_show_the_refusal_under_the_field(client, org, partnership):
    client.force_login(make_user("editor", editor_of=org))
    data = {
        "party_a": partnership.party_a_id,
        "party_b": partnership.party_b_id,
        "kind": "sister_city",
        "status": "active",
        "notes": "zero\u200bwidth",
        "owner": org.pk,
        "is_public": "on",
    }
    response = client.post(reverse("partnerships:update", args=[partnership.pk]), data)
    assert response.status_code == 200
    assert "U+200B" in str(response.context["form"].errors["notes"])
    assert Partnership.objects.get().notes == ""


def _write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([["city1", "country1", "city2", "country2"], *rows])
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["A" * 201, "Denmark", "Bergen", "Norway"], "row 3: column city1: Ensure this value"),
        (["Aar\x00hus", "Denmark", "Bergen", "Norway"], "row 3: column city1: Contains"),
        (["Aarhus", "Denmark", "Ber\u202egen", "Norway"], "row 3: column city2: Contains"),
    ],
)
def test_import_refuses_bad_cells_naming_row_and_column_and_writes_nothing(
    db, tmp_path, row, message
):
    path = _write_csv(tmp_path / "pairs.csv", [["Odense", "Denmark", "Kiel", "Germany"], row])
    with pytest.raises(ImportRowError) as caught:
        partnerships_import(path=path)
    assert str(caught.value).startswith(message)
    assert not Place.objects.exists()
    assert not Partnership.objects.exists()


def test_import_refuses_a_notes_cell_with_a_control_character(db, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps(
            [
                {
                    "party_a": "Odense",
                    "party_a_country": "DK",
                    "party_b": "Kiel",
                    "party_b_country": "DE",
                    "notes": "bell\x07",
                }
            ]
        ),
        encoding="utf-8",
    )
    with pytest.raises(ImportRowError, match="row 1: column notes: Contains the invisible"):
        partnerships_import(path=path)


def test_import_refuses_too_many_rows(db, tmp_path, settings):
    settings.TWINNING_IMPORT_MAX_ROWS = 3
    rows = [[f"Town {i}", "Denmark", f"Stadt {i}", "Germany"] for i in range(5)]
    with pytest.raises(TableError, match="more than 3 rows"):
        partnerships_import(path=_write_csv(tmp_path / "pairs.csv", rows))
    assert not Partnership.objects.exists()


def test_import_refuses_an_xlsx_that_unpacks_beyond_the_limit(db, tmp_path, settings):
    settings.TWINNING_XLSX_MAX_UNPACKED_BYTES = 2 * 2**20
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 2**20))
    assert path.stat().st_size < 100_000
    with pytest.raises(TableError, match="would unpack to 8 MB, more than the 2 MB allowed"):
        partnerships_import(path=path)


def test_import_refuses_deeply_nested_json(db, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(TableError, match="nested too deeply"):
        partnerships_import(path=path)


def test_json_depth_ignores_brackets_inside_strings():
    assert json_depth('{"a": [1, {"b": "[[[{{{"}]}') == 3
    assert json_depth('"\\"[[["') == 0


def test_api_refuses_deeply_nested_json_bodies(db):
    body = '{"notes": ' + "[" * 200 + "]" * 200 + "}"
    response = Client().post("/api/partnerships", body, content_type="application/json")
    assert response.status_code == 400
    assert "deeper than 32 levels" in response.json()["detail"]
