import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.ingestion.models import Suggestion, SuggestionKind, SuggestionStatus
from twinning.sources.models import Source


class DocumentFilter(django_filters.FilterSet):
    """Filter ingested documents by title or file name, and by whether review is left."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    open = django_filters.BooleanFilter(label=_("Suggestions left to review"), method="filter_open")

    class Meta:
        model = Source
        fields = ["q", "open"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(file_name__icontains=value))

    def filter_open(self, queryset, name, value):
        return queryset.filter(pending__gt=0) if value else queryset.filter(pending=0)


class SuggestionFilter(django_filters.FilterSet):
    """Filter suggestions by kind of fact and review status."""

    kind = django_filters.ChoiceFilter(label=_("Kind of fact"), choices=SuggestionKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SuggestionStatus.choices)

    class Meta:
        model = Suggestion
        fields = ["kind", "status"]
