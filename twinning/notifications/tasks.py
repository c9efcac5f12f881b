"""Background tasks of outgoing webhooks, run by `twinning worker` from the database queue."""

from django.utils import timezone
from django_tasks import task

from twinning.core.changes import Change
from twinning.notifications.services import webhook_deliveries_create, webhook_delivery_attempt


@task()
def webhook_deliver(delivery_id: int) -> None:
    """Send a delivery once; queue the next try after its wait when it was not taken."""
    wait = webhook_delivery_attempt(delivery_id=delivery_id)
    if wait is not None:
        webhook_deliver.using(run_after=timezone.now() + wait).enqueue(delivery_id)


def webhook_deliveries_queue(change: Change) -> None:
    """Write the deliveries of a committed change and queue their sending."""
    for delivery_id in webhook_deliveries_create(change=change):
        webhook_deliver.enqueue(delivery_id)
