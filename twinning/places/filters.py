"""The one filter of places, shared by the HTML list and the API."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from twinning.places.models import Place, PlaceKind
from twinning.places.selectors import place_list


class PlaceFilter(django_filters.FilterSet):
    """Filter places by name or other name (ignoring accents), kind, country and parent."""

    q = django_filters.CharFilter(
        label=_("Search"), method="filter_text", widget=forms.SearchInput()
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PlaceKind.choices)
    parent = django_filters.ModelChoiceFilter(
        label=_("Part of"),
        queryset=Place.objects.filter(children__isnull=False).distinct(),
    )

    class Meta:
        model = Place
        fields = ["q", "kind", "country", "parent"]

    def filter_text(self, queryset, name, value):
        # The selector owns the folded matching on names and other names.
        return queryset.filter(pk__in=place_list(q=value).values("pk"))
