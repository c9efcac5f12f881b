"""Writes of ingestion: storing read documents, reviewing suggestions, running upload jobs."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from twinning.core.partialdates import InvalidPartialDate, PartialDate
from twinning.core.text import fold
from twinning.focusareas.models import FocusArea
from twinning.ingestion import selectors
from twinning.ingestion.models import (
    IngestionFile,
    IngestionJob,
    JobStatus,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
)
from twinning.ingestion.reading import ReadDocument, document_read, file_check
from twinning.organisations.models import OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.partnerships.models import Partnership, PartnershipKind, PartnershipStatus
from twinning.partnerships.services import partnership_create
from twinning.people.services import person_create, post_create
from twinning.places.models import Place, PlaceKind, PlaceName
from twinning.places.services import place_create, place_name_add
from twinning.sources.models import Evidence, Source, SourceKind
from twinning.sources.services import evidence_add, source_create

# Keys of an engine record that are not the fact's own fields.
_RECORD_KEYS = {"doc", "type", "evidence", "start", "end"}


def max_upload_bytes() -> int:
    """Return the largest document, in bytes, that may be ingested."""
    return int(getattr(settings, "TWINNING_MAX_UPLOAD_BYTES", 50 * 1024 * 1024))


# Storing documents ------------------------------------------------------------------------


def _title(name: str) -> str:
    stem = Path(name).stem.replace("_", " ").strip()
    return (stem or name)[:300]


@transaction.atomic
def suggestions_create(*, source: Source, facts: Iterable[dict[str, Any]]) -> list[Suggestion]:
    """File the engine's fact records for a source as pending suggestions."""
    suggestions = []
    for record in facts:
        fields = {key: value for key, value in record.items() if key not in _RECORD_KEYS}
        suggestion = Suggestion(
            source=source,
            kind=record["type"],
            fields=fields,
            extracted=fields,
            start=record["start"],
            end=record["end"],
            quote=record["evidence"],
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
    if read.content_hash and Source.objects.filter(content_hash=read.content_hash).exists():
        return None
    source = source_create(
        title=_title(read.name),
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


@dataclass
class IngestReport:
    """What an ingestion run did, file by file."""

    stored: list[Source] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    suggestions: int = 0

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


# (path, outcome, message) after each file; outcome is "stored", "present" or "failed".
ResultCallback = Callable[[str, str, str], None]


def _read_all(todo: list[tuple[str, str]], jobs: int) -> Iterator[ReadDocument]:
    if jobs <= 1 or len(todo) <= 1:
        for path, digest in todo:
            yield document_read(path, "", digest)
        return
    # Spawned workers import only the engine: forking a process that holds database
    # connections and threads is unsafe.
    context = get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo)), mp_context=context) as pool:
        paths = [path for path, _digest in todo]
        digests = [digest for _path, digest in todo]
        # map() yields in submission order, so the stored result does not depend on timing.
        yield from pool.map(document_read, paths, [""] * len(paths), digests, chunksize=1)


def documents_ingest(
    *,
    paths: Iterable[Path | str],
    jobs: int = 1,
    owner=None,
    is_public: bool = True,
    on_result: ResultCallback | None = None,
) -> IngestReport:
    """Read files into sources and suggestions, one transaction per document.

    Files already stored (same SHA-256) are skipped, so running again after an interruption
    finishes the rest. A file that cannot be read or stored is reported and leaves nothing
    behind; the others go on.
    """
    report = IngestReport()
    notify = on_result or (lambda path, outcome, message: None)
    limit = max_upload_bytes()
    todo: list[tuple[str, str]] = []
    seen: set[str] = set()
    for path in map(str, paths):
        digest, problem = file_check(path, max_bytes=limit)
        if problem:
            report.failed.append((path, problem))
            notify(path, "failed", problem)
        elif digest in seen or Source.objects.filter(content_hash=digest).exists():
            report.present.append(path)
            notify(path, "present", _("already present"))
        else:
            seen.add(digest)
            todo.append((path, digest))
    for read in _read_all(todo, jobs):
        if read.error:
            report.failed.append((read.path, read.error))
            notify(read.path, "failed", read.error)
            continue
        try:
            source = document_store(read=read, owner=owner, is_public=is_public)
        except IntegrityError:
            source = None  # another run stored the same content meanwhile
        except Exception as exc:  # noqa: BLE001 - the transaction is rolled back; go on
            problem = _("could not be stored (%(error)s)") % {"error": exc}
            report.failed.append((read.path, problem))
            notify(read.path, "failed", problem)
            continue
        if source is None:
            report.present.append(read.path)
            notify(read.path, "present", _("already present"))
        else:
            report.stored.append(source)
            report.suggestions += len(read.facts)
            notify(read.path, "stored", "")
    return report


