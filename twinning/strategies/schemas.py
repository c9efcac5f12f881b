"""Shapes of strategies, budgets and alignments in the JSON API."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from twinning.core.partialdates import PartialDate
from twinning.strategies.models import (
    BudgetCategory,
    GoalStatus,
    IndicatorDirection,
    StrategyKind,
)


def _iso(value: PartialDate | None) -> str | None:
    return value.isoformat() if value is not None else None


class StrategyPlaceRef(Schema):
    id: int = Field(description="Identifier of the place.")
    name: str = Field(description="Name of the place.")


class RankedAreaOut(Schema):
    position: int = Field(description="1 is the strategy's first priority.")
    slug: str = Field(description="Slug of the focus area.")
    name: str = Field(description="Name of the focus area in the language of the request.")
    wording: str = Field(description="How the strategy itself names the area.")

    @staticmethod
    def resolve_slug(obj):
        return obj.focus_area.slug

    @staticmethod
    def resolve_name(obj):
        return str(obj.focus_area.name)


class BreakdownOut(Schema):
    dimension: str = Field(description="What the actual is split by, such as age group.")
    category: str = Field(description="The part, such as 13–15.")
    target: Decimal | None = Field(description="Target of the part; null when not set.")
    actual: Decimal | None = Field(description="Actual of the part; null when not known.")


class PeriodOut(Schema):
    start: dt.date = Field(description="First day of the period (YYYY-MM-DD).")
    end: dt.date = Field(description="Last day of the period (YYYY-MM-DD).")
    target: Decimal | None = Field(description="Target for the period; null when not set.")
    actual: Decimal | None = Field(description="What was reached; null when not known.")
    met: bool | None = Field(
        description="Whether the actual reaches the target in the indicator's direction; "
        "null when either is missing."
    )
    source: int | None = Field(description="Identifier of the source of the actual.")
    evidence: str = Field(description="The passage or note the actual rests on.")
    breakdown: list[BreakdownOut] = Field(description="The actual split by category.")

    @staticmethod
    def resolve_met(obj):
        return obj.met()

    @staticmethod
    def resolve_source(obj):
        return obj.source_id

    @staticmethod
    def resolve_breakdown(obj):
        return list(obj.breakdown.all())


class IndicatorOut(Schema):
    id: int = Field(description="Identifier of the indicator.")
    position: int = Field(description="Number of the indicator within its goal, from 1.")
    title: str = Field(description="What is measured.")
    unit: str = Field(description="Unit of the values, such as pupils or DKK.")
    direction: IndicatorDirection = Field(description="increase or decrease: which is better.")
    description: str = Field(description="How it is measured; may be empty.")
    baseline: Decimal | None = Field(description="Value before the work began; may be null.")
    baseline_date: str | None = Field(description="When the baseline was taken (partial date).")
    periods: list[PeriodOut] = Field(description="Targets and actuals per period.")

    @staticmethod
    def resolve_baseline_date(obj):
        return _iso(obj.baseline_date)

    @staticmethod
    def resolve_periods(obj):
        return list(obj.periods.all())


class IndicatorIn(Schema):
    """An indicator to add to a goal."""

    title: str = Field(description="What is measured.")
    unit: str = Field(description="Unit of the values, such as pupils or DKK.")
    direction: IndicatorDirection = Field(
        IndicatorDirection.INCREASE, description="increase or decrease: which is better."
    )
    description: str = Field("", description="How it is measured.")
    baseline: Decimal | None = Field(None, description="Value before the work began.")
    baseline_date: str | None = Field(
        None, description="When the baseline was taken, as a partial ISO date."
    )


class BreakdownIn(Schema):
    dimension: str = Field(description="What the actual is split by, such as age group.")
    category: str = Field(description="The part, such as 13–15.")
    target: Decimal | None = Field(None, description="Target of the part.")
    actual: Decimal | None = Field(None, description="Actual of the part.")


class PeriodIn(Schema):
    """The target and actual of one period; it replaces the period that starts that day."""

    start: dt.date = Field(description="First day of the period (YYYY-MM-DD).")
    end: dt.date = Field(description="Last day of the period (YYYY-MM-DD).")
    target: Decimal | None = Field(None, description="Target for the period.")
    actual: Decimal | None = Field(None, description="What was reached.")
    source: int | None = Field(None, description="Identifier of a visible source.")
    evidence: str = Field("", description="The passage or note the actual rests on.")
    breakdown: list[BreakdownIn] | None = Field(
        None, description="The actual split by category; replaces the period's parts when given."
    )


class IatiImportOut(Schema):
    goals: int = Field(description="Results read (goals matched by title or created).")
    indicators: int = Field(description="Indicators read.")
    periods: int = Field(description="Periods stored.")


class GoalOut(Schema):
    id: int = Field(description="Identifier of the goal.")
    position: int = Field(description="Number of the goal within its strategy, from 1.")
    title: str = Field(description="Title of the goal.")
    focus_area: str | None = Field(
        description="Slug of the focus area the goal serves; null when it serves none."
    )
    actions: str = Field(description="The actions planned to reach the goal; may be empty.")
    deadline: str | None = Field(
        description="When the goal is to be reached, as a partial ISO date known to the year, "
        'month or day ("2007", "2013-06" or "2012-10-02"); null when no deadline is set.'
    )
    success_criteria: str = Field(
        description="How to tell whether the goal was reached; may be empty."
    )
    status: str = Field(description="met, partly_met, not_met or not_assessed.")
    assessment: str = Field(description="The written assessment of the goal; may be empty.")
    assessed_on: dt.date | None = Field(
        description="Day of the assessment (YYYY-MM-DD); null when the goal is not assessed."
    )
    derived_status: str = Field(
        description="The status its indicators give: met, partly_met, not_met or not_assessed."
    )
    indicators: list[IndicatorOut] = Field(description="The goal's indicators with periods.")

    @staticmethod
    def resolve_derived_status(obj):
        return obj.derived_status()

    @staticmethod
    def resolve_indicators(obj):
        return list(obj.indicators.all())

    @staticmethod
    def resolve_focus_area(obj):
        return obj.focus_area.slug if obj.focus_area_id else None

    @staticmethod
    def resolve_deadline(obj):
        return _iso(obj.deadline)


class StrategyQuery(Schema):
    party: int | None = Field(None, description="Id of the party (a place).")
    kind: list[str] | None = Field(None, description="own, partner_plan or national.")
    focus: list[str] | None = Field(None, description="Slug of a focus area.")
    q: str | None = Field(None, description="Text in the title or the party's name.")


class StrategyOut(Schema):
    id: int = Field(description="Identifier of the strategy.")
    title: str = Field(description="Title of the strategy.")
    kind: str = Field(description="own, partner_plan or national.")
    party: StrategyPlaceRef = Field(
        description="The place whose strategy it is: a municipality, region, group or country."
    )
    start: str | None = Field(description="A date known to the year, month or day.")
    end: str | None = Field(
        description="Last day in force, as a partial ISO date known to the year, month or day "
        '("2007", "2013-06" or "2012-10-02"); null when open-ended or not known.'
    )
    focus_areas: list[RankedAreaOut] = Field(description="Focus areas in rank order.")

    @staticmethod
    def resolve_start(obj):
        return _iso(obj.start)

    @staticmethod
    def resolve_end(obj):
        return _iso(obj.end)

    @staticmethod
    def resolve_focus_areas(obj):
        return list(obj.ranked_areas.all())


class StrategyDetailOut(StrategyOut):
    description: str = Field(description="Description of the strategy; may be empty.")
    goals: list[GoalOut] = Field(description="The strategy's goals in order of their number.")

    @staticmethod
    def resolve_goals(obj):
        return list(obj.goals.all())


class AllocationOut(Schema):
    partnership: int = Field(description="Identifier of the partnership the money goes to.")
    partnership_name: str = Field(
        description="Names of the partnership's two parties, joined by an en dash."
    )
    amount: Decimal | None = Field(description="The amount, or the share of the total.")
    share: Decimal | None = Field(description="A fraction of the total, e.g. 0.5.")

    @staticmethod
    def resolve_partnership(obj):
        return obj.partnership_id

    @staticmethod
    def resolve_partnership_name(obj):
        return f"{obj.partnership.party_a.name} – {obj.partnership.party_b.name}"

    @staticmethod
    def resolve_amount(obj):
        return obj.resolved_amount()


class LineOut(Schema):
    id: int = Field(description="Identifier of the budget line.")
    category: str = Field(description="salaries, travel, conferences, material or other.")
    description: str = Field(description="What the line is for; may be empty.")
    planned: Decimal | None = Field(
        description="Amount planned, in the budget's currency; null when not given."
    )
    spent: Decimal | None = Field(
        description="Amount spent, in the budget's currency; null when not given."
    )


class BudgetQuery(Schema):
    party: int | None = Field(None, description="Id of the party (a place).")
    year: int | None = Field(None, description="The budget year.")


class BudgetOut(Schema):
    id: int = Field(description="Identifier of the budget.")
    party: StrategyPlaceRef = Field(description="The place whose budget it is.")
    year: int = Field(description="The budget year, such as 2024.")
    total: Decimal | None = Field(
        description="Total amount for international cooperation in the budget's currency; "
        "when not entered it is computed as the rate per inhabitant times the population; "
        "null when not known."
    )
    currency: str = Field(description="ISO 4217 code of the currency, such as DKK.")
    rule: str = Field(description="The rule the total came from, e.g. 6 DKK per inhabitant.")
    rate_per_inhabitant: Decimal | None = Field(
        description="Amount per inhabitant in the budget's currency; null when not given."
    )
    population: int | None = Field(
        description="Number of inhabitants the rate applies to; null when not given."
    )
    staff_fte: Decimal | None = Field(description="Staff time in full-time equivalents.")
    spent_total: Decimal | None = Field(
        description="Amount spent in the year in the budget's currency; null when not known."
    )
    allocations: list[AllocationOut] = Field(
        description="How the budget is divided among the party's partnerships."
    )
    lines: list[LineOut] = Field(description="Planned and spent amounts by category.")

    @staticmethod
    def resolve_allocations(obj):
        return list(obj.allocations.all())

    @staticmethod
    def resolve_lines(obj):
        return list(obj.lines.all())


class AlignmentQuery(Schema):
    party: str = Field(description="Id or name of the party.")
    partner: str = Field(description="Id or name of the partner.")
    on: dt.date | None = Field(None, description="Only strategies in force on this day.")


class AlignmentRowOut(Schema):
    slug: str = Field(description="Slug of the focus area.")
    name: str = Field(description="Name of the focus area in the language of the request.")
    marks: list[str] = Field(description="Per strategy: named, covered (broader area) or ''.")
    count: int = Field(description="How many strategies name or cover the area.")
    own_rank: int | None = Field(description="The rank the party's own strategy gives it.")
    recommended: str = Field(description="all, most, or '' when not recommended.")


class AlignmentOut(Schema):
    party: StrategyPlaceRef = Field(description="The party compared.")
    partner: StrategyPlaceRef = Field(description="The partner compared.")
    strategies: list[StrategyOut] = Field(
        description="The strategies compared (the columns): those of the party, the partner "
        "and the places they lie in."
    )
    rows: list[AlignmentRowOut] = Field(
        description="One row per focus area named by any strategy, most often named first; "
        "`marks` follows the order of `strategies`."
    )
    recommended: list[str] = Field(description="Slugs of the recommended areas, ranked.")


# Writes ---------------------------------------------------------------------------------

PARTIAL_DATE = "A date known to the year, month or day: 2007, 2013-06 or 2012-10-02."
OWNER = (
    "Organisation whose editors may change it; one of the caller's. May be left out when "
    "the caller edits for one organisation only."
)


class RankedAreaIn(Schema):
    """A focus area named by a strategy, in rank order."""

    slug: str = Field(description="Slug of the focus area.")
    wording: str = Field("", description="How the strategy itself names the area.")


class StrategyIn(Schema):
    """A strategy to create."""

    party: int = Field(description="Identifier of the place whose strategy it is.")
    title: str = Field(description="Title of the strategy.")
    kind: StrategyKind = Field(StrategyKind.OWN, description="own, partner_plan or national.")
    start: str | None = Field(None, description=f"First day in force. {PARTIAL_DATE}")
    end: str | None = Field(None, description=f"Last day in force. {PARTIAL_DATE}")
    focus_areas: list[RankedAreaIn] = Field([], description="Focus areas, first priority first.")
    description: str = Field("", description="Description of the strategy.")
    owner: int | None = Field(None, description=OWNER)
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class StrategyPatch(Schema):
    """Fields of a strategy to change; fields left out stay as they are."""

    party: int | None = Field(None, description="Identifier of the place whose strategy it is.")
    title: str | None = Field(None, description="Title of the strategy.")
    kind: StrategyKind | None = Field(None, description="own, partner_plan or national.")
    start: str | None = Field(None, description=f"First day in force. {PARTIAL_DATE}")
    end: str | None = Field(None, description=f"Last day in force. {PARTIAL_DATE}")
    focus_areas: list[RankedAreaIn] | None = Field(
        None, description="Focus areas, first priority first; replaces the whole ranking."
    )
    description: str | None = Field(None, description="Description of the strategy.")
    owner: int | None = Field(None, description="Owning organisation; one of the caller's.")
    is_public: bool | None = Field(None, description="Shown to visitors who are not logged in.")


class GoalIn(Schema):
    """A goal to add to a strategy."""

    title: str = Field(description="Title of the goal.")
    position: int | None = Field(
        None, ge=1, description="Number of the goal; after the last one when left out."
    )
    focus_area: str | None = Field(None, description="Slug of the focus area it serves.")
    actions: str = Field("", description="The actions planned to reach the goal.")
    deadline: str | None = Field(None, description=f"When it is to be reached. {PARTIAL_DATE}")
    success_criteria: str = Field("", description="How to tell whether it was reached.")
    status: GoalStatus = Field(
        GoalStatus.NOT_ASSESSED, description="met, partly_met, not_met or not_assessed."
    )
    assessment: str = Field("", description="The written assessment.")
    assessed_on: dt.date | None = Field(
        None, description="Day of the assessment; none while not assessed."
    )


class GoalPatch(Schema):
    """Fields of a goal to change; fields left out stay as they are."""

    title: str | None = Field(None, description="Title of the goal.")
    position: int | None = Field(None, ge=1, description="Number of the goal.")
    focus_area: str | None = Field(None, description="Slug of the focus area; null for none.")
    actions: str | None = Field(None, description="The actions planned to reach the goal.")
    deadline: str | None = Field(None, description=f"When it is to be reached. {PARTIAL_DATE}")
    success_criteria: str | None = Field(None, description="How to tell whether it was reached.")
    status: GoalStatus | None = Field(None, description="met, partly_met, not_met or not_assessed.")
    assessment: str | None = Field(None, description="The written assessment.")
    assessed_on: dt.date | None = Field(None, description="Day of the assessment.")


class BudgetIn(Schema):
    """A party's budget for a year, to create."""

    party: int = Field(description="Identifier of the place whose budget it is.")
    year: int = Field(description="The budget year, 1900 to 2200.")
    total: Decimal | None = Field(
        None, description="Total amount; when left out, the rate times the population."
    )
    currency: str = Field("DKK", description="ISO 4217 code of the currency.")
    rule: str = Field("", description="The rule the total comes from.")
    rate_per_inhabitant: Decimal | None = Field(None, description="Amount per inhabitant.")
    population: int | None = Field(None, ge=0, description="Number of inhabitants.")
    staff_fte: Decimal | None = Field(None, description="Staff time in full-time equivalents.")
    spent_total: Decimal | None = Field(None, description="Amount spent in the year.")
    notes: str = Field("", description="Free-text notes.")
    owner: int | None = Field(None, description=OWNER)
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class BudgetPatch(Schema):
    """Fields of a budget to change; fields left out stay as they are."""

    party: int | None = Field(None, description="Identifier of the place whose budget it is.")
    year: int | None = Field(None, description="The budget year, 1900 to 2200.")
    total: Decimal | None = Field(None, description="Total amount.")
    currency: str | None = Field(None, description="ISO 4217 code of the currency.")
    rule: str | None = Field(None, description="The rule the total comes from.")
    rate_per_inhabitant: Decimal | None = Field(None, description="Amount per inhabitant.")
    population: int | None = Field(None, ge=0, description="Number of inhabitants.")
    staff_fte: Decimal | None = Field(None, description="Staff time in full-time equivalents.")
    spent_total: Decimal | None = Field(None, description="Amount spent in the year.")
    notes: str | None = Field(None, description="Free-text notes.")
    owner: int | None = Field(None, description="Owning organisation; one of the caller's.")
    is_public: bool | None = Field(None, description="Shown to visitors who are not logged in.")


