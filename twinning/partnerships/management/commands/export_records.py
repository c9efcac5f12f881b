import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from twinning.core.exports import atomic_file
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
        parser.add_argument(
            "--danish",
            action="store_true",
            help="Write CSV for Danish spreadsheets: a byte-order mark and ';' between fields.",
        )

    def handle(self, *args, resource, format, output, danish, **options):
        rows = partnership_export_rows()
        if output is None:
            write_rows(rows, format, sys.stdout.buffer, danish=danish)
            sys.stdout.flush()
            return
        # The file appears only once it is complete; a failure leaves no empty file behind.
        with atomic_file(output) as stream:
            write_rows(rows, format, stream, danish=danish)
        self.stderr.write(f"Wrote {output}")
