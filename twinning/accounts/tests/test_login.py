import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_login_page_renders_a_form(client):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert 'name="username"' in response.content.decode()


def test_login_then_logout(client):
    get_user_model().objects.create_user(username="coordinator", password="s3cret-pass")

    response = client.post(reverse("login"), {"username": "coordinator", "password": "s3cret-pass"})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:index")
    assert "coordinator" in client.get(reverse("dashboard:index")).content.decode()

    client.post(reverse("logout"))
    assert "coordinator" not in client.get(reverse("dashboard:index")).content.decode()


def test_wrong_password_shows_an_error(client):
    get_user_model().objects.create_user(username="coordinator", password="s3cret-pass")

    response = client.post(reverse("login"), {"username": "coordinator", "password": "nope"})

    assert response.status_code == 200
    assert response.context["form"].errors


def test_login_and_logout_urls_have_global_names():
    assert reverse("login") == "/accounts/login/"
    assert reverse("logout") == "/accounts/logout/"


@pytest.mark.django_db
def test_token_command_creates_a_token_that_authenticates(capsys):
    from django.core.management import call_command
    from django.test import Client

    from twinning.accounts.services import user_create

    user_create(username="robot", password="pw-robot-123456")
    call_command("token", "create", "robot", "--name", "nightly sync")
    key = capsys.readouterr().out.strip()

    response = Client().get("/api/partnerships", HTTP_AUTHORIZATION=f"Bearer {key}")

    assert key.startswith("tw_")
    assert response.status_code == 200
    call_command("token", "revoke", key[:8])
    assert Client().get("/api/partnerships", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
