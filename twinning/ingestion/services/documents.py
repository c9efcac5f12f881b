"""Storing documents: one ingest function turns files into sources with suggestions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from twinning.extraction.facts import Fact
from twinning.ingestion.facts import fact_fields
from twinning.ingestion.models import Suggestion
from twinning.ingestion.reading import ReadDocument, document_read, file_check
from twinning.ingestion.selectors import source_with_content
from twinning.sources.models import Source, SourceKind
from twinning.sources.services import source_create


def max_upload_bytes() -> int:
    """Return the largest document, in bytes, that may be ingested."""
    return int(getattr(settings, "TWINNING_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))


@transaction.atomic
def suggestions_create(*, source: Source, facts: Iterable[Fact]) -> list[Suggestion]:
    """File the engine's facts for a source as pending suggestions."""
    suggestions = []
    for fact in facts:
        fields = fact_fields(fact)
        suggestion = Suggestion(
            source=source,
            kind=fact.kind,
            fields=fields,
            extracted=fields,
            start=fact.start,
            end=fact.end,
            quote=fact.evidence,
        )
        # The database checks the constraints; validating them here costs a query each.
        suggestion.full_clean(validate_constraints=False)
        suggestions.append(suggestion)
    return bulk_create_with_history(suggestions, Suggestion, batch_size=500)


@transaction.atomic
def document_store(*, read: ReadDocument, owner=None, is_public: bool = True) -> Source | None:
    """Store a read document as a source with its suggestions, all or nothing.

    Return None when a source with the same content is already stored.
    """
    if read.error:
        raise ValueError(f"{read.name}: {read.error}")
    if source_with_content(content_hash=read.content_hash) is not None:
        return None
    source = source_create(
        title=(read.title or Path(read.name).stem or read.name)[:300],
        kind=SourceKind.WEB_PAGE if read.source_format == "html" else SourceKind.REPORT,
        language=read.language[:10],
        file_name=read.name[:255],
        content_hash=read.content_hash,
        text=read.text,
        owner=owner,
        is_public=is_public,
    )
    suggestions_create(source=source, facts=read.facts)
    return source


@dataclass(frozen=True)
class DocumentFile:
    """A file to ingest and the name it is known by (an upload's name, or the path's)."""

    path: str
    name: str = ""


class Outcome:
    """What happened to one file."""

    STORED = "stored"
    PRESENT = "present"
    FAILED = "failed"


@dataclass
class FileResult:
    """The outcome of ingesting one file, with the source that now holds it, if any."""

    file: DocumentFile
    outcome: str
    source: Source | None = None
    problem: str = ""
    suggestions: int = 0


@dataclass
class IngestReport:
    """What an ingestion run did, file by file."""

    results: list[FileResult] = field(default_factory=list)

    def of(self, outcome: str) -> list[FileResult]:
        return [result for result in self.results if result.outcome == outcome]

    @property
    def stored(self) -> list[Source]:
        return [result.source for result in self.of(Outcome.STORED)]

    @property
    def present(self) -> list[str]:
        return [result.file.path for result in self.of(Outcome.PRESENT)]

    @property
    def failed(self) -> list[tuple[str, str]]:
        return [(result.file.path, result.problem) for result in self.of(Outcome.FAILED)]

    @property
    def suggestions(self) -> int:
        return sum(result.suggestions for result in self.results)

    def summary(self) -> str:
        return _(
            "%(stored)d documents stored with %(suggestions)d suggestions, "
            "%(present)d already present, %(failed)d failed"
        ) % {
            "stored": len(self.stored),
            "suggestions": self.suggestions,
            "present": len(self.present),
            "failed": len(self.failed),
        }


# Called with each file's result as soon as it is known.
ResultCallback = Callable[[FileResult], None]


def _read_all(todo: list[tuple[DocumentFile, str]], jobs: int) -> Iterator[ReadDocument]:
    if jobs <= 1 or len(todo) <= 1:
        for item, digest in todo:
            yield document_read(item.path, item.name, digest)
        return
    # Spawned workers import only the engine: forking a process that holds database
    # connections and threads is unsafe.
    context = get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context) as pool:
        paths = [item.path for item, _digest in todo]
        names = [item.name for item, _digest in todo]
        digests = [digest for _item, digest in todo]
        # map() yields in submission order, so the stored result does not depend on timing.
        yield from pool.map(document_read, paths, names, digests, chunksize=1)


def documents_ingest(
    *,
    files: Iterable[DocumentFile | Path | str],
    jobs: int = 1,
    owner=None,
    is_public: bool = True,
    on_result: ResultCallback | None = None,
) -> IngestReport:
    """Check, read and store files as sources with suggestions, one transaction each.

    The command line and the upload worker both come here. A file whose content is
    already stored (same SHA-256) is reported with that source, so running again after
    an interruption finishes the rest. A file that cannot be read or stored is reported
    and leaves nothing behind; the others go on.
    """
    report = IngestReport()

    def done(result: FileResult) -> None:
        report.results.append(result)
        if on_result is not None:
            on_result(result)

    limit = max_upload_bytes()
    todo: list[tuple[DocumentFile, str]] = []
    seen: set[str] = set()
    # Copies of a file earlier in this run, reported once that one is stored.
    copies: list[tuple[DocumentFile, str]] = []
    for item in files:
        if not isinstance(item, DocumentFile):
            item = DocumentFile(path=str(item))
        digest, problem = file_check(item.path, max_bytes=limit)
        if problem:
            done(FileResult(item, Outcome.FAILED, problem=problem))
        elif digest in seen:
            copies.append((item, digest))
        elif (existing := source_with_content(content_hash=digest)) is not None:
            done(FileResult(item, Outcome.PRESENT, existing, _("already present")))
        else:
            seen.add(digest)
            todo.append((item, digest))
    for item, read in zip((item for item, _d in todo), _read_all(todo, jobs), strict=True):
        if read.error:
            done(FileResult(item, Outcome.FAILED, problem=read.error))
            continue
        try:
            source = document_store(read=read, owner=owner, is_public=is_public)
        except IntegrityError:
            source = None  # another run stored the same content meanwhile
        except Exception as exc:  # noqa: BLE001 - the transaction is rolled back; go on
            problem = _("could not be stored (%(error)s)") % {"error": exc}
            done(FileResult(item, Outcome.FAILED, problem=problem))
            continue
        if source is None:
            existing = source_with_content(content_hash=read.content_hash)
            done(FileResult(item, Outcome.PRESENT, existing, _("already present")))
        else:
            done(FileResult(item, Outcome.STORED, source, suggestions=len(read.facts)))
    for item, digest in copies:
        existing = source_with_content(content_hash=digest)
        done(FileResult(item, Outcome.PRESENT, existing, _("already present")))
    return report
