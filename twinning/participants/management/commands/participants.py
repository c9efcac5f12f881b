"""``twinning participants purge``: remove names once the retention period has passed."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from twinning.participants.services import registers_purge, retention_days


class Command(BaseCommand):
    help = (
        "Remove participants' names and contacts from registers whose event ended longer "
        "ago than TWINNING_PARTICIPANT_RETENTION_DAYS; the counts stay. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["purge"])
        parser.add_argument(
            "--today", help="Purge as on this day (YYYY-MM-DD) instead of today.", default=None
        )

    def handle(self, *args, action, today, **options):
        try:
            day = dt.date.fromisoformat(today) if today else None
        except ValueError as exc:
            raise CommandError(f"--today: {today!r} is not a date written YYYY-MM-DD.") from exc
        purged = registers_purge(today=day)
        self.stdout.write(
            f"Removed the names of {purged['participants']} participants in "
            f"{purged['registers']} registers (retention {retention_days()} days)."
        )
