"""Upload jobs: files kept in the database until a background worker ingests them."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.ingestion.models import IngestionFile, IngestionJob, JobStatus
from twinning.ingestion.services.documents import (
    DocumentFile,
    FileResult,
    Outcome,
    documents_ingest,
)


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


def job_queued(*, job: IngestionJob, task_id: str) -> IngestionJob:
    """Record the task that runs the job, once the caller has queued it."""
    IngestionJob.objects.filter(pk=job.pk).update(task_id=str(task_id)[:64])
    job.refresh_from_db()
    return job


def _progress(job: IngestionJob, upload: IngestionFile, result: FileResult) -> None:
    upload.source = result.source
    upload.error = result.problem if result.outcome == Outcome.FAILED else ""
    upload.data = b""
    upload.save(update_fields=["source", "error", "data"])
    job.processed_count = job.files.exclude(source__isnull=True, error="").count()
    lines = [f"{upload.file_name}: {upload.error}"] if upload.error else []
    job.errors = "\n".join([*job.errors.splitlines(), *lines])
    job.save(update_fields=["processed_count", "errors"])


def job_run(*, job_id: int) -> IngestionJob:
    """Ingest every file of a job, one at a time, reporting progress as it goes."""
    job = IngestionJob.objects.get(pk=job_id)
    if job.is_finished:
        return job
    job.status, job.started_at = JobStatus.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    try:
        pending = job.files.filter(source__isnull=True, error="").order_by("pk")
        for file_pk in pending.values_list("pk", flat=True):
            upload = IngestionFile.objects.get(pk=file_pk)
            with tempfile.TemporaryDirectory(prefix="twinning-upload-") as folder:
                path = Path(folder) / f"upload{Path(upload.file_name).suffix.lower()}"
                path.write_bytes(bytes(upload.data))
                documents_ingest(
                    files=[DocumentFile(path=str(path), name=upload.file_name)],
                    owner=job.owner,
                    is_public=job.is_public,
                    on_result=lambda result, upload=upload: _progress(job, upload, result),
                )
    except Exception as exc:
        job.status, job.finished_at = JobStatus.FAILED, timezone.now()
        job.errors = "\n".join(
            [*job.errors.splitlines(), _("The job stopped: %(error)s") % {"error": exc}]
        )
        job.save(update_fields=["status", "finished_at", "errors"])
        raise
    job.status, job.finished_at = JobStatus.DONE, timezone.now()
    job.save(update_fields=["status", "finished_at"])
    return job
