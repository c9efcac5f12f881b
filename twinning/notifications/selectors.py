"""Reads of notifications."""

from django.db.models import QuerySet

from twinning.notifications.models import Notification


def notification_list(*, user) -> QuerySet[Notification]:
    """Return the user's notifications, unread first, newest first."""
    return Notification.objects.filter(user=user).order_by("-read_at", "-created_at", "-pk")


def unread_count(*, user) -> int:
    """Return how many of the user's notifications are unread."""
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
