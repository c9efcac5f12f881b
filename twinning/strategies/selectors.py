"""Reads of strategies and budgets, and the alignment of strategies' focus areas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet

from twinning.accounts.selectors import user_organisation_ids, visible_link, visible_to
from twinning.core.selectors import history_changes
from twinning.focusareas.models import FocusArea
from twinning.partnerships.models import Partnership
from twinning.places.models import Place, PlaceKind
from twinning.sources.models import Source
from twinning.strategies.models import (
    Budget,
    BudgetAllocation,
    CostEntry,
    ExchangeRate,
    Goal,
    Indicator,
    IndicatorPeriod,
    StaffTime,
    Strategy,
    StrategyFocusArea,
    StrategyKind,
)

KIND_ORDER = {StrategyKind.OWN: 0, StrategyKind.PARTNER_PLAN: 1, StrategyKind.NATIONAL: 2}


def strategy_list(*, user) -> QuerySet[Strategy]:
    """Return the strategies the user may see, with party and ranked areas loaded."""
    ranked = StrategyFocusArea.objects.select_related("focus_area").order_by("position")
    return (
        visible_to(Strategy.objects.all(), user)
        .select_related("party")
        .prefetch_related(Prefetch("ranked_areas", queryset=ranked))
    )


def strategy_detail(*, user, pk: int) -> Strategy:
    """Return one visible strategy with its goals and their indicators loaded."""
    return (
        strategy_list(user=user)
        .select_related("owner", "party__parent")
        .prefetch_related(goals_with_indicators(user))
        .get(pk=pk)
    )


def _indicators(user) -> Prefetch:
    # A period's source the user may not see reads as none given.
    sources = visible_to(Source.objects.all(), user)
    periods = IndicatorPeriod.objects.prefetch_related(
        Prefetch("source", queryset=sources), "breakdown"
    )
    return Prefetch(
        "indicators", queryset=Indicator.objects.prefetch_related(Prefetch("periods", periods))
    )


def goals_with_indicators(user) -> Prefetch:
    """Return the prefetch that loads a strategy's goals with indicators, periods and parts."""
    goals = Goal.objects.select_related("focus_area").prefetch_related(_indicators(user))
    return Prefetch("goals", queryset=goals.order_by("position", "pk"))


def goal_detail(*, user, pk: int) -> Goal:
    """Return one goal of a visible strategy, with its indicators, periods and parts loaded."""
    return (
        Goal.objects.filter(strategy__in=visible_to(Strategy.objects.all(), user))
        .select_related("strategy__party", "strategy__owner", "focus_area")
        .prefetch_related(_indicators(user))
        .get(pk=pk)
    )


