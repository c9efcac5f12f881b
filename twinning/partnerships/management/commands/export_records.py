import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from twinning.partnerships.selectors import partnership_export_rows
from twinning.partnerships.tabular import FORMATS, write_rows


class Command(BaseCommand):
    help = "Export partnerships in the columns that 'twinning import' reads back."

    def add_arguments(self, parser):
        parser.add_argument("resource", choices=["partnerships"], help="What to export.")
        parser.add_argument("--format", choices=FORMATS, default="csv", help="File format.")
        parser.add_argument(
            "-o", "--output", type=Path, help="File to write; standard output when left out."
        )

    def handle(self, *args, resource, format, output, **options):
        rows = partnership_export_rows()
        if output is None:
            write_rows(rows, format, sys.stdout.buffer)
            sys.stdout.flush()
            return
        with output.open("wb") as stream:
            write_rows(rows, format, stream)
        self.stderr.write(f"Wrote {output}")
