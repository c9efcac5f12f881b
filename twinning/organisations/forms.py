from django import forms

from twinning.accounts.selectors import editable_organisation_ids, visible_to
from twinning.core.forms import VersionedFormMixin
from twinning.organisations.models import Organisation
from twinning.places.models import Place


def limit_owner_choices(form: forms.ModelForm, user) -> None:
    """Offer as owners only the organisations the user may file records under."""
    owners = Organisation.objects.order_by("name")
    allowed = editable_organisation_ids(user)
    if allowed is not None:
        owners = owners.filter(pk__in=allowed)
        form.fields["owner"].required = True
    form.fields["owner"].queryset = owners


class OrganisationForm(VersionedFormMixin, forms.ModelForm):
    """Enter or change an organisation; the view saves it through the services."""

    class Meta:
        model = Organisation
        fields = ["name", "kind", "place", "parent", "website", "notes", "owner", "is_public"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = Place.objects.select_related("parent").order_by("name")
        parents = visible_to(Organisation.objects.order_by("name"), user)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        limit_owner_choices(self, user)
