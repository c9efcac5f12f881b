"""Reads of notifications and of outgoing webhooks with their deliveries."""

from django.db.models import Prefetch, QuerySet

from twinning.accounts.models import Role
from twinning.accounts.selectors import user_organisation_ids
from twinning.notifications.models import (
    Notification,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)


def notification_list(*, user) -> QuerySet[Notification]:
    """Return the user's notifications, unread first, newest first."""
    return Notification.objects.filter(user=user).order_by("-read_at", "-created_at", "-pk")


def unread_count(*, user) -> int:
    """Return how many of the user's notifications are unread."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


def webhook_organisation_ids(*, user) -> set[int] | None:
    """Return the organisations whose webhooks the user manages (administrators); None: all."""
    if getattr(user, "is_superuser", False):
        return None
    return user_organisation_ids(user, roles=(Role.ADMIN,))


def webhook_list(*, user) -> QuerySet[WebhookEndpoint]:
    """Return the webhooks the user manages, with their organisations."""
    rows = WebhookEndpoint.objects.select_related("owner").order_by("owner__name", "url", "pk")
    org_ids = webhook_organisation_ids(user=user)
    return rows if org_ids is None else rows.filter(owner_id__in=org_ids)


def webhook_deliveries(*, endpoint: WebhookEndpoint, limit: int = 100) -> list[WebhookDelivery]:
    """Return the newest deliveries of a webhook with all their attempts."""
    return list(
        endpoint.deliveries.prefetch_related(
            Prefetch("attempts", queryset=WebhookAttempt.objects.order_by("number"))
        ).order_by("-created_at", "-pk")[:limit]
    )
