"""The one filter of showcase sites, shared by the HTML list and the API."""

import django_filters
from django.db.models import Q, Value
from django.db.models.functions import Concat, Replace
from django.utils.translation import gettext_lazy as _

from twinning.focusareas.models import FocusArea
from twinning.sites.models import ShowcaseSite


class ShowcaseSiteFilter(django_filters.FilterSet):
    """Filter sites by focus area, organisation, place, language and text."""

    focus = django_filters.ModelMultipleChoiceFilter(
        label=_("Focus area"),
        field_name="focus_areas__slug",
        to_field_name="slug",
        queryset=FocusArea.objects.all(),
        distinct=True,
    )
    organisation = django_filters.NumberFilter(
        label=_("Organisation"), field_name="organisation_id"
    )
    place = django_filters.NumberFilter(label=_("Place"), method="filter_place")
    language = django_filters.CharFilter(
        label=_("Language"), method="filter_language", help_text=_("Two-letter code")
    )
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")

    class Meta:
        model = ShowcaseSite
        fields = ["focus", "organisation", "place", "language", "q"]

    def filter_place(self, queryset, name, value):
        return queryset.filter(Q(place_id=value) | Q(place__parent_id=value))

    def filter_language(self, queryset, name, value):
        code = value.strip().lower()
        # Codes are stored as "da, en"; wrapping the list in commas and matching ",en,"
        # keeps one code from matching inside another.
        wrapped = Replace(Concat(Value(","), "languages", Value(",")), Value(" "), Value(""))
        return queryset.annotate(language_list=wrapped).filter(language_list__contains=f",{code},")

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(organisation__name__icontains=value)
            | Q(address__icontains=value)
            | Q(what_visitors_see__icontains=value)
        )