def strategy_history(*, strategy: Strategy, limit: int = 50):
    """Return the strategy's own changes, newest first."""
    records = list(
        strategy.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    return history_changes(
        records,
        kind=str(Strategy._meta.verbose_name),
        label=lambda r: "",
        url_name="strategies:detail",
    )[:limit]


def strategies_in_period(
    *, user, parties: Iterable[Place], first: dt.date, last: dt.date
) -> list[Strategy]:
    """Return the visible strategies of these parties that were in force at some point of
    the period, with goals and their indicators loaded."""
    strategies = (
        strategy_list(user=user)
        .filter(party__in=list(parties))
        .filter(Q(start__isnull=True) | Q(start__lte=last.isoformat()))
        .filter(Q(end__isnull=True) | Q(end__gte=f"{first.year:04d}"))
        .prefetch_related(goals_with_indicators(user))
    )
    return sorted(strategies, key=lambda s: (KIND_ORDER.get(s.kind, 9), str(s.start or ""), s.pk))


def budget_list(*, user) -> QuerySet[Budget]:
    """Return the budgets the user may see, with party, allocations and lines loaded."""
    partnerships = visible_to(Partnership.objects.all(), user).select_related("party_a", "party_b")
    allocations = BudgetAllocation.objects.filter(
        visible_link("partnership_id", partnerships)
    ).select_related("partnership__party_a", "partnership__party_b")
    return (
        visible_to(Budget.objects.all(), user)
        .select_related("party")
        .prefetch_related(Prefetch("allocations", queryset=allocations), "lines")
    )


def budget_detail(*, user, pk: int) -> Budget:
    """Return one visible budget with its allocations and lines."""
    return budget_list(user=user).select_related("owner").get(pk=pk)


def budgets_in_period(*, user, party: Place, first_year: int, last_year: int) -> list[Budget]:
    """Return the party's visible budgets of the years, oldest first."""
    return list(
        budget_list(user=user)
        .filter(party=party, year__gte=first_year, year__lte=last_year)
        .order_by("year")
    )


# Alignment ------------------------------------------------------------------------------

NAMED = "named"
COVERED = "covered"


@dataclass
class AlignmentRow:
    """One focus area of the matrix: a mark per strategy, and how widely it is shared."""

    area: FocusArea
    cells: list[str]
    count: int
    own_rank: int | None
    tier: str = ""  # "all", "most" or "" (not recommended)


@dataclass
class Alignment:
    """Focus areas down, strategies across, and the areas recommended for the next agreement.

    A cell is ``named`` when the strategy names the area itself, ``covered`` when it names
    a broader area that contains it, and empty otherwise. ``recommended`` holds the rows
    named or covered by all strategies, then those by most, in rank order.
    """

    party: Place
    partner: Place
    on: dt.date | None
    strategies: list[Strategy]
    rows: list[AlignmentRow] = field(default_factory=list)

    @property
    def recommended(self) -> list[AlignmentRow]:
        return [row for row in self.rows if row.tier]

    @property
    def shared_by_all(self) -> list[AlignmentRow]:
        return [row for row in self.rows if row.tier == "all"]

    @property
    def shared_by_most(self) -> list[AlignmentRow]:
        return [row for row in self.rows if row.tier == "most"]

    def chart(self) -> tuple[list[str], list[int]]:
        """Return the area names and their counts, for a bar chart of the ranking."""
        return [str(row.area.name) for row in self.rows], [row.count for row in self.rows]


def _side(place: Place) -> list[Place]:
    """Return the place, the places it lies in, and its country."""
    chain = [place, *place.ancestors()]
    if place.country and not any(p.kind == PlaceKind.COUNTRY for p in chain):
        country = Place.objects.filter(kind=PlaceKind.COUNTRY, country=place.country).first()
        if country is not None:
            chain.append(country)
    return chain


def _in_force(strategies: QuerySet[Strategy], on: dt.date) -> QuerySet[Strategy]:
    # A year-only or month-only end covers every day of its year or month.
    day = on.isoformat()
    return strategies.filter(Q(start__isnull=True) | Q(start__lte=day)).filter(
        Q(end__isnull=True) | Q(end__gte=day) | Q(end__in=[day[:4], day[:7]])
    )


def alignment_matrix(*, user, party: Place, partner: Place, on: dt.date | None = None) -> Alignment:
    """Return the alignment of the party's, the partner's and the national strategies.

    Strategies of the party, the partner and the places they lie in (up to their
    countries) are compared; with ``on``, only those in force that day. Rows are ranked
    by how many strategies name or cover the area, then by the rank the party's own
    strategy gives it, then by name.
    """
    party = Place.objects.select_related("parent__parent__parent").get(pk=party.pk)
    partner = Place.objects.select_related("parent__parent__parent").get(pk=partner.pk)
    places = {p.pk: p for p in [*_side(party), *_side(partner)]}
    own_side = {p.pk for p in _side(party)}
    strategies = strategy_list(user=user).filter(party__in=list(places))
    if on is not None:
        strategies = _in_force(strategies, on)
    strategies = sorted(
        strategies, key=lambda s: (KIND_ORDER.get(s.kind, 9), s.party.name, str(s.start or ""))
    )
    alignment = Alignment(party=party, partner=partner, on=on, strategies=strategies)
    if not strategies:
        return alignment

    parents = dict(FocusArea.objects.values_list("pk", "parent_id"))

    def ancestors(pk: int) -> set[int]:
        found, node = set(), parents.get(pk)
        while node is not None and node not in found:
            found.add(node)
            node = parents.get(node)
        return found

    areas: dict[int, FocusArea] = {}
    own_rank: dict[int, int] = {}
    named_by = []
    for strategy in strategies:
        named = {}
        for ranked in strategy.ranked_areas.all():
            areas.setdefault(ranked.focus_area_id, ranked.focus_area)
            named[ranked.focus_area_id] = ranked.position
            if strategy.kind == StrategyKind.OWN and strategy.party_id in own_side:
                current = own_rank.get(ranked.focus_area_id)
                own_rank[ranked.focus_area_id] = min(current or ranked.position, ranked.position)
        named_by.append(named)

    total = len(strategies)
    for pk, area in areas.items():
        above = ancestors(pk)
        cells = []
        for named in named_by:
            if pk in named:
                cells.append(NAMED)
            elif above & named.keys():
                cells.append(COVERED)
            else:
                cells.append("")
        count = sum(1 for cell in cells if cell)
        tier = "all" if count == total else "most" if count * 2 > total else ""
        alignment.rows.append(
            AlignmentRow(area=area, cells=cells, count=count, own_rank=own_rank.get(pk), tier=tier)
        )
    alignment.rows.sort(
        key=lambda row: (
            -row.count,
            row.own_rank if row.own_rank is not None else 10_000,
            str(row.area.name).casefold(),
        )
    )
    return alignment


# Money and time -------------------------------------------------------------------------


@dataclass
class MoneyYear:
    """One year of a partnership's money and time, in the base currency."""

    year: int
    allocated: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)
    fte: Decimal = Decimal(0)
    hours: Decimal = Decimal(0)
    costs: list = field(default_factory=list)
    staff: list = field(default_factory=list)


