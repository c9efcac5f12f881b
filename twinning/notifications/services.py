"""Writes of notifications: from the alerts to the responsible users, marking them read;
and outgoing webhooks: endpoints, deliveries of changes, signed attempts with retries."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from twinning.core.changes import Change
from twinning.notifications.models import (
    DeliveryStatus,
    Notification,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookKind,
)
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


# Outgoing webhooks -------------------------------------------------------------------------


@transaction.atomic
def webhook_create(
    *, owner, url: str, kinds: list[str], actions: list[str], created_by=None
) -> WebhookEndpoint:
    """Register an address to be told of changes of an organisation's chosen records."""
    endpoint = WebhookEndpoint(
        owner=owner, url=url, kinds=list(kinds), actions=list(actions), created_by=created_by
    )
    endpoint.full_clean()
    endpoint.save()
    return endpoint


@transaction.atomic
def webhook_set_active(*, endpoint: WebhookEndpoint, is_active: bool) -> WebhookEndpoint:
    """Pause or resume the sending of changes to an address."""
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(is_active=is_active)
    endpoint.is_active = is_active
    return endpoint


@transaction.atomic
def webhook_delete(*, endpoint: WebhookEndpoint) -> None:
    """Delete an address with the log of what was sent to it."""
    endpoint.delete()


def webhook_signature(*, secret: str, timestamp: int, body: bytes) -> str:
    """Return the signature header's value: HMAC-SHA256 of "<timestamp>.<body>"."""
    message = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _body(change: Change, kind: str) -> str:
    url = change.url and f"{settings.TWINNING_SITE_URL}{change.url}"
    return json.dumps(
        {
            "event": f"{kind}.{change.action}",
            "kind": kind,
            "action": change.action,
            "record": {
                "id": change.pk,
                "title": change.title,
                "url": url,
                "version": change.version,
            },
            "organisation": change.owner_id,
            "occurred_at": change.at.isoformat(),
        },
        ensure_ascii=False,
        sort_keys=True,
    )


@transaction.atomic
def webhook_deliveries_create(*, change: Change) -> list[int]:
    """Write a delivery of a change for each active endpoint that follows it; return their ids."""
    kind = change.model.split(".")[-1].lower()
    if kind not in WebhookKind.values or change.owner_id is None:
        return []
    endpoints = WebhookEndpoint.objects.filter(owner_id=change.owner_id, is_active=True)
    wanted = [e for e in endpoints if kind in e.kinds and change.action in e.actions]
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(endpoint=e, event=f"{kind}.{change.action}", body=_body(change, kind))
        for e in wanted
    )
    return [delivery.pk for delivery in deliveries]


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect is an answer like any other: it is logged, not followed.
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _refused_address(url: str) -> str:
    """Return why an address may not be called, or "" when it may."""
    if settings.TWINNING_WEBHOOK_ALLOW_PRIVATE:
        return ""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError) as error:
        return f"address not found: {error}"
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            return f"{host} is a private or local address ({ip})"
    return ""


def webhook_delivery_attempt(*, delivery_id: int) -> dt.timedelta | None:
    """Try to send a delivery once and log the attempt; return the wait before the next
    try, or None when there is none to make (delivered, given up, or gone)."""
    delivery = (
        WebhookDelivery.objects.select_related("endpoint")
        .filter(pk=delivery_id, status=DeliveryStatus.PENDING)
        .first()
    )
    if delivery is None:
        return None
    endpoint = delivery.endpoint
    number = delivery.attempts.count() + 1
    body = delivery.body.encode()
    timestamp = int(time.time())
    code, error = None, _refused_address(endpoint.url)
    started = time.monotonic()
    if not error:
        request = urllib.request.Request(
            endpoint.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": "twinning-webhooks/1",
                "X-Twinning-Event": delivery.event,
                "X-Twinning-Delivery": str(delivery.pk),
                "X-Twinning-Timestamp": str(timestamp),
                "X-Twinning-Signature": webhook_signature(
                    secret=endpoint.secret, timestamp=timestamp, body=body
                ),
            },
        )
        try:
            with _opener.open(request, timeout=settings.TWINNING_WEBHOOK_TIMEOUT) as response:
                code = response.status
        except urllib.error.HTTPError as answer:
            code = answer.code
        except (OSError, ValueError) as failure:
            error = str(getattr(failure, "reason", failure))
    duration = round((time.monotonic() - started) * 1000)
    ok = code is not None and 200 <= code < 300
    if code is not None and not ok and not error:
        error = f"answered {code}"
    waits = settings.TWINNING_WEBHOOK_RETRY_SECONDS
    with transaction.atomic():
        WebhookAttempt.objects.create(
            delivery=delivery,
            number=number,
            at=timezone.now(),
            response_code=code,
            duration_ms=duration,
            ok=ok,
            error=error[:300],
        )
        if ok:
            delivery.status = DeliveryStatus.DELIVERED
        elif number > len(waits):
            delivery.status = DeliveryStatus.FAILED
        delivery.save(update_fields=["status"])
    if delivery.status != DeliveryStatus.PENDING:
        return None
    return dt.timedelta(seconds=waits[number - 1])
