"""JSON endpoints for strategies, goals, indicators, budgets and the alignment of strategies."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from twinning.accounts.auth import read_auth, write_auth
from twinning.accounts.selectors import can_edit, visible_link
from twinning.core.api import (
    WRITE_ERRORS,
    Child,
    ErrorOut,
    InvalidOut,
    Resource,
    resolve_fields,
    visible,
)
from twinning.focusareas.models import FocusArea
from twinning.partnerships.models import Partnership
from twinning.strategies import services
from twinning.strategies.filters import BudgetFilter, CostFilter, StaffTimeFilter, StrategyFilter
from twinning.strategies.forms import AlignmentForm
from twinning.strategies.iati import results_from_iati, results_to_iati
from twinning.strategies.models import (
    Budget,
    BudgetAllocation,
    BudgetContribution,
    BudgetLine,
    CostEntry,
    Goal,
    Indicator,
    IndicatorPeriod,
    StaffTime,
    Strategy,
)
from twinning.strategies.schemas import (
    AlignmentOut,
    AlignmentQuery,
    AllocationOut,
    BudgetAllocationIn,
    BudgetIn,
    BudgetLineIn,
    BudgetOut,
    ContributionIn,
    ContributionOut,
    CostIn,
    CostOut,
    GoalIn,
    GoalOut,
    IatiImportOut,
    IndicatorIn,
    IndicatorOut,
    IndicatorPeriodOut,
    LineOut,
    PeriodIn,
    StaffTimeIn,
    StaffTimeOut,
    StrategyDetailOut,
    StrategyIn,
    StrategyOut,
)
from twinning.strategies.selectors import (
    alignment_matrix,
    budget_detail,
    budget_list,
    cost_list,
    staff_time_list,
    strategy_detail,
    strategy_list,
)


def _ranked(fields: dict) -> dict:
    if "focus_areas" in fields:
        items = fields["focus_areas"] or []
        areas = FocusArea.objects.in_bulk([item["slug"] for item in items], field_name="slug")
        if unknown := [item["slug"] for item in items if item["slug"] not in areas]:
            raise HttpError(
                422,
                _("%(field)s: unknown %(slug)s")
                % {"field": "focus_areas", "slug": ", ".join(unknown)},
            )
        fields["focus_areas"] = [(areas[item["slug"]], item["wording"] or "") for item in items]
    return fields


def _update_strategy(strategy: Strategy, **fields) -> Strategy:
    return services.strategy_update(strategy=strategy, **_ranked(fields))


def _currency(fields: dict) -> dict:
    if fields.get("currency"):
        fields["currency"] = fields["currency"].upper()
    return fields


def _update_budget(budget: Budget, **fields) -> Budget:
    return services.budget_update(budget=budget, **_currency(fields))


strategies = Resource(
    model=Strategy,
    out=StrategyOut,
    detail=StrategyDetailOut,
    select=lambda user: strategy_list(user=user).order_by("pk"),
    fetch=lambda user, pk: strategy_detail(user=user, pk=pk),
    filterset=StrategyFilter,
    query_docs={"q": "Text in the title or the party's name."},
    body=StrategyIn,
    keys={"focus_areas": None},
    create=lambda **fields: services.strategy_create(**_ranked(fields)),
    update=_update_strategy,
    delete=services.strategy_delete,
    export="strategies",
    not_found=gettext_lazy("No such strategy."),
    docs={
        "list": "With focus areas in rank order.",
        "create": "With its focus areas in rank order; goals are added afterwards.",
        "update": "focus_areas, when given, replaces the whole ranking.",
        "delete": "Its ranked focus areas and goals go with it.",
    },
)
router = strategies.mount(Router(tags=["strategies"]))
goals = Child(
    parent=strategies,
    path="goals",
    model=Goal,
    out=GoalOut,
    body=GoalIn,
    keys={"focus_area": "slug"},
    create=services.goal_create,
    update=services.goal_update,
    delete=services.goal_delete,
    docs={"create": "Numbered after the last one unless a number is given."},
)
goals.mount(router)


def _goal(request, pk: int, goal_pk: int) -> Goal:
    return goals.row(request, strategies.editable(request, pk), goal_pk)


def _indicator(request, pk: int, goal_pk: int, indicator_pk: int) -> Indicator:
    return get_object_or_404(Indicator, pk=indicator_pk, goal=_goal(request, pk, goal_pk))


@router.post(
    "/{int:pk}/goals/{int:goal_pk}/indicators",
    response={201: IndicatorOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="indicator_create",
    summary="Add an indicator to a goal",
    description="Add an indicator with its unit, direction and baseline, numbered after the "
    "goal's last one.",
)
def create_indicator(request, pk: int, goal_pk: int, payload: IndicatorIn):
    goal = _goal(request, pk, goal_pk)
    fields = resolve_fields(request.user, Indicator, payload.dict())
    return Status(201, services.indicator_create(goal=goal, **fields))


@router.delete(
    "/{int:pk}/goals/{int:goal_pk}/indicators/{int:indicator_pk}",
    response={204: None, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="indicator_delete",
    summary="Delete an indicator",
    description="Delete an indicator with its periods.",
)
def delete_indicator(request, pk: int, goal_pk: int, indicator_pk: int):
    services.indicator_delete(indicator=_indicator(request, pk, goal_pk, indicator_pk))
    return Status(204, None)


@router.put(
    "/{int:pk}/goals/{int:goal_pk}/indicators/{int:indicator_pk}/periods",
    response={200: IndicatorPeriodOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="indicator_period_set",
    summary="Record a period's target and actual",
    description="Store the target and actual of the period that starts on `start`, "
    "replacing what was recorded for it; a breakdown, when given, replaces its parts.",
)
def set_period(request, pk: int, goal_pk: int, indicator_pk: int, payload: PeriodIn):
    indicator = _indicator(request, pk, goal_pk, indicator_pk)
    fields = resolve_fields(request.user, IndicatorPeriod, payload.dict())
    if fields["breakdown"] is None:
        del fields["breakdown"]
    return services.indicator_period_set(indicator=indicator, **fields)


@router.get(
    "/{int:pk}/iati",
    response={200: None, 404: ErrorOut},
    auth=read_auth,
    operation_id="strategy_results_iati",
    summary="The strategy's results as IATI XML",
    description="Return the goals, indicators, baselines and periods as an IATI 2.03 "
    "`iati-activities` document with one activity whose `result` elements hold them.",
)
def export_iati(request, pk: int):
    data = results_to_iati(strategy=strategies.get(request, pk))
    response = HttpResponse(data, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="results-{pk}.xml"'
    return response


@router.post(
    "/{int:pk}/iati",
    response={200: IatiImportOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="strategy_results_iati_import",
    summary="Read results from IATI XML",
    description="Send an IATI activity document as the request body; each `result` becomes "
    "a goal (matched by title), each `indicator` an indicator with its periods. Nothing is "
    "stored when any part cannot be read (422 naming the line).",
)
def import_iati(request, pk: int):
    strategy = strategies.editable(request, pk)
    try:
        return results_from_iati(strategy=strategy, data=request.body)
    except ValidationError as exc:
        raise HttpError(422, " ".join(exc.messages)) from None


budgets = Resource(
    model=Budget,
    out=BudgetOut,
    select=lambda user: budget_list(user=user).order_by("pk"),
    fetch=lambda user, pk: budget_detail(user=user, pk=pk),
    filterset=BudgetFilter,
    body=BudgetIn,
    create=lambda **fields: services.budget_create(**_currency(fields)),
    update=_update_budget,
    delete=services.budget_delete,
    export="budgets",
    not_found=gettext_lazy("No such budget."),
    docs={
        "create": "Without a total, the rate per inhabitant times the population gives it. "
        "One budget per party and year.",
        "delete": "Its allocations and lines go with it.",
    },
)
budgets_router = budgets.mount(Router(tags=["budgets"]))
Child(
    parent=budgets,
    path="allocations",
    model=BudgetAllocation,
    out=AllocationOut,
    body=BudgetAllocationIn,
    key="partnership",
    param="partnership_pk",
    rows=lambda user: BudgetAllocation.objects.filter(
        visible_link("partnership_id", visible(Partnership, user))
    ),
    create=services.budget_allocation_create,
    update=services.budget_allocation_update,
    delete=services.budget_allocation_delete,
    name="budget_allocation",
    docs={
        "create": "An amount or a share of the budget for a partnership that has no "
        "allocation in it yet.",
        "update": "The allocation is named by its partnership's identifier.",
    },
).mount(budgets_router)
Child(
    parent=budgets,
    path="lines",
    model=BudgetLine,
    out=LineOut,
    body=BudgetLineIn,
    create=services.budget_line_add,
    update=services.budget_line_update,
    delete=services.budget_line_delete,
    name="budget_line",
    param="line_pk",
    docs={"create": "What was planned and spent on one category."},
).mount(budgets_router)

Child(
    parent=budgets,
    path="contributions",
    model=BudgetContribution,
    out=ContributionOut,
    body=ContributionIn,
    key="member",
    param="member_pk",
    create=services.budget_contribution_set,
    update=services.budget_contribution_update,
    delete=services.budget_contribution_delete,
    name="budget_contribution",
    docs={
        "create": "A member of the budget's group pays a share of the total, an amount, or "
        "both; the members' shares may not add up to more than the whole. Given again for "
        "the same member, it replaces that member's part.",
        "update": "The part is named by its member's identifier.",
    },
).mount(budgets_router)


def _partnership_editor(user, obj) -> bool:
    # Costs and staff time have no owner of their own: the partnership's editors keep them.
    return can_edit(user, obj.partnership)


costs = Resource(
    model=CostEntry,
    out=CostOut,
    select=lambda user: cost_list(user=user),
    filterset=CostFilter,
    body=CostIn,
    guarded=("partnership",),
    create=services.cost_add,
    update=services.cost_update,
    delete=services.cost_delete,
    may_edit=_partnership_editor,
    export="costs",
    name="cost",
    not_found=gettext_lazy("No such cost."),
    docs={
        "list": "Costs are shown to the members of the partnership's organisation only.",
        "create": "Keep the receipt as an attachment of kind cost (POST /api/attachments).",
    },
)
costs_router = costs.mount(Router(tags=["costs"]))

staff_time = Resource(
    model=StaffTime,
    out=StaffTimeOut,
    select=lambda user: staff_time_list(user=user),
    filterset=StaffTimeFilter,
    body=StaffTimeIn,
    guarded=("partnership",),
    create=services.staff_time_set,
    update=services.staff_time_update,
    delete=services.staff_time_delete,
    may_edit=_partnership_editor,
    export="staff-time",
    name="staff_time",
    not_found=gettext_lazy("No such record of staff time."),
    docs={
        "list": "Staff time is shown to the members of the partnership's organisation only.",
        "create": "Given again for the same partnership, party, year and person or role, it "
        "replaces the figure recorded before.",
    },
)
staff_time_router = staff_time.mount(Router(tags=["staff time"]))

alignment_router = Router(tags=["strategies"])


@alignment_router.get(
    "",
    response={200: AlignmentOut, 422: InvalidOut},
    auth=read_auth,
    operation_id="alignment",
    summary="Compare the focus areas of strategies",
    description=(
        "Return the focus areas (rows) named by the strategies (columns) of the party, the "
        "partner and the places they lie in, ranked by how many name them, and the areas "
        "recommended for the next agreement."
    ),
)
def get_alignment(request, params: Query[AlignmentQuery]):
    form = AlignmentForm({"party": params.party, "partner": params.partner, "on": params.on or ""})
    if not form.is_valid():
        raise HttpError(
            422, "; ".join(str(m) for messages in form.errors.values() for m in messages)
        )
    matrix = alignment_matrix(
        user=request.user,
        party=form.cleaned_data["party"],
        partner=form.cleaned_data["partner"],
        on=form.cleaned_data["on"],
    )
    return {
        "party": matrix.party,
        "partner": matrix.partner,
        "strategies": matrix.strategies,
        "rows": [
            {
                "slug": row.area.slug,
                "name": str(row.area.name),
                "marks": row.cells,
                "count": row.count,
                "own_rank": row.own_rank,
                "recommended": row.tier,
            }
            for row in matrix.rows
        ],
        "recommended": [row.area.slug for row in matrix.recommended],
    }
