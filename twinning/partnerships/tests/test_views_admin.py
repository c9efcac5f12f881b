import pytest
from django.contrib.auth import get_user_model

from twinning.partnerships.tests.factories import (
    make_agreement,
    make_organisation,
    make_partnership,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.org", "pw"))
    return client


def test_partnership_admin_edits_agreements_inline_and_shows_history(superuser_client):
    partnership = make_partnership()
    make_agreement(partnership, title="Founding text", signed="2007")

    change = superuser_client.get(f"/admin/partnerships/partnership/{partnership.pk}/change/")
    history = superuser_client.get(f"/admin/partnerships/partnership/{partnership.pk}/history/")

    assert change.status_code == 200
    assert "Founding text" in change.content.decode()
    assert history.status_code == 200
    assert superuser_client.get("/admin/partnerships/agreement/").status_code == 200


def test_user_admin_edits_memberships_inline(superuser_client):
    user = make_user("editor", editor_of=make_organisation("Aarhus Kommune"))

    response = superuser_client.get(f"/admin/auth/user/{user.pk}/change/")

    assert response.status_code == 200
    assert "memberships-TOTAL_FORMS" in response.content.decode()