# Reviewing suggestions ----------------------------------------------------------------------

_LEADING_GENERIC = re.compile(r"^(?:the\s+)?(?:city|municipality|county|district)\s+of\s+", re.I)
_TRAILING_GENERIC = re.compile(r"\s+(?:kommune|municipality|city|district)$", re.I)


def _place_kind(name: str) -> str:
    words = set(fold(name).split())
    if words & {"kommune", "municipality", "municipal"}:
        return PlaceKind.MUNICIPALITY
    if words & {"region", "regional"}:
        return PlaceKind.REGION
    if words & {"province", "provins"}:
        return PlaceKind.PROVINCE
    if "district" in words:
        return PlaceKind.DISTRICT
    return PlaceKind.CITY


def _place_for(name: str | None, country: str | None = "", *, create: bool = True) -> Place:
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("A place is missing its name."))
    country = (country or "").strip().upper()
    place = selectors.place_match(name=name, country=country)
    if place is not None or not create:
        if place is None:
            raise ValidationError(_("No place called “%(name)s” is known.") % {"name": name})
        return place
    short = _TRAILING_GENERIC.sub("", _LEADING_GENERIC.sub("", name)).strip() or name
    place = place_create(name=short, kind=_place_kind(name), country=country)
    if short != name:
        place_name_add(place=place, name=name, language=PlaceName.Language.OTHER)
    return place


def _partial(value: Any, label: str) -> PartialDate | None:
    try:
        return PartialDate.parse(value or None)
    except (InvalidPartialDate, TypeError) as exc:
        raise ValidationError(
            _("%(label)s: “%(value)s” is not a date.") % {"label": label, "value": value}
        ) from exc


def _focus_areas(topics: Iterable[str]) -> tuple[list[FocusArea], list[str]]:
    by_key: dict[str, FocusArea] = {}
    for area in FocusArea.objects.all():
        for name in (area.slug.replace("-", " ").replace("_", " "), area.name_en, area.name_da):
            by_key.setdefault(fold(name), area)
    found, unknown = [], []
    for topic in topics:
        area = by_key.get(fold(topic))
        if area is None:
            unknown.append(topic)
        elif area not in found:
            found.append(area)
    return found, unknown


def _accept_partnership(suggestion: Suggestion) -> Partnership:
    fields = suggestion.fields
    a = _place_for(fields.get("a"), fields.get("a_country"))
    b = _place_for(fields.get("b"), fields.get("b_country"))
    if a.pk == b.pk:
        raise ValidationError(_("Both parties are the same place, %(place)s.") % {"place": a.name})
    existing = selectors.partnership_between(a=a, b=b)
    if existing is not None:
        return existing
    kind = fields.get("kind")
    status = fields.get("status")
    focus, unknown = _focus_areas(fields.get("focus") or [])
    notes = ""
    if unknown:
        notes = _("Other topics named in the source: %(topics)s.") % {"topics": ", ".join(unknown)}
    return partnership_create(
        party_a=a,
        party_b=b,
        kind=kind if kind in PartnershipKind.values else PartnershipKind.OTHER,
        # The engine says "unknown" when the text does not tell; a standing tie is active.
        status=status if status in PartnershipStatus.values else PartnershipStatus.ACTIVE,
        since=_partial(fields.get("since"), _("since")),
        until=_partial(fields.get("ended"), _("ended")),
        focus_areas=focus,
        notes=notes,
        owner=suggestion.source.owner,
        is_public=suggestion.source.is_public,
    )


def _organisation_kind(name: str) -> str:
    words = fold(name)
    for needles, kind in (
        (("skole", "school", "gymnasium", "high school"), OrganisationKind.SCHOOL),
        (("universit", "college", "academy"), OrganisationKind.UNIVERSITY),
        (("kommune", "municipality", "region", "city council"), OrganisationKind.MUNICIPALITY),
        (("embassy", "ambassade", "consulate"), OrganisationKind.EMBASSY),
        ((" a s", " aps", "company", "ltd", "group", "corporation"), OrganisationKind.COMPANY),
    ):
        if any(needle in f" {words} " or needle in words for needle in needles):
            return kind
    return OrganisationKind.OTHER


