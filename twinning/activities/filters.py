"""The one filter of activities, shared by the HTML list, the calendar and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.activities.models import Activity, ActivityArea, ActivityKind


class ActivityFilter(django_filters.FilterSet):
    """Filter activities by partnership, year, area, kind and text."""

    partnership = django_filters.NumberFilter(
        label=_("Partnership"), field_name="partnerships__id", min_value=1
    )
    year = django_filters.NumberFilter(
        label=_("Year"), method="filter_year", min_value=1, max_value=9999
    )
    area = django_filters.MultipleChoiceFilter(label=_("Area"), choices=ActivityArea.choices)
    kind = django_filters.MultipleChoiceFilter(label=_("Kind"), choices=ActivityKind.choices)
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")

    class Meta:
        model = Activity
        fields = ["partnership", "year", "area", "kind", "q"]

    def filter_year(self, queryset, name, value):
        # Stored dates are ISO prefixes, so a year is a prefix match.
        return queryset.filter(start__startswith=f"{int(value):04d}")

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(description__icontains=value)
            | Q(place__name__icontains=value)
        )
