"""``twinning alerts``: list what is due, for people and for cron.

The exit status is 1 when anything is due, so that cron or a monitor can act on it.
"""

import sys

from django.core.management.base import BaseCommand

from twinning.reports.selectors import EVERYONE, alerts_due
from twinning.reports.services import alerts_email_digest


class Command(BaseCommand):
    help = (
        "List agreements due for renewal, at their notice deadline or lapsed, visits soon "
        "and commitments due or overdue."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing; only exit 0 or 1.")
        parser.add_argument(
            "--email",
            action="store_true",
            help="Also e-mail each responsible editor a digest of their organisation's items.",
        )

    def handle(self, *args, **options):
        alerts = alerts_due(user=EVERYONE)
        if not options["quiet"]:
            self._print(alerts)
        if options["email"]:
            sent = alerts_email_digest(alerts=alerts)
            if not options["quiet"]:
                self.stdout.write(f"E-mailed {sent} digest(s).")
        if alerts:
            sys.exit(1)

    def _print(self, alerts):
        # One line per alert, tab-separated: kind, day, partnership or blank, what.
        for alert in alerts.items():
            day = alert.date.isoformat() if alert.date else ""
            self.stdout.write(f"{alert.kind}\t{day}\t{alert.partnership}\t{alert.title}")
        if not alerts:
            self.stdout.write("Nothing is due.")
