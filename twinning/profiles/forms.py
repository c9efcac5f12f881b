"""Forms for partner profiles; saving goes through services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import editable_organisation_ids
from twinning.core.forms import VersionedFormMixin
from twinning.core.lookups import Picker
from twinning.focusareas.forms import in_reading_order
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.places.forms import PlaceChoiceField
from twinning.places.models import Place
from twinning.profiles.models import PartnerProfile


class ProfileForm(VersionedFormMixin, forms.ModelForm):
    """Create or change a partner profile; owners are limited to the user's organisations."""

    place = PlaceChoiceField(
        label=_("Place"), queryset=Place.objects.none(), widget=Picker("places")
    )

    class Meta:
        model = PartnerProfile
        fields = [
            "place",
            "seeking",
            "summary",
            "population",
            "area_km2",
            "economy",
            "strengths",
            "focus_offered",
            "focus_sought",
            "desired_countries",
            "desired_size",
            "languages",
            "contact_name",
            "contact_email",
            "contact_public",
            "owner",
            "is_public",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "economy": forms.Textarea(attrs={"rows": 3}),
            "strengths": forms.Textarea(attrs={"rows": 3}),
            "focus_offered": forms.CheckboxSelectMultiple,
            "focus_sought": forms.CheckboxSelectMultiple,
            "desired_countries": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A place has one profile: offer the places without one, and this one's own.
        places = Place.objects.filter(partner_profile__isnull=True)
        if self.instance.pk:
            places = places | Place.objects.filter(pk=self.instance.place_id)
        self.fields["place"].queryset = places.order_by("name", "country", "pk")
        for name in ("focus_offered", "focus_sought"):
            self.fields[name].queryset = FocusArea.objects.all()
            in_reading_order(self.fields[name])
        owners = Organisation.objects.order_by("name")
        allowed = editable_organisation_ids(user)
        if allowed is not None:
            owners = owners.filter(pk__in=allowed)
            # Without an owner the profile could no longer be changed by its editors.
            self.fields["owner"].required = True
            self.fields["owner"].empty_label = None
        self.fields["owner"].queryset = owners
        if not self.instance.pk and allowed and len(allowed) == 1:
            self.initial.setdefault("owner", next(iter(allowed)))

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        data = dict(self.cleaned_data)
        for name in ("focus_offered", "focus_sought"):
            data[name] = list(data.get(name) or [])
        data["desired_countries"] = [str(code) for code in data.get("desired_countries") or ()]
        return data