def _accept_person(suggestion: Suggestion):
    fields = suggestion.fields
    source = suggestion.source
    name = (fields.get("name") or "").strip()
    role = (fields.get("role") or "").strip()
    if not name or not role:
        raise ValidationError(_("A person needs a name and a role; edit the suggestion first."))
    person = selectors.person_match(name=name) or person_create(
        name=name, owner=source.owner, is_public=source.is_public
    )
    organisation = place = None
    if org := (fields.get("org") or "").strip():
        place = selectors.place_match(name=org)
        if place is None:
            organisation = selectors.organisation_match(name=org) or organisation_create(
                name=org,
                kind=_organisation_kind(org),
                owner=source.owner,
                is_public=source.is_public,
            )
    post = selectors.post_match(person=person, role=role, organisation=organisation, place=place)
    return post or post_create(person=person, role=role, organisation=organisation, place=place)


def _accept_event(suggestion: Suggestion):
    # Activities are a separate app; without it an accepted event stays a suggestion.
    if not apps.is_installed("twinning.activities"):
        return None
    from twinning.activities.models import Activity, ActivityArea, ActivityKind
    from twinning.activities.services import activity_create

    fields = suggestion.fields
    start = _partial(fields.get("date"), _("date"))
    if start is None:
        raise ValidationError(_("An event needs a date before it can be accepted; edit it first."))
    end = _partial(fields.get("end_date"), _("end date"))
    kind = fields.get("event") if fields.get("event") in ActivityKind.values else "other"
    area = fields.get("area") if fields.get("area") in ActivityArea.values else "overall"
    title = (fields.get("title") or suggestion.quote).strip()[:300]
    key = fold(title)
    for activity in Activity.objects.filter(start=start, kind=kind):
        if fold(activity.title) == key:
            return activity
    place = None
    if destination := (fields.get("to") or "").strip():
        place = selectors.place_match(name=destination)
    origin = (fields.get("from") or "").strip()
    description = "\n".join(
        line
        for line in (
            _("From: %(place)s") % {"place": origin} if origin else "",
            _("To: %(place)s") % {"place": destination} if destination and not place else "",
        )
        if line
    )
    partnership_ids = Suggestion.objects.filter(
        source=suggestion.source,
        kind=SuggestionKind.PARTNERSHIP,
        status__in=[SuggestionStatus.ACCEPTED, SuggestionStatus.EDITED],
        content_type=ContentType.objects.get_for_model(Partnership),
    ).values_list("object_id", flat=True)
    return activity_create(
        title=title,
        start=start,
        end=end if end and end != start else None,
        kind=kind,
        area=area,
        description=description,
        place=place,
        partnerships=Partnership.objects.filter(pk__in=list(partnership_ids)),
        owner=suggestion.source.owner,
        is_public=suggestion.source.is_public,
    )


_ACCEPT: dict[str, Callable[[Suggestion], models.Model | None]] = {
    SuggestionKind.PARTNERSHIP: _accept_partnership,
    SuggestionKind.PERSON: _accept_person,
    SuggestionKind.EVENT: _accept_event,
    # Projects and institution pairs are filed by hand for now; the accepted suggestion
    # keeps the fact and its passage.
    SuggestionKind.AMOUNT: lambda suggestion: None,
    SuggestionKind.INSTITUTION_PAIR: lambda suggestion: None,
}


def _evidence_once(suggestion: Suggestion, record: models.Model) -> None:
    already = Evidence.objects.filter(
        source=suggestion.source,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        start=suggestion.start,
        end=suggestion.end,
    ).exists()
    if not already:
        evidence_add(
            source=suggestion.source,
            fact=record,
            quote=suggestion.quote,
            start=suggestion.start,
            end=suggestion.end,
        )


def _check_pending(suggestion: Suggestion) -> None:
    if not suggestion.is_pending:
        raise ValidationError(_("This suggestion has already been reviewed."))