class BudgetAllocationIn(Schema):
    """Part of a budget set aside for a partnership."""

    partnership: int = Field(
        description="Identifier of a visible partnership without an allocation in this budget."
    )
    amount: Decimal | None = Field(None, description="The amount; give it, a share, or both.")
    share: Decimal | None = Field(None, description="A fraction of the total, 0 to 1.")
    notes: str = Field("", description="Notes.")


class BudgetAllocationPatch(Schema):
    """Fields of an allocation to change; fields left out stay as they are."""

    amount: Decimal | None = Field(None, description="The amount; null for none.")
    share: Decimal | None = Field(None, description="A fraction of the total; null for none.")
    notes: str | None = Field(None, description="Notes.")


class BudgetLineIn(Schema):
    """A line to add to a budget."""

    category: BudgetCategory = Field(
        description="salaries, travel, conferences, material or other."
    )
    description: str = Field("", description="What the line is for.")
    planned: Decimal | None = Field(None, description="Amount planned.")
    spent: Decimal | None = Field(None, description="Amount spent.")


class BudgetLinePatch(Schema):
    """Fields of a budget line to change; fields left out stay as they are."""

    category: BudgetCategory | None = Field(
        None, description="salaries, travel, conferences, material or other."
    )
    description: str | None = Field(None, description="What the line is for.")
    planned: Decimal | None = Field(None, description="Amount planned; null for none.")
    spent: Decimal | None = Field(None, description="Amount spent; null for none.")
