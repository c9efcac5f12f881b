"""Read one document file into text and facts, in whichever process runs it.

This module imports no Django, so worker processes start quickly and never touch the
database; the parent process stores what they return.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from twinning.extraction.documents import DocumentError, load_document
from twinning.extraction.facts import Fact
from twinning.extraction.language import detect_language
from twinning.extraction.pipeline import extract

_CHUNK = 1024 * 1024


@dataclass
class ReadDocument:
    """What reading one file gave: its text and facts, or the problem that stopped it."""

    path: str
    name: str
    content_hash: str = ""
    text: str = ""
    source_format: str = ""
    language: str = ""
    title: str = ""
    facts: list[Fact] = field(default_factory=list)
    error: str = ""


def file_check(path: Path | str, *, max_bytes: int) -> tuple[str, str]:
    """Return the SHA-256 of a file and "" or, when it cannot be used, "" and the problem.

    The size is checked before any byte is read, so an over-size file costs nothing.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            return "", "not a file"
        if size > max_bytes:
            return "", (
                f"the file is too large ({_megabytes(size)}; the limit is {_megabytes(max_bytes)})"
            )
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except FileNotFoundError:
        return "", "no such file"
    except OSError as exc:
        return "", f"cannot read the file ({exc.strerror or exc})"
    return digest.hexdigest(), ""


def _megabytes(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size} bytes"
    return f"{size / (1024 * 1024):.1f} MB"


# A first line longer than this, or ending as a sentence does, is a paragraph.
_HEADLINE_CHARS = 150


def headline(text: str, name: str) -> str:
    """Return the document's headline: its first line when that reads as one, else its name."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        letters = sum(char.isalpha() for char in line)
        if len(line) <= _HEADLINE_CHARS and letters >= 3 and not line.endswith((".", ",", ";")):
            return line
        break
    stem = Path(name).stem.replace("_", " ").strip()
    return stem or name


def document_read(path: str, name: str = "", content_hash: str = "") -> ReadDocument:
    """Return the normalised text and the facts of the document at ``path``.

    Never raises for a bad document: the problem is returned in ``error``.
    """
    result = ReadDocument(path=path, name=name or Path(path).name, content_hash=content_hash)
    try:
        document = load_document(path)
        if not document.text.strip():
            raise DocumentError(path, "the document has no text")
        facts = extract(document)
    except DocumentError as exc:
        result.error = exc.problem
        return result
    except OSError as exc:
        result.error = f"cannot read the file ({exc.strerror or exc})"
        return result
    except Exception as exc:  # noqa: BLE001 - a fault on one document must not stop the batch
        result.error = f"the document could not be read ({type(exc).__name__}: {exc})"
        return result
    result.text = document.text
    result.source_format = document.source_format
    result.language = detect_language(document.text) or ""
    result.title = headline(document.text, result.name)
    result.facts = list(facts)
    return result
