from django.core.management.base import BaseCommand

from twinning.demo.services import demo_is_loaded, demo_load


class Command(BaseCommand):
    help = (
        "Load the demo registry: the places, partnerships, agreements, people and sources "
        "that the project's example documents state. Loading twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only when the registry holds no partnerships yet.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete every registry record first, then load the demo afresh.",
        )

    def handle(self, *args, if_empty, reset, **options):
        if if_empty and demo_is_loaded():
            self.stdout.write("The registry already holds data; demo not loaded.")
            return
        report = demo_load(reset=reset)
        self.stdout.write(f"Demo data loaded: {report.summary()}.")
