"""Forms for partnerships and their agreements; saving goes through services.py."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import editable_organisation_ids, visible_to
from twinning.core.forms import TranslatedFormMixin, VersionedFormMixin
from twinning.core.lookups import Picker, use_pickers
from twinning.focusareas.forms import in_reading_order
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Agreement, Partnership
from twinning.people.models import Person, Post
from twinning.places.forms import PlaceChoiceField
from twinning.places.models import Place
from twinning.sources.models import Source


class PartnershipForm(VersionedFormMixin, forms.ModelForm):
    """Create or change a partnership; owners are limited to the user's organisations."""

    party_a = PlaceChoiceField(
        label=_("Party"), queryset=Place.objects.none(), widget=Picker("places", creatable=True)
    )
    party_b = PlaceChoiceField(
        label=_("Partner"), queryset=Place.objects.none(), widget=Picker("places", creatable=True)
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


class AgreementForm(VersionedFormMixin, TranslatedFormMixin, forms.ModelForm):
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

    keep = PlaceChoiceField(
        label=_("The same place as"),
        queryset=Place.objects.none(),
        widget=Picker("places"),
        error_messages={"invalid_choice": _("Choose a place other than this one.")},
    )
    confirm = forms.BooleanField(
        label=_("I have checked that both records are one place"),
        error_messages={"required": _("Confirm that both records are one place.")},
    )

    def __init__(self, *args, duplicate: Place, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = Place.objects.exclude(pk=duplicate.pk)


def initial_from_partnership(partnership: Partnership, user, *, direction: str = "") -> dict:
    """Return what a record started from a partnership's page can be filled in with.

    Every create form that hangs on a partnership takes the keys it has: the partnership
    (alone or as a list), its owner when the user may file under it, and for a visit
    whose direction was chosen, who visits and who hosts. The home party is the one where
    the owner sits, else the first party.
    """
    initial = {"partnership": partnership.pk, "partnerships": [partnership.pk]}
    allowed = editable_organisation_ids(user)
    if partnership.owner_id and (allowed is None or partnership.owner_id in allowed):
        initial["owner"] = partnership.owner_id
    home, away = partnership.party_a, partnership.party_b
    owner_place = partnership.owner.place_id if partnership.owner_id else None
    if owner_place and owner_place == away.pk:
        home, away = away, home
    if direction in ("incoming", "outgoing"):
        initial["direction"] = direction
        visiting, host = (away, home) if direction == "incoming" else (home, away)
        initial["visiting_party"], initial["host"] = visiting.pk, host.pk
    return initial
