"""The one filter of focus areas, used by the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.focusareas.models import FocusArea


class FocusAreaFilter(django_filters.FilterSet):
    """Filter focus areas by code or name in either language, and by broader area."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", widget=forms.SearchInput()
    )
    parent = django_filters.ModelChoiceFilter(
        label=_("Broader area"),
        queryset=FocusArea.objects.filter(children__isnull=False).distinct(),
    )

    class Meta:
        model = FocusArea
        fields = ["q", "parent"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(slug__icontains=value) | Q(name_en__icontains=value) | Q(name_da__icontains=value)
        )
