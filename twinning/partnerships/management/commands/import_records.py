from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from twinning.partnerships.services import ImportRowError, partnerships_import
from twinning.partnerships.tabular import TableError


class Command(BaseCommand):
    help = (
        "Import partnerships from CSV, XLSX or JSON: either the columns city1,country1,"
        "city2,country2 of public twin-town lists or the columns of 'twinning export'. "
        "Existing places are matched, pairs already present are skipped, and a malformed "
        "row stops the import with nothing written."
    )

    def add_arguments(self, parser):
        parser.add_argument("resource", choices=["partnerships"], help="What the file holds.")
        parser.add_argument("file", type=Path, help="A .csv, .xlsx or .json file.")
        parser.add_argument(
            "--private", action="store_true", help="Hide the new partnerships from visitors."
        )

    def handle(self, *args, resource, file, private, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            report = partnerships_import(path=file, is_public=not private)
        except (ImportRowError, TableError) as exc:
            raise CommandError(f"{file.name}: {exc} Nothing was imported.") from exc
        self.stdout.write(report.summary())
