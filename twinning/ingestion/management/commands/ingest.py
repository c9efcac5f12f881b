import os

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from twinning.extraction.documents import iter_files
from twinning.ingestion.services import FileResult, Outcome, documents_ingest
from twinning.organisations.models import Organisation


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Read .txt, .html and .pdf documents (files or folders) into sources and suggested "
        "facts for review. Each document is stored whole or not at all; documents already "
        "stored are skipped, so an interrupted run can simply be started again."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="documents or folders")
        parser.add_argument(
            "--jobs",
            type=_positive,
            default=os.cpu_count() or 1,
            help="documents read in parallel (default: the number of CPUs)",
        )
        parser.add_argument(
            "--owner", help="name or id of the organisation the new sources belong to"
        )
        parser.add_argument(
            "--private", action="store_true", help="hide the new sources from visitors"
        )

    def _owner(self, value: str | None) -> Organisation | None:
        if not value:
            return None
        owners = (
            Organisation.objects.filter(pk=int(value))
            if value.isdigit()
            else Organisation.objects.filter(name__iexact=value)
        )
        found = list(owners[:2])
        if len(found) != 1:
            raise CommandError(f"--owner {value}: no single organisation has this name or id")
        return found[0]

    def handle(self, *args, paths, jobs, owner, private, **options):
        owner = self._owner(owner)
        files = list(iter_files(paths))
        if not files:
            raise CommandError("no .txt, .html or .pdf documents found in the paths given")
        bar = tqdm(total=len(files), unit="doc", disable=None, file=self.stderr._out)

        def on_result(result: FileResult) -> None:
            path = result.file.path
            if result.outcome == Outcome.FAILED:
                # tqdm.write keeps the message from breaking the progress bar.
                tqdm.write(f"error: {path}: {result.problem}", file=self.stderr._out)
            elif result.outcome == Outcome.PRESENT and options["verbosity"] > 1:
                tqdm.write(f"{path}: {result.problem}", file=self.stdout._out)
            bar.update(1)

        try:
            report = documents_ingest(
                files=files, jobs=jobs, owner=owner, is_public=not private, on_result=on_result
            )
        finally:
            bar.close()
        self.stdout.write(report.summary())
        if report.failed:
            raise CommandError(
                f"{len(report.failed)} of {len(files)} documents could not be ingested; "
                "nothing was stored for them",
                returncode=1,
            )
