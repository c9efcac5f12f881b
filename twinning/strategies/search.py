"""Strategies, their goals and budgets in the search index."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch

from twinning.core.search import (
    Document,
    Indexer,
    Span,
    codes,
    focus_area_names,
    join,
    owned,
    register,
    year_of,
)
from twinning.core.translated import every_language
from twinning.strategies.models import (
    Budget,
    Goal,
    GoalStatus,
    Strategy,
    StrategyFocusArea,
    StrategyKind,
)


def _strategy_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    ranked = StrategyFocusArea.objects.select_related("focus_area").order_by("position")
    strategies = Strategy.objects.filter(pk__in=ids).select_related("party")
    for strategy in strategies.prefetch_related(Prefetch("ranked_areas", queryset=ranked)):
        areas = [link.focus_area for link in strategy.ranked_areas.all()]
        wordings = [link.wording for link in strategy.ranked_areas.all() if link.wording]
        party = strategy.party
        yield (
            strategy.pk,
            Document(
                title=strategy.title,
                body=join(
                    party.name, "; ".join(wordings), strategy.description, every_language(strategy)
                ),
                meta=[
                    StrategyKind(strategy.kind),
                    Span(strategy.start, strategy.end),
                    focus_area_names(areas),
                ],
                countries=codes(party.country_code),
                focus_areas=[area.pk for area in areas],
                year=year_of(strategy.start),
                **owned(strategy),
            ),
        )


def _goal_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    goals = Goal.objects.filter(pk__in=ids).select_related("strategy__party", "focus_area")
    for goal in goals:
        strategy = goal.strategy
        yield (
            goal.pk,
            Document(
                title=goal.title,
                body=join(
                    strategy.title,
                    goal.actions,
                    goal.success_criteria,
                    goal.assessment,
                    every_language(goal),
                ),
                meta=[
                    GoalStatus(goal.status),
                    goal.deadline,
                    focus_area_names([goal.focus_area] if goal.focus_area else []),
                ],
                countries=codes(strategy.party.country_code),
                focus_areas=[goal.focus_area_id] if goal.focus_area_id else [],
                year=year_of(goal.deadline) or year_of(strategy.start),
                # A goal is seen by whoever sees its strategy.
                **owned(strategy),
            ),
        )


def _budget_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    for budget in Budget.objects.filter(pk__in=ids).select_related("party"):
        total = f"{budget.total:,.0f} {budget.currency}" if budget.total is not None else ""
        yield (
            budget.pk,
            Document(
                title=str(budget),
                other_names=[budget.party.name],
                body=join(budget.rule, budget.notes),
                meta=[str(budget.year), total],
                countries=codes(budget.party.country_code),
                year=budget.year,
                **owned(budget),
            ),
        )


register(
    Indexer(
        kind="strategy",
        slot=15,
        model="strategies.Strategy",
        url_name="strategies:detail",
        documents=_strategy_documents,
    ),
    Indexer(
        kind="goal",
        slot=16,
        model="strategies.Goal",
        url_name="strategies:goal_detail",
        documents=_goal_documents,
        follows={"strategies.Strategy": lambda s: s.goals.values_list("pk", flat=True)},
    ),
    Indexer(
        kind="budget",
        slot=17,
        model="strategies.Budget",
        url_name="strategies:budget_detail",
        documents=_budget_documents,
    ),
)
