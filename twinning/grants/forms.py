"""Forms for grants and their towns; saving goes through services.py."""

from __future__ import annotations

from django import forms

from twinning.accounts.selectors import editable_organisation_ids, visible_to
from twinning.activities.models import Activity
from twinning.core.forms import VersionedFormMixin
from twinning.grants.calls import calls
from twinning.grants.models import Grant, GrantTown
from twinning.grants.selectors import grant_town_choices
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.visits.models import Visit


class GrantForm(VersionedFormMixin, forms.ModelForm):
    """Create or change a grant; the call is chosen among the known calls."""

    class Meta:
        model = Grant
        fields = [
            "call",
            "reference",
            "title",
            "status",
            "lump_sum",
            "start",
            "end",
            "partnership",
            "visits",
            "activities",
            "results",
            "owner",
            "is_public",
        ]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}),
            "end": forms.DateInput(attrs={"type": "date"}),
            "results": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        known = [(code, f"{code} – {c.title}") for code, c in sorted(calls().items())]
        self.fields["call"] = forms.ChoiceField(
            label=self.fields["call"].label, choices=known, help_text=self.fields["call"].help_text
        )
        self.fields["partnership"].queryset = visible_to(
            Partnership.objects.select_related("party_a", "party_b"), user
        )
        self.fields["visits"].queryset = visible_to(Visit.objects.all(), user)
        self.fields["activities"].queryset = visible_to(Activity.objects.all(), user)
        owners = Organisation.objects.order_by("name")
        allowed = editable_organisation_ids(user)
        if allowed is not None:
            owners = owners.filter(pk__in=allowed)
            self.fields["owner"].required = True
            self.fields["owner"].empty_label = None
        self.fields["owner"].queryset = owners
        if not self.instance.pk and allowed and len(allowed) == 1:
            self.initial.setdefault("owner", next(iter(allowed)))

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["visits"] = list(data.get("visits") or [])
        data["activities"] = list(data.get("activities") or [])
        return data


class GrantTownForm(VersionedFormMixin, forms.ModelForm):
    """Add a town to a grant or change its legal representative."""

    class Meta:
        model = GrantTown
        fields = ["place", "role", "representative", "representative_title", "language"]

    def __init__(self, *args, grant: Grant, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.grant = grant
        self.fields["place"].queryset = grant_town_choices(grant)

    def service_arguments(self) -> dict:
        return dict(self.cleaned_data)
