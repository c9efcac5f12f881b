"""The one filter of partner profiles, shared by the Seeking a partner list and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from twinning.focusareas.models import FocusArea
from twinning.profiles.models import PartnerProfile, SizeBand


class ProfileFilter(django_filters.FilterSet):
    """Filter profiles by country, size band, focus area, whether seeking now, and text."""

    country = django_filters.ChoiceFilter(
        label=_("Country"), field_name="place__country", choices=countries
    )
    size = django_filters.ChoiceFilter(
        label=_("Size"), choices=SizeBand.choices, method="filter_size"
    )
    focus = django_filters.ModelChoiceFilter(
        label=_("Focus area"),
        to_field_name="slug",
        queryset=FocusArea.objects.all(),
        method="filter_focus",
        help_text=_("Code of a focus area sought or offered"),
    )
    seeking = django_filters.BooleanFilter(
        label=_("Seeking now"),
        widget=forms.Select(choices=[("", "—"), ("true", _("yes")), ("false", _("no"))]),
    )
    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", widget=forms.SearchInput()
    )

    class Meta:
        model = PartnerProfile
        fields = ["country", "size", "focus", "seeking", "q"]

    def filter_size(self, queryset, name, value):
        # known_population (from the selector): the profile's own, or else the place's.
        low, high = SizeBand.bounds(value)
        queryset = queryset.filter(known_population__gte=low)
        return queryset.filter(known_population__lt=high) if high is not None else queryset

    def filter_focus(self, queryset, name, value):
        return queryset.filter(Q(focus_sought=value) | Q(focus_offered=value)).distinct()

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(place__name__icontains=value)
            | Q(summary__icontains=value)
            | Q(economy__icontains=value)
            | Q(strengths__icontains=value)
        )
