from django import forms

from twinning.accounts.selectors import editable_organisation_ids
from twinning.core.forms import VersionedFormMixin
from twinning.core.lookups import Picker, use_pickers
from twinning.organisations.models import Organisation
from twinning.places.forms import PlaceChoiceField


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
        field_classes = {"place": PlaceChoiceField}
        widgets = {"place": Picker("places"), "parent": Picker("organisations")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
        if self.instance.pk:
            self.fields["parent"].queryset = self.fields["parent"].queryset.exclude(
                pk=self.instance.pk
            )
        limit_owner_choices(self, user)
