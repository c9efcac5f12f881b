"""Background tasks of ingestion, run by `twinning worker` from the database queue."""

from django_tasks import task

from twinning.ingestion.services.jobs import job_run


@task()
def ingestion_job_run(job_id: int) -> None:
    """Read the files of an upload job into sources and suggestions."""
    job_run(job_id=job_id)
