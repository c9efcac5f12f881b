import csv
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from twinning.focusareas.models import FocusArea
from twinning.partnerships.models import Partnership, PartnershipStatus
from twinning.partnerships.selectors import partnership_export_rows
from twinning.partnerships.services import (
    ImportRowError,
    partnership_create,
    partnerships_import,
)
from twinning.partnerships.tabular import EXPORT_COLUMNS, TableError, write_rows
from twinning.places.models import Place, PlaceKind
from twinning.places.services import place_create

PAIRS = Path(__file__).parent / "data" / "pairs.csv"

pytestmark = pytest.mark.django_db


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_import_of_public_pair_list_creates_places_and_partnerships():
    report = partnerships_import(path=PAIRS)

    assert report.rows == 8
    assert report.partnerships_created == 6
    assert report.duplicates == [4]  # Bergen-Aarhus repeats Aarhus-Bergen reversed
    assert report.same_place == [9]
    assert Partnership.objects.count() == 6
    glasgow = Place.objects.get(name="Glasgow")
    assert glasgow.country.code == "GB"
    varna = Place.objects.get(name="Varna")
    assert varna.country.code == "BG"
    assert Place.objects.filter(name="Aarhus").count() == 1


def test_import_matches_existing_place_by_folded_name_and_other_names():
    existing = place_create(
        name="Sønderborg",
        kind=PlaceKind.MUNICIPALITY,
        country="DK",
        other_names=[("en", "Sonderborg")],
    )
    jiangsu = place_create(name="Jiangsu", kind=PlaceKind.PROVINCE, country="CN")
    suzhou = place_create(name="Suzhou", kind=PlaceKind.CITY, country="CN", parent=jiangsu)

    report = partnerships_import(path=PAIRS)

    assert report.places_matched == 2
    assert existing.partnerships_as_a.get().party_b.name == "Haiyan"
    assert suzhou.partnerships_as_a.get().party_b.name == "Aarhus"
    assert not Place.objects.filter(name="Suzhou, Jiangsu").exists()


def test_importing_the_same_file_twice_adds_nothing():
    partnerships_import(path=PAIRS)
    again = partnerships_import(path=PAIRS)

    assert again.partnerships_created == 0
    assert again.places_created == 0
    assert Partnership.objects.count() == 6


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["Aarhus", "Denmark", "", "Norway"], "row 3: column city2 is empty"),
        (["Aarhus", "Denmark", "Bergen", "Atlantis"], "row 3: unknown country “Atlantis”"),
        (["Aarhus", "Denmark", "Nowhere Town", ""], "row 3: no country given"),
    ],
)
def test_malformed_row_stops_import_with_row_number_and_writes_nothing(tmp_path, row, message):
    path = write_csv(
        tmp_path / "bad.csv",
        [["city1", "country1", "city2", "country2"], ["Odense", "Denmark", "Kiel", "Germany"], row],
    )

    with pytest.raises(ImportRowError) as error:
        partnerships_import(path=path)

    assert message in str(error.value)
    assert Place.objects.count() == 0
    assert Partnership.objects.count() == 0


def test_row_with_wrong_number_of_columns_is_reported(tmp_path):
    path = tmp_path / "short.csv"
    path.write_text("city1,country1,city2,country2\nOdense,Denmark,Kiel\n", encoding="utf-8")

    with pytest.raises(TableError, match="row 2: expected 4 columns, found 3"):
        partnerships_import(path=path)


def test_file_without_known_columns_is_refused(tmp_path):
    path = write_csv(tmp_path / "other.csv", [["a", "b"], ["1", "2"]])

    with pytest.raises(TableError, match="first row must name the columns"):
        partnerships_import(path=path)


def test_export_then_import_gives_the_same_rows(tmp_path):
    water = FocusArea.objects.create(slug="water", name_en="Water", name_da="Vand")
    aarhus = place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY, country="DK")
    tshwane = place_create(name="Tshwane", kind=PlaceKind.MUNICIPALITY, country="ZA")
    petersburg = place_create(name="St Petersburg", kind=PlaceKind.CITY, country="RU")
    partnership_create(
        party_a=aarhus,
        party_b=tshwane,
        kind="strategic_sector_cooperation",
        since="2017",
        focus_areas=[water],
        notes="Water and city planning",
    )
    partnership_create(
        party_a=aarhus,
        party_b=petersburg,
        kind="sister_city",
        status=PartnershipStatus.TERMINATED,
        since="1989",
        until="2022-03-09",
        termination_reason="Ended by the city council",
    )
    before = list(partnership_export_rows())

    for fmt in ("csv", "json", "xlsx"):
        path = tmp_path / f"export.{fmt}"
        with path.open("wb") as stream:
            write_rows(partnership_export_rows(), fmt, stream)
        Partnership.objects.all().delete()
        Place.objects.all().delete()

        report = partnerships_import(path=path)

        assert report.partnerships_created == 2, fmt
        assert list(partnership_export_rows()) == before, fmt


def test_xlsx_import_reads_pair_columns(tmp_path):
    book = Workbook()
    book.active.append(["city1", "country1", "city2", "country2"])
    book.active.append(["Odense", "Denmark", "Kiel", "Germany"])
    path = tmp_path / "pairs.xlsx"
    book.save(path)

    report = partnerships_import(path=path)

    assert report.partnerships_created == 1
    assert Place.objects.get(name="Kiel").country.code == "DE"


def test_damaged_xlsx_is_reported_by_name(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")

    with pytest.raises(TableError, match="broken.xlsx is not a readable XLSX workbook"):
        partnerships_import(path=path)


def test_import_command_reports_counts_and_export_command_writes_json(tmp_path, capsys):
    call_command("import_records", "partnerships", str(PAIRS))
    assert "6 partnerships created" in capsys.readouterr().out

    out = tmp_path / "all.json"
    call_command("export_records", "partnerships", "--format", "json", "-o", str(out))
    records = json.loads(out.read_text(encoding="utf-8"))
    assert len(records) == 6
    assert set(records[0]) == set(EXPORT_COLUMNS)


def test_import_command_fails_cleanly_on_bad_row(tmp_path):
    path = write_csv(
        tmp_path / "bad.csv",
        [["city1", "country1", "city2", "country2"], ["Odense", "Denmark", "Kiel", "Mars"]],
    )

    with pytest.raises(CommandError, match="row 2: unknown country “Mars”.*Nothing was imported"):
        call_command("import_records", "partnerships", str(path))
