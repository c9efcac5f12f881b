"""Writes of strategies, goals and budgets; each validates before it saves."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.core.fields import partial_date_or_error
from twinning.core.partialdates import PartialDate
from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.strategies.models import (
    Budget,
    BudgetAllocation,
    BudgetCategory,
    BudgetContribution,
    BudgetLine,
    CostEntry,
    ExchangeRate,
    Goal,
    GoalStatus,
    Indicator,
    IndicatorBreakdown,
    IndicatorDirection,
    IndicatorPeriod,
    StaffTime,
    Strategy,
    StrategyFocusArea,
    StrategyKind,
)


@transaction.atomic
def strategy_create(
    *,
    party,
    title: str,
    kind: str = StrategyKind.OWN,
    start: PartialDate | str | None = None,
    end: PartialDate | str | None = None,
    focus_areas: Iterable = (),
    description: str = "",
    owner=None,
    is_public: bool = True,
    **translations: str,
) -> Strategy:
    """Create a strategy; its focus areas are ranked in the order given."""
    strategy = Strategy(
        party=party,
        title=title,
        kind=kind,
        start=partial_date_or_error(start, "start"),
        end=partial_date_or_error(end, "end"),
        description=description,
        owner=owner,
        is_public=is_public,
        **translations,
    )
    strategy.full_clean()
    strategy.save()
    strategy_rank_areas(strategy=strategy, focus_areas=focus_areas)
    search_entry_update(strategy)
    return strategy


@transaction.atomic
def strategy_update(*, strategy: Strategy, version: int | None = None, **fields) -> Strategy:
    """Change the given fields of a strategy; ``focus_areas`` replaces the ranking."""
    focus_areas = fields.pop("focus_areas", None)
    for field in {"start", "end"} & set(fields):
        fields[field] = partial_date_or_error(fields[field], field)
    model_update(instance=strategy, data=fields, version=version)
    if focus_areas is not None:
        strategy_rank_areas(strategy=strategy, focus_areas=focus_areas)
    search_entry_update(strategy)
    return strategy


@transaction.atomic
def strategy_delete(*, strategy: Strategy) -> None:
    """Delete a strategy with its ranked focus areas and goals."""
    search_entry_delete(strategy)
    strategy.delete()


@transaction.atomic
def strategy_rank_areas(*, strategy: Strategy, focus_areas: Iterable) -> None:
    """Replace the strategy's focus areas with these, ranked in order (1 first).

    An item may be a FocusArea or a (FocusArea, wording) pair.
    """
    rows, seen = [], set()
    for position, item in enumerate(focus_areas, start=1):
        area, wording = item if isinstance(item, tuple) else (item, "")
        if area.pk in seen:
            raise ValidationError(
                {"focus_areas": _("“%(area)s” is named twice.") % {"area": area.slug}}
            )
        seen.add(area.pk)
        rows.append(
            StrategyFocusArea(
                strategy=strategy, focus_area=area, position=position, wording=wording
            )
        )
    strategy.ranked_areas.all().delete()
    StrategyFocusArea.objects.bulk_create(rows)
    search_entry_update(strategy)


@transaction.atomic
def goal_create(
    *,
    strategy: Strategy,
    title: str,
    position: int | None = None,
    focus_area=None,
    actions: str = "",
    deadline: PartialDate | str | None = None,
    success_criteria: str = "",
    status: str = GoalStatus.NOT_ASSESSED,
    assessment: str = "",
    assessed_on: dt.date | None = None,
    **translations: str,
) -> Goal:
    """Add a goal to a strategy, numbered after the last one unless a number is given."""
    if position is None:
        position = strategy.goals.count() + 1
    goal = Goal(
        strategy=strategy,
        title=title,
        position=position,
        focus_area=focus_area,
        actions=actions,
        deadline=partial_date_or_error(deadline, "deadline"),
        success_criteria=success_criteria,
        status=status,
        assessment=assessment,
        assessed_on=assessed_on,
        **translations,
    )
    goal.full_clean()
    goal.save()
    search_entry_update(goal)
    return goal


@transaction.atomic
def goal_update(*, goal: Goal, version: int | None = None, **fields) -> Goal:
    """Change the given fields of a goal after validating them."""
    if "deadline" in fields:
        fields["deadline"] = partial_date_or_error(fields["deadline"], "deadline")
    goal = model_update(instance=goal, data=fields, version=version)
    search_entry_update(goal)
    return goal


@transaction.atomic
def goal_delete(*, goal: Goal) -> None:
    """Delete a goal of a strategy."""
    search_entry_delete(goal)
    goal.delete()


@transaction.atomic
def goal_assess(
    *, goal: Goal, status: str, assessment: str = "", assessed_on: dt.date | None = None
) -> Goal:
    """Record how far a goal was met, with a comment and the day of the assessment."""
    goal.status = status
    goal.assessment = assessment
    goal.assessed_on = None if status == GoalStatus.NOT_ASSESSED else assessed_on
    goal.full_clean()
    goal.save()
    search_entry_update(goal)
    return goal


@transaction.atomic
def budget_create(
    *,
    party,
    year: int,
    total: Decimal | None = None,
    currency: str = "DKK",
    rule: str = "",
    rate_per_inhabitant: Decimal | None = None,
    population: int | None = None,
    staff_fte: Decimal | None = None,
    spent_total: Decimal | None = None,
    notes: str = "",
    owner=None,
    is_public: bool = True,
) -> Budget:
    """Create a party's budget for a year; without a total, the rule computes it."""
    budget = Budget(
        party=party,
        year=year,
        total=total,
        currency=currency.upper(),
        rule=rule,
        rate_per_inhabitant=rate_per_inhabitant,
        population=population,
        staff_fte=staff_fte,
        spent_total=spent_total,
        notes=notes,
        owner=owner,
        is_public=is_public,
    )
    if budget.total is None:
        budget.total = budget.computed_total()
    budget.full_clean()
    budget.save()
    search_entry_update(budget)
    return budget


