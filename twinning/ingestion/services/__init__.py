"""Writes of ingestion, in three parts that call each other only downwards.

- ``documents``: check, read and store files as sources with suggestions (the one
  ingest function the command line and the upload worker share);
- ``review``: accept, correct, reject and reopen suggestions;
- ``jobs``: uploads kept for a background worker; the caller queues the task.
"""

from twinning.ingestion.services.documents import (
    DocumentFile,
    FileResult,
    IngestReport,
    Outcome,
    document_store,
    documents_ingest,
    max_upload_bytes,
    suggestions_create,
)
from twinning.ingestion.services.jobs import job_create, job_queued, job_run
from twinning.ingestion.services.review import (
    NEW,
    ReviewStateError,
    suggestion_accept,
    suggestion_check_pending,
    suggestion_correct,
    suggestion_reject,
    suggestion_reopen,
)

__all__ = [
    "NEW",
    "ReviewStateError",
    "DocumentFile",
    "FileResult",
    "IngestReport",
    "Outcome",
    "document_store",
    "documents_ingest",
    "job_create",
    "job_queued",
    "job_run",
    "max_upload_bytes",
    "suggestion_accept",
    "suggestion_check_pending",
    "suggestion_correct",
    "suggestion_reject",
    "suggestion_reopen",
    "suggestions_create",
]
