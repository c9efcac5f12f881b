from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from twinning.demo.services import demo_is_loaded, demo_load, demo_world_load
from twinning.partnerships.services import ImportRowError


class Command(BaseCommand):
    help = (
        "Load the demo registry: the places, partnerships, agreements, people and sources "
        "that the project's example documents state. Loading twice changes nothing. With "
        "--world, the known world of twin towns is imported beneath it from open-data "
        "files: Wikipedia lists (CSV: city1,country1,city2,country2), Wikidata exports "
        "(TSV with origincityLabel … destination_countryLabel) and Wikidata QID pairs "
        "(relations.tsv with its labels in names.tsv)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only when the registry holds no partnerships yet; world files "
            "already imported are skipped.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete every registry record first, then load the demo afresh.",
        )
        parser.add_argument(
            "--world",
            nargs="+",
            type=Path,
            metavar="PATH",
            help="World files, or folders holding them, to import beneath the demo.",
        )

    def handle(self, *args, if_empty, reset, world, **options):
        for path in world or ():
            if not path.exists():
                raise CommandError(_("%(path)s: no such file or folder") % {"path": path})
        if if_empty and demo_is_loaded():
            self.stdout.write("The registry already holds data; demo not loaded.")
        else:
            report = demo_load(reset=reset)
            self.stdout.write(f"Demo data loaded: {report.summary()}.")
        if world:
            self.load_world(world)

    def load_world(self, paths: list[Path]) -> None:
        from tqdm import tqdm

        with tqdm(desc="world", unit=" rows", file=self.stderr, leave=False) as bar:
            try:
                load = demo_world_load(paths=paths, progress=bar.update)
            except ImportRowError as exc:
                raise CommandError(
                    _("%(error)s Nothing of that file was imported.") % {"error": exc}
                ) from exc
        for report in load.imported:
            self.stdout.write(report.summary())
        for name in load.already:
            self.stdout.write(_("%(file)s: already imported, skipped") % {"file": name})
        for name in load.aside:
            self.stdout.write(_("%(file)s: not a world file, left aside") % {"file": name})
        if not load.imported and not load.already:
            raise CommandError(
                _(
                    "No world file found. Give Wikipedia twin-town lists (CSV with the "
                    "columns city1,country1,city2,country2), Wikidata exports or Wikidata "
                    "QID pairs (relations.tsv with names.tsv)."
                )
            )
