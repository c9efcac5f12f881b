from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from twinning.strategies.models import (
    Budget,
    BudgetAllocation,
    BudgetLine,
    Goal,
    Strategy,
    StrategyFocusArea,
)


class StrategyFocusAreaInline(admin.TabularInline):
    model = StrategyFocusArea
    extra = 0
    autocomplete_fields = ["focus_area"]


class GoalInline(admin.StackedInline):
    model = Goal
    extra = 0
    fields = [
        ("position", "title", "focus_area"),
        "actions",
        ("deadline", "success_criteria"),
        ("status", "assessed_on"),
        "assessment",
    ]


@admin.register(Strategy)
class StrategyAdmin(SimpleHistoryAdmin):
    list_display = ["title", "party", "kind", "start", "end", "owner", "is_public"]
    list_filter = ["kind", "is_public"]
    list_select_related = ["party", "owner"]
    search_fields = ["title", "party__name"]
    raw_id_fields = ["party"]
    inlines = [StrategyFocusAreaInline, GoalInline]


class BudgetAllocationInline(admin.TabularInline):
    model = BudgetAllocation
    extra = 0
    raw_id_fields = ["partnership"]


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


@admin.register(Budget)
class BudgetAdmin(SimpleHistoryAdmin):
    list_display = ["party", "year", "total", "currency", "staff_fte", "owner", "is_public"]
    list_filter = ["year", "is_public"]
    list_select_related = ["party", "owner"]
    search_fields = ["party__name", "rule"]
    raw_id_fields = ["party"]
    inlines = [BudgetAllocationInline, BudgetLineInline]