@dataclass
class MoneySummary:
    """A partnership's money and staff time per year, with the exchange rates it used."""

    base: str
    years: list[MoneyYear]
    rates: list[ExchangeRate]
    # (year, currency) pairs that had no rate; their amounts are left out of the totals.
    missing: list[tuple[int, str]]

    @property
    def allocated(self) -> Decimal:
        return sum((y.allocated for y in self.years), Decimal(0))

    @property
    def spent(self) -> Decimal:
        return sum((y.spent for y in self.years), Decimal(0))

    @property
    def fte(self) -> Decimal:
        return sum((y.fte for y in self.years), Decimal(0))

    def __bool__(self) -> bool:
        return any(y.allocated or y.spent or y.fte or y.hours for y in self.years)


def partnership_money(
    *, user, partnership: Partnership, first_year: int, last_year: int, base: str = "DKK"
) -> MoneySummary:
    """Roll up what was set aside for, spent on and worked for a partnership, per year.

    Amounts in other currencies are converted with the year's recorded rate; the rates
    used are returned so that a report can state them, and a missing rate is named
    rather than guessed.
    """
    years = {year: MoneyYear(year) for year in range(first_year, last_year + 1)}
    rates = {
        (r.year, r.currency): r
        for r in ExchangeRate.objects.filter(base=base, year__gte=first_year, year__lte=last_year)
    }
    used: dict[tuple[int, str], ExchangeRate] = {}
    missing: set[tuple[int, str]] = set()

    def convert(amount: Decimal | None, currency: str, year: int) -> Decimal:
        if amount is None:
            return Decimal(0)
        if currency == base:
            return amount
        rate = rates.get((year, currency))
        if rate is None:
            missing.add((year, currency))
            return Decimal(0)
        used[(year, currency)] = rate
        return (amount * rate.rate).quantize(Decimal("0.01"))

    allocations = BudgetAllocation.objects.filter(
        visible_link("budget_id", visible_to(Budget.objects.all(), user)),
        partnership=partnership,
        budget__year__gte=first_year,
        budget__year__lte=last_year,
    ).select_related("budget")
    for allocation in allocations:
        budget = allocation.budget
        years[budget.year].allocated += convert(
            allocation.resolved_amount(), budget.currency, budget.year
        )
    costs = CostEntry.objects.filter(
        partnership=partnership, date__year__gte=first_year, date__year__lte=last_year
    ).select_related("party", "receipt")
    for cost in costs.order_by("date", "pk"):
        year = years[cost.date.year]
        year.spent += convert(cost.amount, cost.currency, cost.date.year)
        year.costs.append(cost)
    staff = StaffTime.objects.filter(
        partnership=partnership, year__gte=first_year, year__lte=last_year
    ).select_related("person", "party")
    for entry in staff.order_by("year", "role", "pk"):
        year = years[entry.year]
        year.fte += entry.fte or 0
        year.hours += entry.hours or 0
        year.staff.append(entry)
    return MoneySummary(
        base=base,
        years=list(years.values()),
        rates=[used[key] for key in sorted(used)],
        missing=sorted(missing),
    )


def _of_own_partnerships(rows: QuerySet, user) -> QuerySet:
    # Money and time are the organisation's own business: only its members see the rows,
    # whether or not the partnership itself is public.
    if getattr(user, "is_superuser", False):
        return rows
    return rows.filter(partnership__owner_id__in=user_organisation_ids(user))


def cost_list(*, user) -> QuerySet[CostEntry]:
    """Return the costs of the partnerships of the user's organisations, oldest first."""
    rows = CostEntry.objects.select_related("partnership__party_a", "partnership__party_b", "party")
    return _of_own_partnerships(rows, user).order_by("date", "pk")


def staff_time_list(*, user) -> QuerySet[StaffTime]:
    """Return the staff time given to the partnerships of the user's organisations."""
    rows = StaffTime.objects.select_related(
        "partnership__party_a", "partnership__party_b", "party", "person"
    )
    return _of_own_partnerships(rows, user).order_by("year", "role", "pk")


def partnership_own(*, user, pk: int) -> Partnership | None:
    """Return a partnership of the user's organisations (any, for a superuser), or None."""
    rows = Partnership.objects.select_related("party_a", "party_b")
    if not getattr(user, "is_superuser", False):
        rows = rows.filter(owner_id__in=user_organisation_ids(user))
    return rows.filter(pk=pk).first()
