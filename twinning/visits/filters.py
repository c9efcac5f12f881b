"""The one filter of visits, shared by the HTML list and the API."""

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from twinning.focusareas.models import FocusArea
from twinning.visits.models import Visit, VisitDirection, VisitMember, VisitStatus


class VisitFilter(django_filters.FilterSet):
    """Filter visits by direction, status, host, visiting country, year, interest and text."""

    direction = django_filters.ChoiceFilter(label=_("Direction"), choices=VisitDirection.choices)
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=VisitStatus.choices)
    host = django_filters.NumberFilter(
        label=_("Host"), field_name="host_id", help_text=_("Identifier of the host place")
    )
    visiting_country = django_filters.CharFilter(
        label=_("Visiting country"),
        method="filter_visiting_country",
        help_text=_("ISO code of the visiting party's country"),
    )
    year = django_filters.NumberFilter(
        label=_("Year"), method="filter_year", min_value=1900, max_value=2200
    )
    interest = django_filters.ModelMultipleChoiceFilter(
        label=_("Interest"),
        field_name="interests__slug",
        to_field_name="slug",
        queryset=FocusArea.objects.all(),
        distinct=True,
    )
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")

    class Meta:
        model = Visit
        fields = ["direction", "status", "host", "visiting_country", "year", "interest", "q"]

    def filter_visiting_country(self, queryset, name, value):
        codes = [code.strip().upper() for code in value.split(",") if code.strip()]
        return queryset.filter(visiting_party__country__in=codes)

    def filter_year(self, queryset, name, value):
        # A visit over New Year belongs to both years.
        year = int(value)
        return queryset.filter(start_date__year__lte=year, end_date__year__gte=year)

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value)
            | Q(purpose__icontains=value)
            | Q(visiting_party__name__icontains=value)
            | Q(host__name__icontains=value)
            | Exists(VisitMember.objects.filter(visit=OuterRef("pk"), name__icontains=value))
        )
