from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from twinning.strategies.models import (
    Budget,
    BudgetAllocation,
    BudgetContribution,
    BudgetLine,
    CostEntry,
    ExchangeRate,
    Goal,
    StaffTime,
    Strategy,
    StrategyFocusArea,
)


class StrategyFocusAreaInline(admin.TabularInline):
    model = StrategyFocusArea
    extra = 0
    autocomplete_fields = ["focus_area"]


class GoalInline(TranslationStackedInline):
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
class StrategyAdmin(TranslationAdmin, SimpleHistoryAdmin):
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


class BudgetContributionInline(admin.TabularInline):
    model = BudgetContribution
    extra = 0
    raw_id_fields = ["member"]


@admin.register(Budget)
class BudgetAdmin(SimpleHistoryAdmin):
    list_display = ["party", "year", "total", "currency", "staff_fte", "owner", "is_public"]
    list_filter = ["year", "is_public"]
    list_select_related = ["party", "owner"]
    search_fields = ["party__name", "rule"]
    raw_id_fields = ["party"]
    inlines = [BudgetAllocationInline, BudgetLineInline, BudgetContributionInline]


@admin.register(CostEntry)
class CostEntryAdmin(admin.ModelAdmin):
    list_display = ["date", "partnership", "party", "description", "amount", "currency"]
    list_filter = ["currency", "category"]
    raw_id_fields = ["partnership", "party", "receipt"]
    date_hierarchy = "date"


@admin.register(StaffTime)
class StaffTimeAdmin(admin.ModelAdmin):
    list_display = ["year", "partnership", "party", "person", "role", "fte", "hours"]
    list_filter = ["year"]
    raw_id_fields = ["partnership", "party", "person"]


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ["year", "currency", "rate", "base", "source"]
    list_filter = ["base", "currency"]
