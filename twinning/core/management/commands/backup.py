from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from twinning.core.backup import BackupError, backup_database


class Command(BaseCommand):
    help = "Copy the whole database into one file, safely while the site runs."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The backup file to write.")

    def handle(self, *args, file, **options):
        try:
            backup_database(file)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stderr.write(f"Wrote {file} ({file.stat().st_size} bytes)")
