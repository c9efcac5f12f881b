"""Organisations as the forms' pickers offer them; a new one can be made from a picker."""

from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import is_editor
from twinning.core.lookups import Lookup, register
from twinning.organisations import selectors, services
from twinning.organisations.forms import OrganisationForm

register(
    Lookup(
        name="organisations",
        queryset=lambda user: selectors.organisation_list(user=user).order_by("name", "pk"),
        title=_("New organisation"),
        form=OrganisationForm,
        form_fields=("name", "kind", "place", "owner", "is_public"),
        create=services.organisation_create,
        may_create=is_editor,
    )
)