@transaction.atomic
def suggestion_accept(
    *, suggestion: Suggestion, user, fields: dict[str, Any] | None = None
) -> Suggestion:
    """Accept a suggestion, optionally with the reviewer's corrected fields.

    Link the registry record the fact describes, or create it when none matches, and record
    the quoted passage as its evidence. Raise ValidationError when the fact cannot be filed.
    """
    _check_pending(suggestion)
    edited = fields is not None and fields != suggestion.fields
    if fields is not None:
        suggestion.fields = fields
    record = _ACCEPT[suggestion.kind](suggestion)
    if record is not None:
        _evidence_once(suggestion, record)
        suggestion.record = record
    suggestion.status = SuggestionStatus.EDITED if edited else SuggestionStatus.ACCEPTED
    suggestion.reviewer = user
    suggestion.reviewed_at = timezone.now()
    suggestion.full_clean(validate_constraints=False)
    suggestion.save()
    return suggestion


@transaction.atomic
def suggestion_reject(*, suggestion: Suggestion, user) -> Suggestion:
    """Mark a suggestion as wrong or not worth keeping."""
    _check_pending(suggestion)
    suggestion.status = SuggestionStatus.REJECTED
    suggestion.reviewer = user
    suggestion.reviewed_at = timezone.now()
    suggestion.full_clean(validate_constraints=False)
    suggestion.save()
    return suggestion


# Upload jobs --------------------------------------------------------------------------------


@transaction.atomic
def job_create(*, user, files, owner=None, is_public: bool = True) -> IngestionJob:
    """Keep uploaded files in the database as a job for a background worker."""
    job = IngestionJob(user=user, owner=owner, is_public=is_public, file_count=len(files))
    job.full_clean()
    job.save()
    IngestionFile.objects.bulk_create(
        IngestionFile(
            job=job, file_name=upload.name[:255], size=upload.size, data=b"".join(upload.chunks())
        )
        for upload in files
    )
    return job


def job_enqueue(*, job: IngestionJob) -> IngestionJob:
    """Queue the job for a worker, or run it now when tasks run immediately."""
    from twinning.ingestion.tasks import ingestion_job_run

    result = ingestion_job_run.enqueue(job_id=job.pk)
    IngestionJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def _job_file_run(job: IngestionJob, upload: IngestionFile) -> str:
    """Read and store one uploaded file; return the problem, or "" on success."""
    suffix = Path(upload.file_name).suffix.lower()
    with tempfile.TemporaryDirectory(prefix="twinning-upload-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(bytes(upload.data))
        digest, problem = file_check(path, max_bytes=max_upload_bytes())
        if problem:
            return problem
        existing = Source.objects.filter(content_hash=digest).first()
        if existing is not None:
            upload.source = existing
            return ""
        read = document_read(str(path), upload.file_name, digest)
    if read.error:
        return read.error
    try:
        upload.source = document_store(read=read, owner=job.owner, is_public=job.is_public)
    except Exception as exc:  # noqa: BLE001 - rolled back; the other files go on
        return _("could not be stored (%(error)s)") % {"error": exc}
    if upload.source is None:
        upload.source = Source.objects.filter(content_hash=digest).first()
    return ""


def job_run(*, job_id: int) -> IngestionJob:
    """Read every file of a job into sources and suggestions, reporting progress as it goes."""
    job = IngestionJob.objects.get(pk=job_id)
    if job.is_finished:
        return job
    job.status, job.started_at = JobStatus.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    errors = [line for line in job.errors.splitlines() if line]
    try:
        pending = job.files.filter(source__isnull=True, error="").order_by("pk")
        for file_pk in pending.values_list("pk", flat=True):
            upload = IngestionFile.objects.get(pk=file_pk)
            problem = _job_file_run(job, upload)
            upload.error = problem
            upload.data = b""
            upload.save(update_fields=["source", "error", "data"])
            if problem:
                errors.append(f"{upload.file_name}: {problem}")
            job.processed_count = job.files.exclude(source__isnull=True, error="").count()
            job.errors = "\n".join(errors)
            job.save(update_fields=["processed_count", "errors"])
    except Exception as exc:
        job.status, job.finished_at = JobStatus.FAILED, timezone.now()
        job.errors = "\n".join([*errors, _("The job stopped: %(error)s") % {"error": exc}])
        job.save(update_fields=["status", "finished_at", "errors"])
        raise
    job.status, job.finished_at = JobStatus.DONE, timezone.now()
    job.save(update_fields=["status", "finished_at"])
    return job
