"""Forms for partnerships and their agreements; saving goes through services.py."""

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import editable_organisation_ids, visible_to
from twinning.core.forms import VersionedFormMixin
from twinning.focusareas.forms import in_reading_order
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Agreement, Partnership
from twinning.people.models import Person, Post
from twinning.places.models import Place
from twinning.sources.models import Source

# Up to this many places, the pickers list them all; beyond, a registry of the world's
# tens of thousands of towns would make every form megabytes long, so the pickers list
# only the chosen place and the matches of a search box.
MAX_PLACE_OPTIONS = 500
PLACE_MATCHES = 50


def place_label(place) -> str:
    """Return how a place is named in pickers: the country code tells apart namesakes."""
    return f"{place} ({place.country.code})" if place.country else str(place)


class PlaceChoiceField(forms.ModelChoiceField):
    """Pick a place; the country code tells apart places of one name."""

    def label_from_instance(self, obj):
        return place_label(obj)


class PlaceSelect(forms.Select):
    """A place picker; with a search box that fills it when there are too many to list."""

    template_name = "partnerships/widgets/place_select.html"
    search_url = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["search_url"] = self.search_url
        return context


def _limit_place_choices(field: PlaceChoiceField, chosen) -> None:
    """Offer only the chosen places and let the search box find the others."""
    chosen = [getattr(pk, "pk", pk) for pk in chosen]
    chosen = [pk for pk in chosen if str(pk).isdigit()]
    places = field.queryset.filter(pk__in=chosen) if chosen else field.queryset.none()
    field.widget.choices = [("", field.empty_label), *((p.pk, place_label(p)) for p in places)]
    field.widget.search_url = reverse("partnerships:place_options")


class PartnershipForm(VersionedFormMixin, forms.ModelForm):
    """Create or change a partnership; owners are limited to the user's organisations."""

    party_a = PlaceChoiceField(label=_("Party"), queryset=Place.objects.none(), widget=PlaceSelect)
    party_b = PlaceChoiceField(
        label=_("Partner"), queryset=Place.objects.none(), widget=PlaceSelect
    )

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
        if Place.objects.count() > MAX_PLACE_OPTIONS:
            for name in ("party_a", "party_b"):
                chosen = self.data.get(self.add_prefix(name)) if self.is_bound else None
                if chosen is None:
                    chosen = self.initial.get(name) or getattr(self.instance, f"{name}_id")
                _limit_place_choices(self.fields[name], [chosen])
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


class AgreementForm(VersionedFormMixin, forms.ModelForm):
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
            "renews_tacitly",
            "notice_given",
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
        # Only posts of people the user may see; signatories already on the agreement stay
        # choosable, so that saving does not drop them.
        signatories = Q(person__in=visible_to(Person.objects.all(), user))
        if self.instance.pk:
            signatories |= Q(pk__in=self.instance.signatories.values("pk"))
        self.fields["signatories"].queryset = (
            Post.objects.filter(signatories)
            .select_related("person", "organisation", "place__parent")
            .order_by("person__name", "role")
        )
        self.fields["document"].queryset = visible_to(Source.objects.all(), user).order_by("title")

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        data = dict(self.cleaned_data)
        data["signatories"] = list(data.get("signatories") or [])
        return data


class PlaceMergeForm(forms.Form):
    """Choose the place that a duplicate is the same as; the duplicate goes into it."""

    keep = forms.ModelChoiceField(
        label=_("The same place as"),
        queryset=Place.objects.none(),
        error_messages={"invalid_choice": _("Choose a place other than this one.")},
    )
    confirm = forms.BooleanField(
        label=_("I have checked that both records are one place"),
        error_messages={"required": _("Confirm that both records are one place.")},
    )

    def __init__(self, *args, duplicate: Place, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = Place.objects.exclude(pk=duplicate.pk)
