"""Forms for institution pairs and networks; saving goes through services.py."""

from django import forms

from twinning.accounts.selectors import visible_to
from twinning.core.forms import VersionedFormMixin
from twinning.core.lookups import Picker, use_pickers
from twinning.institutions.models import InstitutionPair, Network
from twinning.organisations.models import Organisation, OrganisationKind


class InstitutionPairForm(VersionedFormMixin, forms.ModelForm):
    """Create or change a pair of institutions of a partnership the user may change."""

    class Meta:
        model = InstitutionPair
        fields = [
            "partnership",
            "institution_a",
            "institution_b",
            "kind",
            "since",
            "status",
            "notes",
        ]
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            # Every kind stays pickable: a municipality may stand for all of its schools.
            "institution_a": Picker("organisations", creatable=True),
            "institution_b": Picker("organisations", creatable=True),
        }

    def __init__(self, *args, user, partnerships, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
        self.fields["partnership"].queryset = partnerships.select_related("party_a", "party_b")

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        return dict(self.cleaned_data)


class NetworkForm(VersionedFormMixin, forms.ModelForm):
    """Create or change a network."""

    class Meta:
        model = Network
        fields = ["name", "organisation", "scope", "country", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = visible_to(
            Organisation.objects.filter(kind=OrganisationKind.NETWORK), user
        ).order_by("name")

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        return dict(self.cleaned_data)
