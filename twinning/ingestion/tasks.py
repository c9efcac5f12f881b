"""Background tasks of ingestion, run by `twinning worker` from the database queue."""

from django_tasks import task

from twinning.ingestion import services


@task()
def ingestion_job_run(job_id: int) -> None:
    """Read the files of an upload job into sources and suggestions."""
    services.job_run(job_id=job_id)
