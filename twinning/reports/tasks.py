"""Background tasks of evaluation reports, run by `twinning worker` from the database queue."""

from django_tasks import task

from twinning.reports.services import report_file_build


@task()
def report_file_make(file_id: int) -> None:
    """Make a report's PDF or Word file."""
    report_file_build(file_id=file_id)
