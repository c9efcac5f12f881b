from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from twinning.core.backup import BackupError, restore_database, table_fingerprints


class Command(BaseCommand):
    help = "Replace the whole database with a backup written by 'twinning backup'."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The backup file to read.")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before replacing the database."
        )

    def handle(self, *args, file, yes, **options):
        if not yes and options.get("interactive", True):
            answer = input("Everything in the database will be replaced. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was restored.")
        try:
            restore_database(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(count for count, _digest in table_fingerprints().values())
        self.stderr.write(f"Restored {file}: {rows} rows")
