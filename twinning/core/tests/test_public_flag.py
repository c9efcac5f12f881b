"""What a person records stays private until they tick Public."""

import re

import pytest

from twinning.activities.forms import ActivityForm
from twinning.activities.models import Activity
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.forms import PartnershipForm
from twinning.visits.forms import VisitForm


@pytest.mark.parametrize("form_class", [ActivityForm, PartnershipForm, VisitForm])
def test_create_forms_start_unticked(form_class):
    assert form_class.base_fields["is_public"].initial is False


def test_model_default_still_makes_imported_records_public():
    assert Activity._meta.get_field("is_public").default is True
    assert Activity(title="x").is_public is True


@pytest.mark.django_db
def test_new_activity_page_shows_public_unticked(client):
    org = make_organisation("Bycirklen")
    client.force_login(make_user("editor", editor_of=org))
    html = client.get("/activities/new/").content.decode()
    checkbox = re.search(r"<input[^>]*name=\"is_public\"[^>]*>", html).group(0)
    assert "checked" not in checkbox
