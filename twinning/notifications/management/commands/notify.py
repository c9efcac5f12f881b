"""``twinning notify``: tell responsible users in the app what is due (run it daily)."""

from django.core.management.base import BaseCommand

from twinning.notifications.services import notifications_from_alerts


class Command(BaseCommand):
    help = "Notify the editors of each organisation, in the app, of what is due."

    def handle(self, *args, **options):
        created = notifications_from_alerts()
        self.stdout.write(f"{created} new notification(s).")
