"""Forms for partnerships and their agreements; saving goes through services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import editable_organisation_ids, visible_to
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Agreement, Partnership
from twinning.people.models import Post
from twinning.places.models import Place
from twinning.sources.models import Source


class PlaceChoiceField(forms.ModelChoiceField):
    """Pick a place; the country code tells apart places of one name."""

    def label_from_instance(self, obj):
        return f"{obj} ({obj.country.code})" if obj.country else str(obj)


class PartnershipForm(forms.ModelForm):
    """Create or change a partnership; owners are limited to the user's organisations."""

    party_a = PlaceChoiceField(label=_("Party"), queryset=Place.objects.none())
    party_b = PlaceChoiceField(label=_("Partner"), queryset=Place.objects.none())

    class Meta:
        model = Partnership
        fields = [
            "party_a",
            "party_b",
            "kind",
            "status",
            "since",
            "until",
            "termination_reason",
            "focus_areas",
            "notes",
            "owner",
            "is_public",
        ]
        widgets = {
            "focus_areas": forms.CheckboxSelectMultiple,
            "termination_reason": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        places = Place.objects.select_related("parent").order_by("name", "country", "pk")
        self.fields["party_a"].queryset = places
        self.fields["party_b"].queryset = places
        self.fields["focus_areas"].queryset = FocusArea.objects.order_by("name_en")
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


class AgreementForm(forms.ModelForm):
    """Add or change an agreement; it may only renew an agreement of the same partnership."""

    class Meta:
        model = Agreement
        fields = [
            "kind",
            "title",
            "signed",
            "place_of_signing",
            "signatories",
            "term_months",
            "expires",
            "notice_months",
            "renews",
            "document",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        partnership = self.instance.partnership
        renewable = Agreement.objects.filter(partnership=partnership).order_by("signed", "pk")
        if self.instance.pk:
            renewable = renewable.exclude(pk=self.instance.pk)
        self.fields["renews"].queryset = renewable
        self.fields["signatories"].queryset = Post.objects.select_related(
            "person", "organisation", "place__parent"
        ).order_by("person__name", "role")
        self.fields["document"].queryset = visible_to(Source.objects.all(), user).order_by("title")

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        data = dict(self.cleaned_data)
        data["signatories"] = list(data.get("signatories") or [])
        return data
