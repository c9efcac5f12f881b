"""The one filter of partnerships, shared by the HTML list and the API."""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from twinning.core.partialdates import InvalidPartialDate, PartialDate
from twinning.core.text import fold
from twinning.focusareas.forms import in_reading_order
from twinning.focusareas.models import FocusArea
from twinning.partnerships.models import Partnership, PartnershipKind, PartnershipStatus
from twinning.places.models import PlaceName


def _partial_date(value: str) -> None:
    # Unparseable text would otherwise reach the date column's lookup and fail there.
    try:
        PartialDate.parse(value)
    except InvalidPartialDate as exc:
        raise ValidationError(str(exc), code="invalid") from exc


def _decade(value) -> None:
    if value != int(value) or int(value) % 10 or not 1000 <= value <= 9990:
        raise ValidationError(
            _("Give the first year of a decade, such as 1990."), code="invalid_decade"
        )


def _upper_codes(value: str) -> list[str]:
    return [code.strip().upper() for code in value.split(",") if code.strip()]


class PartnershipFilter(django_filters.FilterSet):
    """Filter partnerships by the countries of their parties, kind, status, focus and text."""

    country = django_filters.CharFilter(
        label=_("Country"), method="filter_countries", help_text=_("ISO code of either party")
    )
    partner_country = django_filters.CharFilter(
        label=_("Partner country"),
        method="filter_countries",
        help_text=_("ISO code of the other party"),
    )
    kind = django_filters.MultipleChoiceFilter(label=_("Kind"), choices=PartnershipKind.choices)
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=PartnershipStatus.choices
    )
    focus = django_filters.ModelMultipleChoiceFilter(
        label=_("Focus area"),
        field_name="focus_areas__slug",
        to_field_name="slug",
        queryset=FocusArea.objects.all(),
        distinct=True,
    )
    since_from = django_filters.CharFilter(
        label=_("Began in or after (year)"),
        field_name="since",
        lookup_expr="gte",
        validators=[_partial_date],
    )
    since_to = django_filters.CharFilter(
        label=_("Began in or before (year)"),
        method="filter_since_to",
        validators=[_partial_date],
    )
    decade = django_filters.NumberFilter(
        label=_("Decade begun"),
        method="filter_decade",
        help_text=_("First year of a decade, such as 1990"),
        validators=[_decade],
    )
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")

    class Meta:
        model = Partnership
        fields = ["country", "partner_country", "kind", "status", "focus", "decade", "q"]

    @property
    def form(self):
        form = super().form
        in_reading_order(form.fields["focus"])
        return form

    def filter_countries(self, queryset, name, value):
        # Both country filters are applied together here so that "country" and
        # "partner_country" land on opposite parties, in either order.
        if name == "partner_country" and self.form.cleaned_data.get("country"):
            return queryset
        mine = _upper_codes(self.form.cleaned_data.get("country") or "")
        theirs = _upper_codes(self.form.cleaned_data.get("partner_country") or "")
        if mine and theirs:
            return queryset.filter(
                Q(party_a__country__in=mine, party_b__country__in=theirs)
                | Q(party_b__country__in=mine, party_a__country__in=theirs)
            )
        codes = mine or theirs
        return queryset.filter(Q(party_a__country__in=codes) | Q(party_b__country__in=codes))

    def filter_since_to(self, queryset, name, value):
        # "2010" must include "2010-06-01", which sorts after it as text; a prefix match
        # says so without relying on how a database collation orders odd characters.
        return queryset.filter(Q(since__lte=value) | Q(since__startswith=value))

    def filter_decade(self, queryset, name, value):
        # "1990" to "1999-12-31" all start with the decade's first three digits.
        return queryset.filter(since__startswith=str(int(value))[:3])

    def filter_text(self, queryset, name, value):
        key = fold(value)
        if not key:
            return queryset
        names = PlaceName.objects.filter(search_key__contains=key)
        return queryset.filter(
            Q(party_a__search_key__contains=key)
            | Q(party_b__search_key__contains=key)
            | Exists(names.filter(place=OuterRef("party_a")))
            | Exists(names.filter(place=OuterRef("party_b")))
            | Q(notes__icontains=value)
        )
