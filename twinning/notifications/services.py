"""Writes of notifications: from the alerts to the responsible users, and marking read."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from twinning.notifications.models import Notification
from twinning.reports.selectors import EVERYONE, alerts_due
from twinning.reports.services import responsible_users


@transaction.atomic
def notifications_from_alerts(*, today: dt.date | None = None) -> int:
    """Tell each responsible user, in the app, of every alert of their organisations;
    return how many new notifications there are. An alert already told is not told again."""
    alerts = alerts_due(user=EVERYONE, today=today).items()
    created = 0
    for user_id, owner_ids in responsible_users({a.owner_id for a in alerts}).items():
        for alert in alerts:
            if alert.owner_id not in owner_ids:
                continue
            title = f"{alert.partnership}: {alert.title}" if alert.partnership else alert.title
            _row, new = Notification.objects.get_or_create(
                user_id=user_id,
                kind=alert.kind,
                url=alert.url,
                due=alert.date,
                defaults={"title": title[:300]},
            )
            created += new
    return created


@transaction.atomic
def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    """Mark the user's notifications read (all unread ones when no ids are given)."""
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read_at=timezone.now())
