"""Read and write tables of partnerships as CSV, XLSX or JSON."""

from __future__ import annotations

import csv
import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from twinning.core.exports import csv_uncell, write_csv, write_xlsx

# The columns of an export; an import accepts them, or the four of public twin-town lists.
EXPORT_COLUMNS = [
    "party_a",
    "party_a_kind",
    "party_a_country",
    "party_b",
    "party_b_kind",
    "party_b_country",
    "kind",
    "status",
    "since",
    "until",
    "termination_reason",
    "focus_areas",
    "notes",
]
PAIR_COLUMNS = ["city1", "country1", "city2", "country2"]
FORMATS = ("csv", "json", "xlsx")


class TableError(ValueError):
    """Raised when a file cannot be read as a table of partnerships."""


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (row number, row) from a CSV or XLSX file, numbered as a spreadsheet shows them.

    A file of more than ``TWINNING_IMPORT_MAX_ROWS`` rows is refused.
    """
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        rows = _read_xlsx(path)
    elif suffix in {".csv", ".txt"}:
        rows = _read_csv(path)
    elif suffix == ".json":
        rows = _read_json(path)
    else:
        raise TableError(
            _("%(file)s: unsupported file type; use .csv, .xlsx or .json.") % {"file": path.name}
        )
    limit = settings.TWINNING_IMPORT_MAX_ROWS
    for count, item in enumerate(rows, start=1):
        if count > limit:
            raise TableError(
                _("%(file)s holds more than %(limit)d rows; split it into smaller files.")
                % {"file": path.name, "limit": limit}
            )
        yield item


def _check_archive(path: Path) -> None:
    """Refuse an XLSX whose parts would unpack to more than the allowed size (a zip bomb).

    Reading an entry never yields more than the size its header states, so the sum of
    the stated sizes bounds the work of opening the workbook.
    """
    limit = settings.TWINNING_XLSX_MAX_UNPACKED_BYTES
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise TableError(
            _("%(file)s is not a readable XLSX workbook: %(error)s")
            % {"file": path.name, "error": exc}
        ) from exc
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > 10_000 or unpacked > limit:
        raise TableError(
            _(
                "%(file)s would unpack to %(size)d MB, more than the %(limit)d MB allowed; "
                "it is refused."
            )
            % {"file": path.name, "size": unpacked // 2**20, "limit": limit // 2**20}
        )


def _check_header(path: Path, header: list[str]) -> list[str]:
    header = [(name or "").strip().lower() for name in header]
    if set(PAIR_COLUMNS) <= set(header) or {"party_a", "party_b"} <= set(header):
        return header
    raise TableError(
        _("%(file)s: the first row must name the columns %(pairs)s or %(export)s.")
        % {"file": path.name, "pairs": ",".join(PAIR_COLUMNS), "export": ",".join(EXPORT_COLUMNS)}
    )


def _read_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise TableError(f"{path}: {exc.strerror}") from exc
    with handle:
        try:
            # Danish spreadsheets separate fields with ";"; the header line tells which.
            first = handle.readline()
            handle.seek(0)
            delimiter = ";" if first.count(";") > first.count(",") else ","
            reader = csv.reader(handle, delimiter=delimiter)
            header = _check_header(path, next(reader, []))
            for values in reader:
                if not any(value.strip() for value in values):
                    continue
                if len(values) != len(header):
                    raise TableError(
                        _("row %(row)d: expected %(expected)d columns, found %(found)d.")
                        % {"row": reader.line_num, "expected": len(header), "found": len(values)}
                    )
                cells = [csv_uncell(value) for value in values]
                yield reader.line_num, dict(zip(header, cells, strict=True))
        except UnicodeDecodeError as exc:
            raise TableError(
                _("%(file)s is not UTF-8 text: %(error)s") % {"file": path.name, "error": exc}
            ) from exc
        except csv.Error as exc:
            raise TableError(
                _("row %(row)d: %(error)s") % {"row": reader.line_num, "error": exc}
            ) from exc


def _read_xlsx(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    _check_archive(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise TableError(
            _("%(file)s is not a readable XLSX workbook: %(error)s")
            % {"file": path.name, "error": exc}
        ) from exc
    try:
        rows = book.active.iter_rows(values_only=True)
        header = _check_header(path, [str(v or "") for v in next(rows, [])])
        for number, values in enumerate(rows, start=2):
            cells = ["" if value is None else str(value).strip() for value in values]
            if not any(cells):
                continue
            cells = (cells + [""] * len(header))[: len(header)]
            yield number, dict(zip(header, cells, strict=True))
    finally:
        book.close()


def _read_json(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        raise TableError(_("%(file)s is nested too deeply.") % {"file": path.name}) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TableError(
            _("%(file)s is not valid JSON: %(error)s") % {"file": path.name, "error": exc}
        ) from exc
    if not isinstance(records, list):
        raise TableError(_("%(file)s must hold a list of records.") % {"file": path.name})
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise TableError(_("record %(row)d is not an object.") % {"row": number})
        yield (
            number,
            {
                k: ";".join(v) if isinstance(v, list) else ("" if v is None else str(v))
                for k, v in record.items()
            },
        )


def write_rows(
    rows: Iterable[dict[str, str]], fmt: str, stream, *, danish: bool | None = None
) -> None:
    """Write export rows to a binary stream in the given format.

    CSV and XLSX go through ``core.exports``, so formulas stay text and control characters
    never break the file; ``danish`` picks the Danish CSV dialect (the active language
    decides when left out).
    """
    if fmt == "csv":
        table = ([row[column] for column in EXPORT_COLUMNS] for row in rows)
        write_csv(stream, EXPORT_COLUMNS, table, danish=danish)
    elif fmt == "json":
        records = [
            {**row, "focus_areas": [s for s in row["focus_areas"].split(";") if s]} for row in rows
        ]
        stream.write(json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8"))
    elif fmt == "xlsx":
        table = ([row[column] for column in EXPORT_COLUMNS] for row in rows)
        write_xlsx(stream, EXPORT_COLUMNS, table, title="partnerships")
    else:
        raise TableError(_("Unknown format %(format)s.") % {"format": fmt})