@transaction.atomic
def budget_update(*, budget: Budget, version: int | None = None, **fields) -> Budget:
    """Change the given fields; a total left out follows the rule when its inputs change."""
    rule_changed = {"rate_per_inhabitant", "population"} & set(fields)
    if "total" not in fields and rule_changed:
        candidate = copy.copy(budget)
        for field, value in fields.items():
            setattr(candidate, field, value)
        if candidate.computed_total() is not None:
            fields["total"] = candidate.computed_total()
    budget = model_update(instance=budget, data=fields, version=version)
    search_entry_update(budget)
    return budget


@transaction.atomic
def budget_delete(*, budget: Budget) -> None:
    """Delete a budget with its allocations and lines."""
    search_entry_delete(budget)
    budget.delete()


@transaction.atomic
def budget_allocation_set(
    *,
    budget: Budget,
    partnership,
    amount: Decimal | None = None,
    share: Decimal | None = None,
    notes: str = "",
) -> BudgetAllocation:
    """Set the amount or share of a budget that goes to a partnership."""
    allocation = BudgetAllocation.objects.filter(budget=budget, partnership=partnership).first()
    allocation = allocation or BudgetAllocation(budget=budget, partnership=partnership)
    allocation.amount, allocation.share, allocation.notes = amount, share, notes
    allocation.full_clean()
    allocation.save()
    return allocation


@transaction.atomic
def budget_allocation_create(
    *,
    budget: Budget,
    partnership,
    amount: Decimal | None = None,
    share: Decimal | None = None,
    notes: str = "",
) -> BudgetAllocation:
    """Allocate part of a budget to a partnership that has no allocation in it yet."""
    allocation = BudgetAllocation(
        budget=budget, partnership=partnership, amount=amount, share=share, notes=notes
    )
    allocation.full_clean()
    allocation.save()
    return allocation


