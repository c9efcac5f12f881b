"""Shapes of strategies, budgets and alignments in the JSON API."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from twinning.core.api import Body, Label, OwnedIn, PartialDateStr, Ref, TranslatedIn, TranslatedOut
from twinning.strategies.models import (
    BudgetCategory,
    GoalStatus,
    IndicatorDirection,
    StrategyKind,
)


class RankedAreaOut(Schema):
    position: int = Field(description="1 is the strategy's first priority.")
    slug: str = Field(description="Slug of the focus area.")
    name: Label = Field(description="Name of the focus area in the language of the request.")
    wording: str = Field(description="How the strategy itself names the area.")

    @staticmethod
    def resolve_slug(obj):
        return obj.focus_area.slug

    @staticmethod
    def resolve_name(obj):
        return obj.focus_area.name


class BreakdownOut(Schema):
    dimension: str = Field(description="What the actual is split by, such as age group.")
    category: str = Field(description="The part, such as 13–15.")
    target: Decimal | None = Field(description="Target of the part; null when not set.")
    actual: Decimal | None = Field(description="Actual of the part; null when not known.")


class IndicatorPeriodOut(Schema):
    start: dt.date = Field(description="First day of the period (YYYY-MM-DD).")
    end: dt.date = Field(description="Last day of the period (YYYY-MM-DD).")
    target: Decimal | None = Field(description="Target for the period; null when not set.")
    actual: Decimal | None = Field(description="What was reached; null when not known.")
    met: bool | None = Field(
        description="Whether the actual reaches the target in the indicator's direction; "
        "null when either is missing."
    )
    source: int | None = Field(
        alias="source_id", description="Identifier of the source of the actual."
    )
    evidence: str = Field(description="The passage or note the actual rests on.")
    breakdown: list[BreakdownOut] = Field(description="The actual split by category.")

    @staticmethod
    def resolve_met(obj):
        return obj.met()


class IndicatorOut(TranslatedOut):
    id: int = Field(description="Identifier of the indicator.")
    position: int = Field(description="Number of the indicator within its goal, from 1.")
    title: str = Field(description="What is measured.")
    unit: str = Field(description="Unit of the values, such as pupils or DKK.")
    direction: IndicatorDirection = Field(description="increase or decrease: which is better.")
    description: str = Field(description="How it is measured; may be empty.")
    baseline: Decimal | None = Field(description="Value before the work began; may be null.")
    baseline_date: PartialDateStr | None = Field(description="When the baseline was taken.")
    periods: list[IndicatorPeriodOut] = Field(description="Targets and actuals per period.")


class IndicatorIn(TranslatedIn):
    """An indicator to add to a goal."""

    title: str = Field(description="What is measured.")
    unit: str = Field(description="Unit of the values, such as pupils or DKK.")
    direction: IndicatorDirection = Field(
        IndicatorDirection.INCREASE, description="increase or decrease: which is better."
    )
    description: str = Field("", description="How it is measured.")
    baseline: Decimal | None = Field(None, description="Value before the work began.")
    baseline_date: PartialDateStr | None = Field(None, description="When the baseline was taken.")


class BreakdownIn(Body):
    dimension: str = Field(description="What the actual is split by, such as age group.")
    category: str = Field(description="The part, such as 13–15.")
    target: Decimal | None = Field(None, description="Target of the part.")
    actual: Decimal | None = Field(None, description="Actual of the part.")


class PeriodIn(Body):
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


class GoalOut(TranslatedOut):
    id: int = Field(description="Identifier of the goal.")
    position: int = Field(description="Number of the goal within its strategy, from 1.")
    title: str = Field(description="Title of the goal.")
    focus_area: str | None = Field(
        description="Slug of the focus area the goal serves; null when it serves none."
    )
    actions: str = Field(description="The actions planned to reach the goal; may be empty.")
    deadline: PartialDateStr | None = Field(
        description="When the goal is to be reached; null when no deadline is set."
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
    def resolve_focus_area(obj):
        return obj.focus_area.slug if obj.focus_area_id else None


class StrategyOut(Schema):
    id: int = Field(description="Identifier of the strategy.")
    title: str = Field(description="Title of the strategy.")
    kind: str = Field(description="own, partner_plan or national.")
    party: Ref = Field(
        description="The place whose strategy it is: a municipality, region, group or country."
    )
    start: PartialDateStr | None = Field(description="First day in force.")
    end: PartialDateStr | None = Field(
        description="Last day in force; null when open-ended or not known."
    )
    focus_areas: list[RankedAreaOut] = Field(
        alias="ranked_areas", description="Focus areas in rank order."
    )


class StrategyDetailOut(StrategyOut, TranslatedOut):
    description: str = Field(description="Description of the strategy; may be empty.")
    goals: list[GoalOut] = Field(description="The strategy's goals in order of their number.")


class AllocationOut(Schema):
    partnership: int = Field(
        alias="partnership_id", description="Identifier of the partnership the money goes to."
    )
    partnership_name: str = Field(
        description="Names of the partnership's two parties, joined by an en dash."
    )
    amount: Decimal | None = Field(description="The amount, or the share of the total.")
    share: Decimal | None = Field(description="A fraction of the total, e.g. 0.5.")

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


class BudgetOut(Schema):
    id: int = Field(description="Identifier of the budget.")
    party: Ref = Field(description="The place whose budget it is.")
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
    party: Ref = Field(description="The party compared.")
    partner: Ref = Field(description="The partner compared.")
    strategies: list[StrategyOut] = Field(
        description="The strategies compared (the columns): those of the party, the partner "
        "and the places they lie in."
    )
    rows: list[AlignmentRowOut] = Field(
        description="One row per focus area named by any strategy, most often named first; "
        "`marks` follows the order of `strategies`."
    )
    recommended: list[str] = Field(description="Slugs of the recommended areas, ranked.")


class RankedAreaIn(Body):
    """A focus area named by a strategy, in rank order."""

    slug: str = Field(description="Slug of the focus area.")
    wording: str = Field("", description="How the strategy itself names the area.")


class StrategyIn(OwnedIn, TranslatedIn):
    """A strategy to create."""

    party: int = Field(description="Identifier of the place whose strategy it is.")
    title: str = Field(description="Title of the strategy.")
    kind: StrategyKind = Field(StrategyKind.OWN, description="own, partner_plan or national.")
    start: PartialDateStr | None = Field(None, description="First day in force.")
    end: PartialDateStr | None = Field(None, description="Last day in force.")
    focus_areas: list[RankedAreaIn] = Field([], description="Focus areas, first priority first.")
    description: str = Field("", description="Description of the strategy.")


class GoalIn(TranslatedIn):
    """A goal to add to a strategy."""

    title: str = Field(description="Title of the goal.")
    position: int | None = Field(
        None, ge=1, description="Number of the goal; after the last one when left out."
    )
    focus_area: str | None = Field(None, description="Slug of the focus area it serves.")
    actions: str = Field("", description="The actions planned to reach the goal.")
    deadline: PartialDateStr | None = Field(None, description="When it is to be reached.")
    success_criteria: str = Field("", description="How to tell whether it was reached.")
    status: GoalStatus = Field(
        GoalStatus.NOT_ASSESSED, description="met, partly_met, not_met or not_assessed."
    )
    assessment: str = Field("", description="The written assessment.")
    assessed_on: dt.date | None = Field(
        None, description="Day of the assessment; none while not assessed."
    )


class BudgetIn(OwnedIn):
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


class BudgetAllocationIn(Body):
    """Part of a budget set aside for a partnership."""

    partnership: int = Field(
        description="Identifier of a visible partnership without an allocation in this budget."
    )
    amount: Decimal | None = Field(None, description="The amount; give it, a share, or both.")
    share: Decimal | None = Field(None, description="A fraction of the total, 0 to 1.")
    notes: str = Field("", description="Notes.")


class BudgetLineIn(Body):
    """A line to add to a budget."""

    category: BudgetCategory = Field(
        description="salaries, travel, conferences, material or other."
    )
    description: str = Field("", description="What the line is for.")
    planned: Decimal | None = Field(None, description="Amount planned.")
    spent: Decimal | None = Field(None, description="Amount spent.")


class CostOut(Schema):
    """Money spent on a partnership. Its receipts are attachments of kind "cost"."""

    id: int = Field(description="Identifier of the cost.")
    partnership: int = Field(alias="partnership_id", description="Identifier of the partnership.")
    party: int = Field(alias="party_id", description="Identifier of the place that paid.")
    party_name: str = Field(description="Name of the place that paid.")
    date: dt.date = Field(description="Day of the payment.")
    amount: Decimal = Field(description="Amount.")
    currency: str = Field(description="ISO 4217 code of the amount.")
    category: BudgetCategory = Field(
        description="salaries, travel, conferences, material or other."
    )
    description: str = Field(description="What it paid for.")

    @staticmethod
    def resolve_party_name(obj):
        return obj.party.name


class CostIn(Body):
    """Money spent on a partnership by one of its parties."""

    partnership: int = Field(description="Identifier of a partnership the caller may change.")
    party: int = Field(description="Identifier of the place that paid.")
    date: dt.date = Field(description="Day of the payment.")
    amount: Decimal = Field(ge=0, description="Amount; not negative.")
    currency: str = Field("DKK", min_length=3, max_length=3, description="ISO 4217 code.")
    category: BudgetCategory = Field(BudgetCategory.OTHER, description="Category.")
    description: str = Field(description="What it paid for.")


class StaffTimeOut(Schema):
    """Time a person, or people in a role, gave a partnership in a year."""

    id: int = Field(description="Identifier of the record.")
    partnership: int = Field(alias="partnership_id", description="Identifier of the partnership.")
    party: int = Field(alias="party_id", description="Identifier of the place whose staff it is.")
    year: int = Field(description="Year.")
    person: int | None = Field(alias="person_id", description="Identifier of the person, if named.")
    role: str = Field(description="Role; may be empty when a person is named.")
    fte: Decimal | None = Field(description="Full-time equivalents.")
    hours: Decimal | None = Field(description="Hours.")
    notes: str = Field(description="Notes.")


class StaffTimeIn(Body):
    """Time given to a partnership in a year, by a person or a role."""

    partnership: int = Field(description="Identifier of a partnership the caller may change.")
    party: int = Field(description="Identifier of the place whose staff it is.")
    year: int = Field(ge=1900, le=2200, description="Year.")
    person: int | None = Field(None, description="Identifier of the person; or give a role.")
    role: str = Field("", description="Role, such as 'international coordinator'.")
    fte: Decimal | None = Field(None, ge=0, description="Full-time equivalents.")
    hours: Decimal | None = Field(None, ge=0, description="Hours; give these, FTE, or both.")
    notes: str = Field("", description="Notes.")


class ContributionOut(Schema):
    """A member's part of a group's budget."""

    member: int = Field(alias="member_id", description="Identifier of the member place.")
    member_name: str = Field(description="Name of the member.")
    share: Decimal | None = Field(description="Fraction of the total, 0 to 1.")
    amount: Decimal | None = Field(description="Amount.")

    @staticmethod
    def resolve_member_name(obj):
        return obj.member.name


class ContributionIn(Body):
    """A member's part of a group's budget: a share, an amount, or both."""

    member: int = Field(description="Identifier of a member of the budget's group.")
    share: Decimal | None = Field(None, ge=0, le=1, description="Fraction of the total.")
    amount: Decimal | None = Field(None, ge=0, description="Amount.")
