from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from twinning.partnerships.services import ImportRowError, partnerships_import
from twinning.partnerships.tabular import TableError
from twinning.partnerships.wikidata import partnerships_import_wikidata
from twinning.partnerships.world import world_import


class Command(BaseCommand):
    help = (
        "Import partnerships from CSV, XLSX or JSON: either the columns city1,country1,"
        "city2,country2 of public twin-town lists or the columns of 'twinning export'. "
        "Existing places are matched, pairs already present are skipped, and a malformed "
        "row stops the import with nothing written. 'wikidata RELATIONS NAMES' imports "
        "Wikidata P190 pairs: a file of QID pairs and a file of QID labels, both "
        "tab-separated without a header. 'world FILE [NAMES]' builds the reconciled world "
        "layer from a Wikipedia list (city1,country1,city2,country2), a Wikidata export "
        "with coordinates, or Wikidata QID pairs with their labels."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "resource", choices=["partnerships", "wikidata", "world"], help="What the file holds."
        )
        parser.add_argument(
            "file",
            type=Path,
            help="A .csv, .xlsx or .json file; for wikidata the file of QID pairs.",
        )
        parser.add_argument(
            "names",
            type=Path,
            nargs="?",
            metavar="NAMES",
            help="For wikidata (and world QID pairs): the file of QID labels.",
        )
        parser.add_argument(
            "--private", action="store_true", help="Hide the new partnerships from visitors."
        )

    def handle(self, *args, resource, file, names, private, **options):
        if resource == "wikidata":
            self.import_wikidata(file, names, private)
            return
        if resource == "world":
            self.import_world(file, names)
            return
        if names is not None:
            raise CommandError(_("import partnerships takes one file."))
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            report = partnerships_import(path=file, is_public=not private)
        except (ImportRowError, TableError) as exc:
            raise CommandError(f"{file.name}: {exc} Nothing was imported.") from exc
        self.stdout.write(report.summary())

    def import_wikidata(self, relations: Path, names: Path | None, private: bool) -> None:
        if names is None:
            raise CommandError(_("import wikidata needs two files: RELATIONS and NAMES."))
        for path in (relations, names):
            if not path.is_file():
                raise CommandError(_("%(path)s: no such file") % {"path": path})
        try:
            report = partnerships_import_wikidata(
                relations=relations, names=names, is_public=not private
            )
        except ImportRowError as exc:
            raise CommandError(_("%(error)s Nothing was imported.") % {"error": exc}) from exc
        self.stdout.write(report.summary())

    def import_world(self, path: Path, names: Path | None) -> None:
        from tqdm import tqdm

        for file in (path, names):
            if file is not None and not file.is_file():
                raise CommandError(_("%(path)s: no such file") % {"path": file})
        with tqdm(desc=path.name, unit=" rows", file=self.stderr, leave=False) as bar:
            try:
                report = world_import(path=path, names=names, progress=bar.update)
            except ImportRowError as exc:
                raise CommandError(_("%(error)s Nothing was imported.") % {"error": exc}) from exc
        self.stdout.write(report.summary())