@transaction.atomic
def budget_allocation_update(
    *, allocation: BudgetAllocation, version: int | None = None, **fields
) -> BudgetAllocation:
    """Change the given fields of an allocation after validating them."""
    return model_update(instance=allocation, data=fields, version=version)


@transaction.atomic
def budget_allocation_delete(*, allocation: BudgetAllocation) -> None:
    """Take a partnership's allocation out of a budget."""
    allocation.delete()


@transaction.atomic
def budget_line_add(
    *,
    budget: Budget,
    category: str,
    description: str = "",
    planned: Decimal | None = None,
    spent: Decimal | None = None,
) -> BudgetLine:
    """Add a line (salaries, travel, conferences, material, other) to a budget."""
    line = BudgetLine(
        budget=budget, category=category, description=description, planned=planned, spent=spent
    )
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def budget_line_update(*, line: BudgetLine, version: int | None = None, **fields) -> BudgetLine:
    """Change the given fields of a budget line after validating them."""
    return model_update(instance=line, data=fields, version=version)


@transaction.atomic
def budget_line_delete(*, line: BudgetLine) -> None:
    """Delete a line of a budget."""
    line.delete()


# Indicators -----------------------------------------------------------------------------


@transaction.atomic
def indicator_create(
    *,
    goal: Goal,
    title: str,
    unit: str,
    position: int | None = None,
    description: str = "",
    direction: str = IndicatorDirection.INCREASE,
    baseline: Decimal | None = None,
    baseline_date: PartialDate | str | None = None,
    **translations: str,
) -> Indicator:
    """Add an indicator to a goal, numbered after the last one unless a number is given."""
    if position is None:
        position = goal.indicators.count() + 1
    indicator = Indicator(
        goal=goal,
        title=title,
        unit=unit,
        position=position,
        description=description,
        direction=direction,
        baseline=baseline,
        baseline_date=partial_date_or_error(baseline_date, "baseline_date"),
        **translations,
    )
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator) -> None:
    """Delete an indicator with its periods."""
    indicator.delete()


@transaction.atomic
def indicator_period_set(
    *,
    indicator: Indicator,
    start: dt.date,
    end: dt.date,
    target: Decimal | None = None,
    actual: Decimal | None = None,
    source=None,
    evidence: str = "",
    breakdown: Iterable[dict] | None = None,
) -> IndicatorPeriod:
    """Record the target and actual of the period that starts on a day, replacing what was
    there; a breakdown, when given, replaces the period's parts by category.

    Each part of the breakdown is a mapping with ``dimension``, ``category`` and ``actual``
    and optionally ``target``.
    """
    period = IndicatorPeriod.objects.filter(indicator=indicator, start=start).first()
    period = period or IndicatorPeriod(indicator=indicator, start=start)
    period.end = end
    period.target = target
    period.actual = actual
    period.source = source
    period.evidence = evidence
    period.full_clean()
    period.save()
    if breakdown is not None:
        period.breakdown.all().delete()
        seen = set()
        for part in breakdown:
            key = (part["dimension"], part["category"])
            if key in seen:
                raise ValidationError(
                    {"breakdown": _("%(dimension)s: %(category)s is given twice.") % part}
                )
            seen.add(key)
            row = IndicatorBreakdown(
                period=period,
                dimension=part["dimension"],
                category=part["category"],
                target=part.get("target"),
                actual=part.get("actual"),
            )
            row.full_clean()
            row.save()
    return period


@transaction.atomic
def indicator_period_delete(*, period: IndicatorPeriod) -> None:
    """Delete one period of an indicator."""
    period.delete()


@transaction.atomic
def goal_status_derive(*, goal: Goal, assessed_on: dt.date | None = None) -> Goal:
    """Set a goal's status to what its indicators give, keeping the written assessment."""
    status = goal.derived_status()
    return goal_assess(
        goal=goal, status=status, assessment=goal.assessment, assessed_on=assessed_on
    )


# Money and time -------------------------------------------------------------------------


