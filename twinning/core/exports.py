"""Write tables as CSV and XLSX that open safely in any spreadsheet.

Every export of the site goes through here, so that three rules hold everywhere:

- Text that a spreadsheet would read as a formula (a cell beginning with ``= + - @``, a
  tab or a carriage return) stays text. In CSV it is prefixed with an apostrophe, the
  convention spreadsheets themselves use for "this is text"; in XLSX it is stored as a
  text cell marked with the quote prefix, so the reader sees exactly what was recorded.
- Control characters that XML cannot carry (and that no record should hold) are dropped,
  so one stray NUL never makes a whole export fail.
- In Danish, CSV is written the way Danish Excel opens it by double-click: a byte-order
  mark and ``;`` between fields (the comma is the decimal separator there).
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from pathlib import Path

from django.utils.translation import get_language
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Characters that start a formula (or a DDE call) when a spreadsheet reads the cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# C0 controls other than tab, line feed and carriage return, and DEL.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Return the text without the control characters a spreadsheet cannot hold."""
    return _CONTROL.sub("", value)


def is_formula_like(value: str) -> bool:
    """Tell whether a spreadsheet would read this text as a formula."""
    return value.startswith(FORMULA_STARTS)


def csv_cell(value) -> str:
    """Return a value as safe CSV text: controls dropped, formulas kept as text."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    text = clean_text(str(value))
    return "'" + text if is_formula_like(text) else text


def csv_uncell(value: str) -> str:
    """Undo :func:`csv_cell`'s apostrophe, so an exported file imports back unchanged."""
    if value.startswith("'") and is_formula_like(value[1:]):
        return value[1:]
    return value


def danish_csv() -> bool:
    """Tell whether CSV should be written for Danish spreadsheets (the active language)."""
    return (get_language() or "").split("-")[0] == "da"


def csv_dialect(danish: bool | None = None) -> tuple[str, bool]:
    """Return the field separator and whether to write a byte-order mark."""
    if danish is None:
        danish = danish_csv()
    return (";", True) if danish else (",", False)


def write_csv(
    stream, columns: Sequence[str], rows: Iterable[Sequence], *, danish: bool | None = None
) -> None:
    """Write a header and rows as CSV to a binary stream."""
    delimiter, bom = csv_dialect(danish)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig" if bom else "utf-8", newline="")
    writer = csv.writer(text, delimiter=delimiter)
    writer.writerow([csv_cell(column) for column in columns])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    text.flush()
    text.detach()


def xlsx_cell(sheet, value):
    """Return a write-only cell holding the value; text is always stored as text."""
    if value is None:
        return WriteOnlyCell(sheet, value=None)
    if isinstance(value, bool | int | float):
        return WriteOnlyCell(sheet, value=value)
    text = clean_text(str(value))
    cell = WriteOnlyCell(sheet, value=text)
    # openpyxl stores any text starting with "=" as a formula; force it to be text.
    cell.data_type = "s"
    if is_formula_like(text):
        cell.quotePrefix = True
    return cell


def write_xlsx(stream, columns: Sequence[str], rows: Iterable[Sequence], *, title: str) -> None:
    """Write a header and rows as a one-sheet XLSX workbook to a binary stream."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(clean_text(title)[:31] or "export")
    sheet.append([xlsx_cell(sheet, column) for column in columns])
    for row in rows:
        sheet.append([xlsx_cell(sheet, value) for value in row])
    book.save(stream)


def table_bytes(fmt: str, columns: Sequence[str], rows: Iterable[Sequence], *, title: str) -> bytes:
    """Return a table as CSV or XLSX bytes, built whole before anything is sent."""
    buffer = io.BytesIO()
    if fmt == "csv":
        write_csv(buffer, columns, rows)
    elif fmt == "xlsx":
        write_xlsx(buffer, columns, rows, title=title)
    else:
        raise ValueError(f"unknown table format {fmt!r}")
    return buffer.getvalue()


def content_type(fmt: str) -> str:
    """Return the media type of an exported table."""
    return "text/csv; charset=utf-8" if fmt == "csv" else XLSX_TYPE


@contextmanager
def atomic_path(path: Path):
    """Give a temporary path beside ``path`` that replaces it once the block succeeds.

    The temporary file is removed on an error, so a failed export or backup never leaves
    an empty or half-written file (nor destroys an earlier good one).
    """
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.close(descriptor)
    try:
        yield Path(temporary)
        # A temporary file is private; the result gets the usual permissions.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_file(path: Path):
    """Open a binary file that appears under its name only once it is completely written."""
    with atomic_path(path) as temporary, temporary.open("wb") as handle:
        yield handle
