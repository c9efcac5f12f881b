import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from twinning.accounts.models import Role
from twinning.accounts.services import membership_set, user_create
from twinning.notifications.models import DeliveryStatus, WebhookAttempt, WebhookDelivery
from twinning.notifications.services import webhook_create, webhook_delivery_attempt
from twinning.organisations.models import OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.partnerships.services import (
    agreement_create,
    partnership_create,
    partnership_delete,
    partnership_update,
)
from twinning.places.models import PlaceKind
from twinning.places.services import place_create


class Receiver:
    """A real HTTP server on this machine that answers with the codes it is given, in turn."""

    def __init__(self, codes):
        self.codes = list(codes)
        self.requests = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                code = receiver.codes.pop(0) if receiver.codes else 200
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def world(settings):
    settings.TWINNING_WEBHOOK_ALLOW_PRIVATE = True
    office = organisation_create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    other = organisation_create(name="Elsewhere", kind=OrganisationKind.MUNICIPALITY)
    odense = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")
    kiel = place_create(name="Kiel", kind=PlaceKind.CITY, country="DE")
    return {"office": office, "other": other, "odense": odense, "kiel": kiel}


def _verify(secret: str, headers: dict, body: bytes) -> bool:
    message = headers["X-Twinning-Timestamp"].encode() + b"." + body
    expected = "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, headers["X-Twinning-Signature"])


# The worker closes connections that are inside a transaction, as a test's would be; so
# this test commits for real, as the site and the worker do.
@pytest.mark.django_db(transaction=True)
def test_a_change_is_sent_signed_by_the_worker_retried_and_every_attempt_logged(world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TWINNING_WEBHOOK_RETRY_SECONDS = [0, 0]
    with Receiver([500, 200]) as receiver:
        endpoint = webhook_create(
            owner=world["office"],
            url=receiver.url,
            kinds=["partnership"],
            actions=["created", "updated"],
        )
        partnership = partnership_create(
            party_a=world["odense"],
            party_b=world["kiel"],
            kind="sister_city",
            owner=world["office"],
        )
        # Not followed: an agreement; another organisation's partnership; a deletion.
        agreement_create(partnership=partnership, kind="founding", signed="1964")
        partnership_create(
            party_a=world["odense"],
            party_b=place_create(name="Turku", kind="city"),
            kind="sister_city",
            owner=world["other"],
        )
        assert WebhookDelivery.objects.count() == 1 and not receiver.requests
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.DELIVERED
    attempts = list(delivery.attempts.order_by("number"))
    assert [(a.number, a.response_code, a.ok) for a in attempts] == [
        (1, 500, False),
        (2, 200, True),
    ]
    assert attempts[0].error == "answered 500" and all(a.duration_ms >= 0 for a in attempts)
    assert len(receiver.requests) == 2
    headers, body = receiver.requests[-1]
    assert _verify(endpoint.secret, headers, body)
    assert not _verify("another secret", headers, body)
    assert headers["X-Twinning-Event"] == "partnership.created"
    sent = json.loads(body)
    assert sent["record"]["id"] == partnership.pk and sent["action"] == "created"
    assert sent["record"]["url"] == partnership.get_absolute_url()
    assert sent["organisation"] == world["office"].pk


@pytest.mark.django_db
def test_an_update_is_delivered_only_when_something_changed(
    world, django_capture_on_commit_callbacks
):
    partnership = partnership_create(
        party_a=world["odense"], party_b=world["kiel"], kind="sister_city", owner=world["office"]
    )
    webhook_create(
        owner=world["office"],
        url="https://example.org/h",
        kinds=["partnership"],
        actions=["updated", "deleted"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        partnership_update(partnership=partnership, notes=partnership.notes)
    assert not WebhookDelivery.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        partnership_update(partnership=partnership, notes="Renewed")
        partnership_delete(partnership=partnership)
    assert sorted(WebhookDelivery.objects.values_list("event", flat=True)) == [
        "partnership.deleted",
        "partnership.updated",
    ]


@pytest.mark.django_db
def test_a_receiver_that_never_takes_it_is_given_up_after_the_last_wait(world, settings):
    settings.TWINNING_WEBHOOK_RETRY_SECONDS = [60, 300]
    with Receiver([503, 503, 503, 503]) as receiver:
        endpoint = webhook_create(
            owner=world["office"], url=receiver.url, kinds=["visit"], actions=["created"]
        )
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event="visit.created", body="{}"
        )
        waits = [webhook_delivery_attempt(delivery_id=delivery.pk) for _ in range(4)]
    assert [w.total_seconds() if w else None for w in waits] == [60, 300, None, None]
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts.count() == 3


@pytest.mark.django_db
def test_private_addresses_are_refused_unless_allowed(world, settings):
    settings.TWINNING_WEBHOOK_ALLOW_PRIVATE = False
    with Receiver([200]) as receiver:
        endpoint = webhook_create(
            owner=world["office"], url=receiver.url, kinds=["visit"], actions=["created"]
        )
        delivery = WebhookDelivery.objects.create(
            endpoint=endpoint, event="visit.created", body="{}"
        )
        webhook_delivery_attempt(delivery_id=delivery.pk)
    attempt = WebhookAttempt.objects.get()
    assert not receiver.requests and not attempt.ok and attempt.response_code is None
    assert "private or local address" in attempt.error


@pytest.mark.django_db
def test_an_endpoint_needs_kinds_changes_and_a_web_address(world):
    with pytest.raises(ValidationError) as error:
        webhook_create(owner=world["office"], url="ftp://example.org", kinds=[], actions=["eaten"])
    assert set(error.value.message_dict) == {"url", "kinds", "actions"}


@pytest.mark.django_db
def test_only_an_organisations_administrators_manage_its_webhooks_and_see_the_log(world):
    admin = user_create(username="admin", password="pw-admin-123456")
    membership_set(user=admin, organisation=world["office"], role=Role.ADMIN)
    editor = user_create(username="editor", password="pw-editor-123456")
    membership_set(user=editor, organisation=world["office"], role=Role.EDITOR)
    client = Client()
    client.force_login(editor)
    assert client.get(reverse("notifications:webhooks")).status_code == 403
    client.force_login(admin)
    response = client.post(
        reverse("notifications:webhooks"),
        {
            "owner": world["other"].pk,
            "url": "https://example.org/h",
            "kinds": ["visit"],
            "actions": ["created"],
        },
    )
    assert response.status_code == 422  # not an organisation the user administers
    response = client.post(
        reverse("notifications:webhooks"),
        {
            "owner": world["office"].pk,
            "url": "https://example.org/h",
            "kinds": ["visit"],
            "actions": ["created"],
        },
    )
    assert response.status_code == 302
    endpoint = world["office"].webhooks.get()
    delivery = WebhookDelivery.objects.create(endpoint=endpoint, event="visit.created", body="{}")
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=1,
        at=delivery.created_at,
        response_code=502,
        duration_ms=41,
        ok=False,
        error="answered 502",
    )
    page = client.get(response["Location"]).content.decode()
    assert endpoint.secret in page and "502, 41 ms" in page and "visit.created" in page
    client.post(response["Location"], {"action": "pause"})
    endpoint.refresh_from_db()
    assert not endpoint.is_active