@transaction.atomic
def budget_contribution_set(
    *, budget: Budget, member, share: Decimal | None = None, amount: Decimal | None = None
) -> BudgetContribution:
    """Record a group member's part of the group's budget; the shares may not exceed 1."""
    if not budget.party.members.filter(pk=member.pk).exists():
        raise ValidationError(
            {
                "member": _("%(member)s is not a member of %(group)s.")
                % {"member": member, "group": budget.party}
            }
        )
    others = budget.contributions.exclude(member=member).values_list("share", flat=True)
    if share is not None and sum(s for s in others if s is not None) + share > 1:
        raise ValidationError({"share": _("The members' shares add up to more than the whole.")})
    contribution = BudgetContribution.objects.filter(budget=budget, member=member).first()
    contribution = contribution or BudgetContribution(budget=budget, member=member)
    contribution.share = share
    contribution.amount = amount
    contribution.full_clean()
    contribution.save()
    return contribution


@transaction.atomic
def cost_add(
    *,
    partnership,
    party,
    date: dt.date,
    amount: Decimal,
    description: str,
    currency: str = "DKK",
    category: str = BudgetCategory.OTHER,
    receipt=None,
) -> CostEntry:
    """Record money spent on a partnership by one of its parties (or a member of one)."""
    cost = CostEntry(
        partnership=partnership,
        party=party,
        date=date,
        amount=amount,
        currency=currency.upper(),
        category=category,
        description=description,
        receipt=receipt,
    )
    cost.full_clean()
    cost.save()
    return cost


@transaction.atomic
def staff_time_set(
    *,
    partnership,
    party,
    year: int,
    person=None,
    role: str = "",
    fte: Decimal | None = None,
    hours: Decimal | None = None,
    notes: str = "",
) -> StaffTime:
    """Record the time a person or a role gave a partnership in a year, replacing the
    figure recorded before for the same person or role."""
    entry = StaffTime.objects.filter(
        partnership=partnership, party=party, year=year, person=person, role=role
    ).first() or StaffTime(
        partnership=partnership, party=party, year=year, person=person, role=role
    )
    entry.fte = fte
    entry.hours = hours
    entry.notes = notes
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def exchange_rate_set(
    *, year: int, currency: str, rate: Decimal, base: str = "DKK", source: str = ""
) -> ExchangeRate:
    """Record what one unit of a currency was worth in the base currency in a year."""
    found = ExchangeRate.objects.filter(year=year, currency=currency.upper(), base=base).first()
    found = found or ExchangeRate(year=year, currency=currency.upper(), base=base)
    found.rate = rate
    found.source = source
    found.full_clean()
    found.save()
    return found


@transaction.atomic
def cost_update(*, cost: CostEntry, version: int | None = None, **fields) -> CostEntry:
    """Change the given fields of a cost after validating them."""
    if "currency" in fields:
        fields["currency"] = (fields["currency"] or "").upper()
    return model_update(instance=cost, data=fields, version=version)


@transaction.atomic
def cost_delete(*, cost: CostEntry) -> None:
    """Delete a cost."""
    cost.delete()


@transaction.atomic
def staff_time_update(*, entry: StaffTime, version: int | None = None, **fields) -> StaffTime:
    """Change the given fields of a record of staff time after validating them."""
    return model_update(instance=entry, data=fields, version=version)


@transaction.atomic
def staff_time_delete(*, entry: StaffTime) -> None:
    """Delete a record of staff time."""
    entry.delete()


@transaction.atomic
def budget_contribution_update(*, contribution: BudgetContribution, **fields) -> BudgetContribution:
    """Change a member's share or amount, checked again against the other members'."""
    return budget_contribution_set(
        budget=contribution.budget,
        member=contribution.member,
        share=fields.get("share", contribution.share),
        amount=fields.get("amount", contribution.amount),
    )


@transaction.atomic
def budget_contribution_delete(*, contribution: BudgetContribution) -> None:
    """Delete a member's part of a group's budget."""
    contribution.delete()
