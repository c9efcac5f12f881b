"""The filter of evaluation reports, shared by the HTML list and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from twinning.reports.models import EvaluationReport, ReportLanguage


class EvaluationReportFilter(django_filters.FilterSet):
    """Filter reports by party, partnership, language and the years they cover."""

    party = django_filters.NumberFilter(label=_("Party (id)"), field_name="party_id")
    partnership = django_filters.NumberFilter(
        label=_("Partnership (id)"), field_name="partnership_id"
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=ReportLanguage.choices)
    year = django_filters.NumberFilter(label=_("Covers year"), method="filter_year")

    class Meta:
        model = EvaluationReport
        fields = ["party", "partnership", "language", "year"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(from_year__lte=value, to_year__gte=value)
