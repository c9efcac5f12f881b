"""Forms for visits and what hangs on them; saving goes through services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import editable_organisation_ids, visible_to
from twinning.core.fields import DayFormField
from twinning.core.forms import TranslatedFormMixin, VersionedFormMixin
from twinning.core.lookups import Picker, use_pickers
from twinning.focusareas.forms import in_reading_order
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.places.forms import PlaceChoiceField
from twinning.places.models import Place
from twinning.sites.models import ShowcaseSite
from twinning.visits.models import Commitment, Gift, ProgrammeItem, Visit, VisitMember

TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ServiceFormMixin:
    """Hand the cleaned data to a service as keyword arguments."""

    many = ()

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        data = dict(self.cleaned_data)
        for name in self.many:
            data[name] = list(data.get(name) or [])
        return data


class VisitForm(VersionedFormMixin, TranslatedFormMixin, ServiceFormMixin, forms.ModelForm):
    """Create or change a visit; owners are limited to the user's organisations."""

    many = ("interests",)
    visiting_party = PlaceChoiceField(
        label=_("Visiting party"),
        queryset=Place.objects.none(),
        widget=Picker("places", creatable=True),
    )
    host = PlaceChoiceField(
        label=_("Host"), queryset=Place.objects.none(), widget=Picker("places", creatable=True)
    )

    class Meta:
        model = Visit
        fields = [
            "title",
            "direction",
            "status",
            "visiting_party",
            "host",
            "host_organisation",
            "partnership",
            "start_date",
            "end_date",
            "dates_approximate",
            "purpose",
            "interests",
            "notes",
            "report",
            "owner",
            "is_public",
        ]
        field_classes = {"start_date": DayFormField, "end_date": DayFormField}
        widgets = {
            "interests": forms.CheckboxSelectMultiple,
            "host_organisation": Picker("organisations", creatable=True),
            "partnership": Picker("partnerships"),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "report": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
        self.fields["interests"].queryset = FocusArea.objects.all()
        in_reading_order(self.fields["interests"])
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


class VisitMemberForm(VersionedFormMixin, TranslatedFormMixin, ServiceFormMixin, forms.ModelForm):
    """Add or change a member of the delegation."""

    class Meta:
        model = VisitMember
        fields = [
            "name",
            "native_name",
            "title",
            "organisation",
            "organisation_name",
            "person",
            "is_leader",
        ]
        widgets = {
            "organisation": Picker("organisations", creatable=True),
            "person": Picker("people", creatable=True),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)


class ProgrammeItemForm(VersionedFormMixin, TranslatedFormMixin, ServiceFormMixin, forms.ModelForm):
    """Add or change a programme item on one of the visit's days."""

    class Meta:
        model = ProgrammeItem
        fields = [
            "topic",
            "day",
            "start_time",
            "end_time",
            "site",
            "host_organisation",
            "location",
            "interpreter",
            "notes",
        ]
        field_classes = {"day": DayFormField}
        widgets = {
            "start_time": TIME,
            "end_time": TIME,
            "notes": forms.Textarea(attrs={"rows": 2}),
            "host_organisation": Picker("organisations", creatable=True),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
        self.fields["site"].queryset = visible_to(ShowcaseSite.objects.all(), user).order_by("name")
        if not self.instance.pk and self.instance.visit_id and not self.initial.get("day"):
            # The next item most likely falls on the day of the one added last.
            items = self.instance.visit.programme_items.all()  # prefetched on the visit page
            last = max(items, key=lambda item: item.pk, default=None)
            self.initial["day"] = last.day if last else self.instance.visit.start_date


class AddSiteForm(forms.Form):
    """Place a suggested site in the programme: the day and, if known, the times."""

    day = DayFormField(label=_("Day"))
    start_time = forms.TimeField(label=_("From"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("To"), required=False, widget=TIME)


class GiftForm(VersionedFormMixin, ServiceFormMixin, forms.ModelForm):
    """Record or change a gift given or received."""

    class Meta:
        model = Gift
        fields = ["direction", "description", "giver", "recipient"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)


class CommitmentForm(VersionedFormMixin, ServiceFormMixin, forms.ModelForm):
    """Record or change a follow-up commitment."""

    class Meta:
        model = Commitment
        fields = ["description", "responsible", "due_date", "done_on"]
        field_classes = {"due_date": DayFormField, "done_on": DayFormField}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "responsible": Picker("people", creatable=True),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        use_pickers(self, user)
