"""Load documents from files and folders and normalise their text once.

Every offset the pipeline reports refers to ``Document.text``. Plain text files keep
exactly the text Python reads from them, so offsets agree with annotations made on
the raw file; HTML and PDF text is produced here and normalised once.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

_SPACES = re.compile(r"[ \t\u00a0]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# Control characters other than tab and newline mark a binary file disguised as text.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")


class DocumentError(Exception):
    """Raised when a file cannot be read as a document."""

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass
class Document:
    """A document with its normalised text."""

    name: str
    text: str
    path: Path | None = None
    source_format: str = "txt"

    @classmethod
    def from_text(cls, text: str, name: str = "<text>") -> Document:
        """Return a document for text that is already in memory."""
        return cls(name=name, text=text)


def normalise_extracted(text: str) -> str:
    """Return extracted HTML/PDF text in one canonical form."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    if not raw.strip():
        raise DocumentError(path, "the file is empty")
    if b"\x00" in raw[:4096]:
        raise DocumentError(path, "the file is binary, not text")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(path, f"the file is not valid UTF-8 ({exc.reason})") from exc
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if len(_BINARY.findall(text[:4096])) > 8:
        raise DocumentError(path, "the file contains control characters, not text")
    return text


def _read_html(path: Path) -> str:
    raw = path.read_bytes()
    if not raw.strip():
        raise DocumentError(path, "the file is empty")
    if b"\x00" in raw[:4096]:
        raise DocumentError(path, "the file is binary, not HTML")
    # trafilatura logs every page it cannot parse; the caller gets a DocumentError instead.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    import trafilatura

    html = raw.decode("utf-8", errors="replace")
    text = trafilatura.extract(
        html,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise DocumentError(path, "no main content found in the HTML")
    return normalise_extracted(text)


def _read_pdf(path: Path) -> str:
    raw = path.read_bytes()
    if not raw.strip():
        raise DocumentError(path, "the file is empty")
    if not raw.lstrip().startswith(b"%PDF-"):
        raise DocumentError(path, "not a PDF file (no %PDF- header)")
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DocumentError(path, f"broken PDF ({exc})") from exc
    if not pages:
        raise DocumentError(path, "the PDF has no pages")
    text = "\n\n".join(pages)
    if not text.strip():
        raise DocumentError(path, "the PDF has no text layer")
    return normalise_extracted(text)


def load_document(path: Path | str) -> Document:
    """Return the document stored at ``path``; raise DocumentError if it is unusable."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError(path, "no such file")
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        text, fmt = _read_text(path), "txt"
    elif suffix in HTML_SUFFIXES:
        text, fmt = _read_html(path), "html"
    elif suffix in PDF_SUFFIXES:
        text, fmt = _read_pdf(path), "pdf"
    else:
        raise DocumentError(path, f"unsupported file type {suffix or '(none)'}")
    return Document(name=path.name, text=text, path=path, source_format=fmt)


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Yield the supported files named by ``paths``, expanding folders in sorted order."""
    for item in paths:
        item = Path(item)
        if item.is_dir():
            for child in sorted(item.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        else:
            yield item


def load_paths(paths: Iterable[Path | str]) -> Iterator[Document]:
    """Yield a document for every supported file in ``paths`` (files or folders)."""
    for path in iter_files(paths):
        yield load_document(path)
