"""Forms for strategies, for choosing the parties of an alignment, and for money and time."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import editable_organisation_ids, visible_to
from twinning.core.fields import DayFormField, PartialDateFormField
from twinning.core.forms import TranslatedFormMixin, VersionedFormMixin
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.places.models import Place
from twinning.places.selectors import place_find
from twinning.sources.models import Source
from twinning.strategies.models import (
    BudgetContribution,
    CostEntry,
    Indicator,
    IndicatorPeriod,
    StaffTime,
    Strategy,
)


class StrategyForm(VersionedFormMixin, TranslatedFormMixin, forms.ModelForm):
    """Create or change a strategy; focus areas are typed as slugs in rank order."""

    start = PartialDateFormField(label=_("In force from"), required=False)
    end = PartialDateFormField(label=_("In force until"), required=False)
    ranked = forms.CharField(
        label=_("Focus areas in rank order"),
        required=False,
        help_text=_("Slugs of focus areas, first priority first, separated by commas."),
    )

    class Meta:
        model = Strategy
        fields = ["party", "title", "kind", "start", "end", "description", "owner", "is_public"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        ids = editable_organisation_ids(user)
        owners = (
            Organisation.objects.all() if ids is None else Organisation.objects.filter(pk__in=ids)
        )
        self.fields["owner"].queryset = owners
        self.fields["owner"].required = True
        self.fields["party"].queryset = Place.objects.order_by("name")
        if self.instance.pk:
            self.fields["ranked"].initial = ", ".join(
                r.focus_area.slug for r in self.instance.ranked_areas.select_related("focus_area")
            )

    def clean_ranked(self):
        slugs = [s.strip() for s in self.cleaned_data["ranked"].split(",") if s.strip()]
        found = {area.slug: area for area in FocusArea.objects.filter(slug__in=slugs)}
        if unknown := [slug for slug in slugs if slug not in found]:
            raise ValidationError(
                _("Unknown focus areas: %(slugs)s") % {"slugs": ", ".join(unknown)}
            )
        return [found[slug] for slug in slugs]

    def service_arguments(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["focus_areas"] = self.cleaned_data["ranked"]
        return data


def _place(value: str, field: str) -> Place:
    value = (value or "").strip()
    place = Place.objects.filter(pk=int(value)).first() if value.isdigit() else None
    place = place or place_find(name=value)
    if place is None:
        raise ValidationError(
            _("%(field)s: no single place is called “%(name)s”.") % {"field": field, "name": value}
        )
    return place


class AlignmentForm(forms.Form):
    """Choose the party and the partner (by id or name) and optionally a day."""

    party = forms.CharField(label=_("Party"))
    partner = forms.CharField(label=_("Partner"))
    on = DayFormField(label=_("In force on"), required=False)

    def clean_party(self):
        return _place(self.cleaned_data["party"], "party")

    def clean_partner(self):
        return _place(self.cleaned_data["partner"], "partner")


class IndicatorForm(TranslatedFormMixin, forms.ModelForm):
    """Add or change an indicator of a goal."""

    baseline_date = PartialDateFormField(label=_("Baseline date"), required=False)

    class Meta:
        model = Indicator
        fields = ["title", "unit", "direction", "baseline", "baseline_date", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        return dict(self.cleaned_data)


class IndicatorPeriodForm(forms.ModelForm):
    """Record the target and actual of one period of an indicator."""

    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    start = DayFormField(label=_("Period start"))
    end = DayFormField(label=_("Period end"))
    breakdown = forms.CharField(
        label=_("Breakdown"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_('One part a line: dimension; category; actual, e.g. "age group; 13–15; 12".'),
    )

    class Meta:
        model = IndicatorPeriod
        fields = ["indicator", "start", "end", "target", "actual", "source", "evidence"]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, goal, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = goal.indicators.all()
        self.fields["source"].queryset = visible_to(Source.objects.all(), user).order_by("title")

    def clean_breakdown(self) -> list[dict]:
        parts = []
        for number, line in enumerate(self.cleaned_data["breakdown"].splitlines(), start=1):
            if not line.strip():
                continue
            cells = [cell.strip() for cell in line.split(";")]
            try:
                dimension, category, actual = cells
                parts.append(
                    {"dimension": dimension, "category": category, "actual": Decimal(actual)}
                )
            except (ValueError, InvalidOperation) as exc:
                raise ValidationError(
                    _("Line %(number)s: write dimension; category; a number.") % {"number": number}
                ) from exc
        return parts

    def service_arguments(self) -> dict:
        """Return the cleaned data as the keyword arguments the services take."""
        return dict(self.cleaned_data)


class CostForm(forms.ModelForm):
    """Record money spent on a partnership, with its receipt kept as an attachment."""

    receipt_file = forms.FileField(
        label=_("Receipt"),
        required=False,
        help_text=_("A PDF or a picture of the receipt, kept on the cost (private)."),
    )

    class Meta:
        model = CostEntry
        fields = ["party", "date", "amount", "currency", "category", "description"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = _parties(partnership)

    def _post_clean(self):
        # The service builds and checks the cost.
        pass


class StaffTimeForm(forms.ModelForm):
    """Record the time a person or a role gave a partnership in a year."""

    class Meta:
        model = StaffTime
        fields = ["party", "year", "role", "fte", "hours", "notes"]

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].queryset = _parties(partnership)

    def _post_clean(self):
        pass


class ContributionForm(forms.ModelForm):
    """Record a member's share of a group's budget."""

    class Meta:
        model = BudgetContribution
        fields = ["member", "share", "amount"]

    def __init__(self, *args, budget, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = budget.party.members.order_by("name")

    def _post_clean(self):
        pass


def _parties(partnership):
    """Return the places that may pay for or work on a partnership: its parties and their
    members."""
    ids = {partnership.party_a_id, partnership.party_b_id}
    return Place.objects.filter(Q(pk__in=ids) | Q(groups__in=ids)).distinct().order_by("name")
