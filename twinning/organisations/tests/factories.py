"""Small builders of test data, shared by the tests of the registry's apps."""

from django.contrib.auth import get_user_model

from twinning.accounts.models import Role
from twinning.accounts.services import membership_set
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.organisations.services import organisation_create


def make_organisation(name: str = "Aarhus Kommune", **fields) -> Organisation:
    fields.setdefault("kind", OrganisationKind.MUNICIPAL_DEPARTMENT)
    return organisation_create(name=name, **fields)


def make_user(username: str, *, editor_of: Organisation | None = None, viewer_of=None):
    user = get_user_model().objects.create_user(username=username, password="pw")
    if editor_of is not None:
        membership_set(user=user, organisation=editor_of, role=Role.EDITOR)
    if viewer_of is not None:
        membership_set(user=user, organisation=viewer_of, role=Role.VIEWER)
    return user
