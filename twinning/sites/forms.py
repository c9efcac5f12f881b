"""Forms for showcase sites; saving goes through services.py."""

from django import forms

from twinning.accounts.selectors import editable_organisation_ids
from twinning.core.forms import TranslatedFormMixin, VersionedFormMixin
from twinning.core.lookups import Picker, use_pickers
from twinning.focusareas.forms import in_reading_order
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.places.forms import PlaceChoiceField
from twinning.sites.models import ShowcaseSite


class ShowcaseSiteForm(VersionedFormMixin, TranslatedFormMixin, forms.ModelForm):
    """Create or change a site; owners are limited to the user's organisations."""

    class Meta:
        model = ShowcaseSite
        field_classes = {"place": PlaceChoiceField}
        fields = [
            "name",
            "organisation",
            "place",
            "address",
            "latitude",
            "longitude",
            "focus_areas",
            "what_visitors_see",
            "languages",
            "capacity",
            "contact_name",
            "contact_email",
            "contact_phone",
            "owner",
            "is_public",
        ]
        widgets = {
            "focus_areas": forms.CheckboxSelectMultiple,
            "organisation": Picker("organisations", creatable=True),
            "place": Picker("places", creatable=True),
            "what_visitors_see": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
        self.fields["focus_areas"].queryset = FocusArea.objects.all()
        in_reading_order(self.fields["focus_areas"])
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

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        data = dict(self.cleaned_data)
        data["focus_areas"] = list(data.get("focus_areas") or [])
        return data
