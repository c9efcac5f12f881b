"""Filters of strategies and budgets, shared by the HTML lists and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from twinning.core.text import fold
from twinning.focusareas.models import FocusArea
from twinning.strategies.models import (
    Budget,
    BudgetCategory,
    CostEntry,
    StaffTime,
    Strategy,
    StrategyKind,
)


class StrategyFilter(django_filters.FilterSet):
    """Filter strategies by party, kind, focus area and text."""

    party = django_filters.NumberFilter(label=_("Party (id)"), field_name="party_id")
    kind = django_filters.MultipleChoiceFilter(label=_("Kind"), choices=StrategyKind.choices)
    focus = django_filters.ModelMultipleChoiceFilter(
        label=_("Focus area"),
        field_name="focus_areas__slug",
        to_field_name="slug",
        queryset=FocusArea.objects.all(),
        distinct=True,
    )
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")

    class Meta:
        model = Strategy
        fields = ["party", "kind", "focus", "q"]

    def filter_text(self, queryset, name, value):
        key = fold(value)
        return queryset.filter(
            Q(title__icontains=value) | Q(party__search_key__contains=key)
        ).distinct()


class BudgetFilter(django_filters.FilterSet):
    """Filter budgets by party and year."""

    party = django_filters.NumberFilter(label=_("Party (id)"), field_name="party_id")
    year = django_filters.NumberFilter(label=_("Year"), min_value=1900, max_value=2200)

    class Meta:
        model = Budget
        fields = ["party", "year"]


class CostFilter(django_filters.FilterSet):
    """Filter costs by partnership, paying party, year and category."""

    partnership = django_filters.NumberFilter(
        label=_("Partnership (id)"), field_name="partnership_id"
    )
    party = django_filters.NumberFilter(label=_("Paid by (id)"), field_name="party_id")
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="date__year", min_value=1900, max_value=2200
    )
    category = django_filters.ChoiceFilter(label=_("Category"), choices=BudgetCategory.choices)

    class Meta:
        model = CostEntry
        fields = ["partnership", "party", "year", "category"]


class StaffTimeFilter(django_filters.FilterSet):
    """Filter staff time by partnership, party and year."""

    partnership = django_filters.NumberFilter(
        label=_("Partnership (id)"), field_name="partnership_id"
    )
    party = django_filters.NumberFilter(label=_("Party (id)"), field_name="party_id")
    year = django_filters.NumberFilter(label=_("Year"), min_value=1900, max_value=2200)

    class Meta:
        model = StaffTime
        fields = ["partnership", "party", "year"]
