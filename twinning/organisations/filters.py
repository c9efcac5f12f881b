"""The one filter of organisations, shared by the HTML list and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from twinning.core.text import fold
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.places.models import Place


class OrganisationFilter(django_filters.FilterSet):
    """Filter organisations by name or place name, kind, place and the place's country."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", widget=forms.SearchInput()
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OrganisationKind.choices)
    place = django_filters.ModelChoiceFilter(
        label=_("Place"),
        queryset=Place.objects.filter(organisations__isnull=False)
        .select_related("parent")
        .distinct(),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), field_name="place__country", choices=countries
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "place", "country"]

    def filter_text(self, queryset, name, value):
        key = fold(value)
        return queryset.filter(Q(name__icontains=value) | Q(place__search_key__contains=key))
