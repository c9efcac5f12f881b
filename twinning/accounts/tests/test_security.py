import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from twinning.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return get_user_model().objects.create_user(
        username="coordinator", email="coordinator@aarhus.example", password="s3cret-pass"
    )


def test_logins_from_one_address_are_locked_after_the_failure_limit(client, coordinator, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(reverse("login"), {"username": "coordinator", "password": "nope"})
    assert response.status_code == 429

    # Even the right password is refused while the lock lasts.
    response = client.post(reverse("login"), {"username": "coordinator", "password": "s3cret-pass"})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session

    call_command("axes_reset")
    response = client.post(reverse("login"), {"username": "coordinator", "password": "s3cret-pass"})
    assert response.status_code == 302


def test_a_right_password_before_the_limit_resets_the_count(client, coordinator, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post(reverse("login"), {"username": "coordinator", "password": "nope"})
    ok = client.post(reverse("login"), {"username": "coordinator", "password": "s3cret-pass"})
    assert ok.status_code == 302


def test_wrong_api_tokens_are_throttled_per_address(coordinator, settings):
    settings.TWINNING_TOKEN_FAILURE_LIMIT = 5
    client = Client()
    answers = [
        client.get("/api/partnerships", HTTP_AUTHORIZATION=f"Bearer wrong-{n}").status_code
        for n in range(7)
    ]
    assert answers == [401] * 5 + [429] * 2
    # A right token from that address waits for the window to pass as well.
    _token, key = api_token_create(user=coordinator, name="script")
    assert client.get("/api/partnerships", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get("/api/partnerships", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_password_reset_by_e_mail_in_english_and_danish(client, coordinator):
    for prefix, subject in (("", "A new password for twinning"), ("/da", None)):
        mail.outbox.clear()
        response = client.post(
            f"{prefix}/accounts/password/reset/", {"email": "coordinator@aarhus.example"}
        )
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        if subject:
            assert mail.outbox[0].subject == subject
        else:
            assert mail.outbox[0].subject == "En ny adgangskode til twinning"
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)

    form = client.get(link, follow=True)
    assert form.status_code == 200
    response = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"new_password1": "harbour-bridge-2026", "new_password2": "harbour-bridge-2026"},
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.check_password("harbour-bridge-2026")


def test_pages_send_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    body = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body)
    assert not re.search(r"\sstyle=\"", body)
