from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "twinning.notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from twinning.core.changes import listen
        from twinning.notifications.tasks import webhook_deliveries_queue

        listen(webhook_deliveries_queue)
