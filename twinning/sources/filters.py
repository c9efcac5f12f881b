"""The one filter of sources, shared by the HTML list and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.sources.models import Source, SourceKind


class SourceFilter(django_filters.FilterSet):
    """Filter sources by title, address or publisher, kind, language and year."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", widget=forms.SearchInput()
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=SourceKind.choices)
    language = django_filters.CharFilter(
        label=_("Language"), lookup_expr="iexact", help_text=_("Code such as da or en")
    )
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year", min_value=1)

    class Meta:
        model = Source
        fields = ["q", "kind", "language", "year"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(url__icontains=value)
            | Q(publisher__name__icontains=value)
        )

    def filter_year(self, queryset, name, value):
        # Stored as an ISO prefix, so a year is a prefix of every date within it.
        return queryset.filter(published__startswith=f"{int(value):04d}")
