"""Filters of institution pairs and networks, shared by the HTML lists and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.institutions.models import (
    InstitutionPair,
    InstitutionPairKind,
    InstitutionPairStatus,
    Network,
    NetworkScope,
)


class InstitutionPairFilter(django_filters.FilterSet):
    """Filter pairs by partnership, kind, status and institution name."""

    partnership = django_filters.NumberFilter(label=_("Partnership"), min_value=1)
    kind = django_filters.MultipleChoiceFilter(label=_("Kind"), choices=InstitutionPairKind.choices)
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=InstitutionPairStatus.choices
    )
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")

    class Meta:
        model = InstitutionPair
        fields = ["partnership", "kind", "status", "q"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(institution_a__name__icontains=value) | Q(institution_b__name__icontains=value)
        )


class NetworkFilter(django_filters.FilterSet):
    """Filter networks by scope, country and name."""

    scope = django_filters.MultipleChoiceFilter(label=_("Scope"), choices=NetworkScope.choices)
    country = django_filters.CharFilter(label=_("Country"), method="filter_country")
    q = django_filters.CharFilter(label=_("Search"), field_name="name", lookup_expr="icontains")

    class Meta:
        model = Network
        fields = ["scope", "country", "q"]

    def filter_country(self, queryset, name, value):
        return queryset.filter(country=value.strip().upper())
