"""Forms for projects; saving goes through services.py."""

from django import forms

from twinning.accounts.selectors import editable_organisation_ids
from twinning.core.forms import TranslatedFormMixin, VersionedFormMixin
from twinning.core.lookups import MultiPicker, use_pickers
from twinning.organisations.models import Organisation
from twinning.projects.models import Project


class ProjectForm(VersionedFormMixin, TranslatedFormMixin, forms.ModelForm):
    """Create or change a project; owners are limited to the user's organisations."""

    class Meta:
        model = Project
        fields = [
            "title",
            "description",
            "partnerships",
            "status",
            "value_min",
            "value_max",
            "currency",
            "outcome",
            "owner",
            "is_public",
        ]
        widgets = {
            "partnerships": MultiPicker("partnerships"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
        owners = Organisation.objects.order_by("name")
        allowed = editable_organisation_ids(user)
        if allowed is not None:
            owners = owners.filter(pk__in=allowed)
            # Without an owner the record could no longer be changed by its editors.
            self.fields["owner"].required = True
            self.fields["owner"].empty_label = None
        self.fields["owner"].queryset = owners
        if not self.instance.pk and allowed and len(allowed) == 1:
            self.initial.setdefault("owner", next(iter(allowed)))

    def clean_currency(self):
        return (self.cleaned_data.get("currency") or "").strip().upper()

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        data = dict(self.cleaned_data)
        data["partnerships"] = list(data.get("partnerships") or [])
        return data
