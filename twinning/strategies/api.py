"""JSON endpoints for strategies, budgets and the alignment of strategies."""

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from twinning.accounts.auth import read_auth, write_auth
from twinning.accounts.selectors import visible_link, visible_to
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import (
    blank_text,
    get_or_422,
    get_visible_or_422,
    owner_for,
    require_can_edit,
    require_editor,
)
from twinning.focusareas.models import FocusArea
from twinning.partnerships.models import Partnership
from twinning.places.models import Place
from twinning.sources.models import Source
from twinning.strategies import services
from twinning.strategies.filters import BudgetFilter, StrategyFilter
from twinning.strategies.forms import AlignmentForm
from twinning.strategies.iati import results_from_iati, results_to_iati
from twinning.strategies.models import (
    Budget,
    BudgetAllocation,
    BudgetLine,
    Goal,
    Indicator,
    Strategy,
)
from twinning.strategies.schemas import (
    AlignmentOut,
    AlignmentQuery,
    AllocationOut,
    BudgetAllocationIn,
    BudgetAllocationPatch,
    BudgetIn,
    BudgetLineIn,
    BudgetLinePatch,
    BudgetOut,
    BudgetPatch,
    BudgetQuery,
    GoalIn,
    GoalOut,
    GoalPatch,
    IatiImportOut,
    IndicatorIn,
    IndicatorOut,
    LineOut,
    PeriodIn,
    PeriodOut,
    StrategyDetailOut,
    StrategyIn,
    StrategyOut,
    StrategyPatch,
    StrategyQuery,
)
from twinning.strategies.selectors import (
    alignment_matrix,
    budget_detail,
    budget_list,
    strategy_detail,
    strategy_list,
)

router = Router(tags=["strategies"])
budgets_router = Router(tags=["strategies"])
alignment_router = Router(tags=["strategies"])


@router.get(
    "",
    response=list[StrategyOut],
    auth=read_auth,
    operation_id="strategy_list",
    summary="List strategies",
    description="Return the strategies the caller may see, with focus areas in rank order; "
    "with format=csv or xlsx, every match as a file.",
)
@paginate_or_export(StrategyOut, "strategies")
def list_strategies(request, filters: Query[StrategyQuery]):
    return filter_or_422(StrategyFilter, filters, strategy_list(user=request.user).order_by("pk"))


@router.get(
    "/{int:pk}",
    response={200: StrategyDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="strategy_detail",
    summary="Get a strategy with its goals",
    description=(
        "Return one strategy the caller may see, with its description, its focus areas in "
        "rank order and its goals with deadlines and assessments; 404 when there is no such "
        "strategy or the caller may not see it."
    ),
)
def get_strategy(request, pk: int):
    return _strategy(request, pk)


def _strategy(request, pk: int) -> Strategy:
    try:
        return strategy_detail(user=request.user, pk=pk)
    except Strategy.DoesNotExist:
        raise HttpError(404, _("No such strategy.")) from None


@budgets_router.get(
    "",
    response=list[BudgetOut],
    auth=read_auth,
    operation_id="budget_list",
    summary="List budgets",
    description="Return the budgets the caller may see, with allocations and lines; with "
    "format=csv or xlsx, every match as a file.",
)
@paginate_or_export(BudgetOut, "budgets")
def list_budgets(request, filters: Query[BudgetQuery]):
    return filter_or_422(BudgetFilter, filters, budget_list(user=request.user).order_by("pk"))


@alignment_router.get(
    "",
    response={200: AlignmentOut, 422: ErrorOut},
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


# Writes ---------------------------------------------------------------------------------

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
DELETE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def _editable(request, model, pk: int, message: str):
    try:
        record = visible_to(model.objects.all(), request.user).get(pk=pk)
    except model.DoesNotExist:
        raise HttpError(404, message) from None
    require_can_edit(request.user, record)
    return record


def _editable_strategy(request, pk: int) -> Strategy:
    return _editable(request, Strategy, pk, _("No such strategy."))


def _focus_area(slug: str | None, field: str) -> FocusArea | None:
    if slug is None:
        return None
    area = FocusArea.objects.filter(slug=slug).first()
    if area is None:
        raise HttpError(422, _("%(field)s: unknown %(slug)s") % {"field": field, "slug": slug})
    return area


def _strategy_fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"description"})
    if "party" in fields:
        fields["party"] = get_or_422(Place, fields["party"], "party")
    if "focus_areas" in fields:
        fields["focus_areas"] = [
            (_focus_area(item["slug"], "focus_areas"), item["wording"] or "")
            for item in fields["focus_areas"] or []
        ]
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    return fields


@router.post(
    "",
    response={201: StrategyDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="strategy_create",
    summary="Create a strategy",
    description="Create a strategy with its focus areas in rank order; editors only. The "
    "owner must be one of the caller's organisations. Goals are added afterwards.",
)
def create_strategy(request, payload: StrategyIn):
    require_editor(request.user)
    strategy = services.strategy_create(**_strategy_fields(request, payload.dict()))
    return Status(201, _strategy(request, strategy.pk))


@router.patch(
    "/{int:pk}",
    response={200: StrategyDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="strategy_update",
    summary="Change a strategy",
    description="Change the fields given; the others stay as they are. focus_areas replaces "
    "the whole ranking. Only editors of the owning organisation may.",
)
def update_strategy(request, pk: int, payload: StrategyPatch):
    strategy = _editable_strategy(request, pk)
    fields = _strategy_fields(request, payload.dict(exclude_unset=True))
    services.strategy_update(strategy=strategy, **fields)
    return _strategy(request, pk)


@router.delete(
    "/{int:pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="strategy_delete",
    summary="Delete a strategy",
    description="Delete a strategy with its ranked focus areas and goals.",
)
def delete_strategy(request, pk: int):
    services.strategy_delete(strategy=_editable_strategy(request, pk))
    return Status(204, None)


def _goal_fields(payload: dict) -> dict:
    fields = blank_text(payload, {"actions", "success_criteria", "assessment"})
    if "focus_area" in fields:
        fields["focus_area"] = _focus_area(fields["focus_area"], "focus_area")
    return fields


def _goal(request, pk: int, goal_pk: int) -> Goal:
    return get_object_or_404(
        Goal.objects.select_related("focus_area"),
        pk=goal_pk,
        strategy=_editable_strategy(request, pk),
    )


@router.post(
    "/{int:pk}/goals",
    response={201: GoalOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="goal_create",
    summary="Add a goal to a strategy",
    description="Add a goal, numbered after the last one unless a number is given.",
)
def create_goal(request, pk: int, payload: GoalIn):
    strategy = _editable_strategy(request, pk)
    return Status(201, services.goal_create(strategy=strategy, **_goal_fields(payload.dict())))


@router.patch(
    "/{int:pk}/goals/{int:goal_pk}",
    response={200: GoalOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="goal_update",
    summary="Change a goal",
    description="Change the fields given, such as its assessment; the others stay as they are.",
)
def update_goal(request, pk: int, goal_pk: int, payload: GoalPatch):
    goal = _goal(request, pk, goal_pk)
    return services.goal_update(goal=goal, **_goal_fields(payload.dict(exclude_unset=True)))


@router.delete(
    "/{int:pk}/goals/{int:goal_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="goal_delete",
    summary="Delete a goal",
    description="Delete a goal of the strategy.",
)
def delete_goal(request, pk: int, goal_pk: int):
    services.goal_delete(goal=_goal(request, pk, goal_pk))
    return Status(204, None)


# Indicators -----------------------------------------------------------------------------


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
    return 201, services.indicator_create(goal=goal, **payload.dict())


@router.delete(
    "/{int:pk}/goals/{int:goal_pk}/indicators/{int:indicator_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="indicator_delete",
    summary="Delete an indicator",
    description="Delete an indicator with its periods.",
)
def delete_indicator(request, pk: int, goal_pk: int, indicator_pk: int):
    services.indicator_delete(indicator=_indicator(request, pk, goal_pk, indicator_pk))
    return 204, None


@router.put(
    "/{int:pk}/goals/{int:goal_pk}/indicators/{int:indicator_pk}/periods",
    response={200: PeriodOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="indicator_period_set",
    summary="Record a period's target and actual",
    description="Store the target and actual of the period that starts on `start`, "
    "replacing what was recorded for it; a breakdown, when given, replaces its parts.",
)
def set_period(request, pk: int, goal_pk: int, indicator_pk: int, payload: PeriodIn):
    indicator = _indicator(request, pk, goal_pk, indicator_pk)
    fields = payload.dict()
    sources = visible_to(Source.objects.all(), request.user)
    fields["source"] = get_visible_or_422(sources, fields["source"], "source")
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
    data = results_to_iati(strategy=_strategy(request, pk))
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
    strategy = _editable_strategy(request, pk)
    try:
        return results_from_iati(strategy=strategy, data=request.body)
    except ValidationError as exc:
        raise HttpError(422, " ".join(exc.messages)) from None


# Budgets --------------------------------------------------------------------------------


def _budget(request, pk: int) -> Budget:
    try:
        return budget_detail(user=request.user, pk=pk)
    except Budget.DoesNotExist:
        raise HttpError(404, _("No such budget.")) from None


@budgets_router.get(
    "/{int:pk}",
    response={200: BudgetOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="budget_detail",
    summary="Get a budget",
    description="Return one budget with its allocations and lines; one that does not exist "
    "or that the caller may not see gives 404.",
)
def get_budget(request, pk: int):
    return _budget(request, pk)


def _editable_budget(request, pk: int) -> Budget:
    return _editable(request, Budget, pk, _("No such budget."))


def _budget_fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"rule", "notes", "currency"})
    if "currency" in fields:
        fields["currency"] = fields["currency"].upper()
    if "party" in fields:
        fields["party"] = get_or_422(Place, fields["party"], "party")
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    return fields


@budgets_router.post(
    "",
    response={201: BudgetOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="budget_create",
    summary="Create a budget",
    description="Create a party's budget for a year; without a total, the rate per "
    "inhabitant times the population gives it. Editors only; one budget per party and year.",
)
def create_budget(request, payload: BudgetIn):
    require_editor(request.user)
    budget = services.budget_create(**_budget_fields(request, payload.dict()))
    return Status(201, _budget(request, budget.pk))


@budgets_router.patch(
    "/{int:pk}",
    response={200: BudgetOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="budget_update",
    summary="Change a budget",
    description="Change the fields given; a total left out follows the rule when its "
    "inputs change. Only editors of the owning organisation may.",
)
def update_budget(request, pk: int, payload: BudgetPatch):
    budget = _editable_budget(request, pk)
    services.budget_update(
        budget=budget, **_budget_fields(request, payload.dict(exclude_unset=True))
    )
    return _budget(request, pk)


@budgets_router.delete(
    "/{int:pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="budget_delete",
    summary="Delete a budget",
    description="Delete a budget with its allocations and lines.",
)
def delete_budget(request, pk: int):
    services.budget_delete(budget=_editable_budget(request, pk))
    return Status(204, None)


def _stored(record):
    # Amounts come back as the database keeps them, to two decimals.
    record.refresh_from_db()
    return record


def _allocation(request, pk: int, partnership_pk: int) -> BudgetAllocation:
    partnerships = visible_to(Partnership.objects.all(), request.user)
    return get_object_or_404(
        BudgetAllocation.objects.select_related("partnership__party_a", "partnership__party_b"),
        visible_link("partnership_id", partnerships),
        budget=_editable_budget(request, pk),
        partnership_id=partnership_pk,
    )


@budgets_router.post(
    "/{int:pk}/allocations",
    response={201: AllocationOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="budget_allocation_create",
    summary="Allocate part of a budget to a partnership",
    description="Set aside an amount or a share of the budget for a partnership that has no "
    "allocation in it yet.",
)
def create_allocation(request, pk: int, payload: BudgetAllocationIn):
    budget = _editable_budget(request, pk)
    fields = blank_text(payload.dict(), {"notes"})
    visible = visible_to(Partnership.objects.all(), request.user)
    fields["partnership"] = get_visible_or_422(visible, fields["partnership"], "partnership")
    return Status(201, _stored(services.budget_allocation_create(budget=budget, **fields)))


@budgets_router.patch(
    "/{int:pk}/allocations/{int:partnership_pk}",
    response={200: AllocationOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="budget_allocation_update",
    summary="Change a partnership's allocation",
    description="Change the fields given of the allocation to the partnership with this "
    "identifier; the others stay as they are.",
)
def update_allocation(request, pk: int, partnership_pk: int, payload: BudgetAllocationPatch):
    allocation = _allocation(request, pk, partnership_pk)
    fields = blank_text(payload.dict(exclude_unset=True), {"notes"})
    return _stored(services.budget_allocation_update(allocation=allocation, **fields))


@budgets_router.delete(
    "/{int:pk}/allocations/{int:partnership_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="budget_allocation_delete",
    summary="Remove a partnership's allocation",
    description="Take the allocation to the partnership with this identifier out of the budget.",
)
def delete_allocation(request, pk: int, partnership_pk: int):
    services.budget_allocation_delete(allocation=_allocation(request, pk, partnership_pk))
    return Status(204, None)


def _line(request, pk: int, line_pk: int) -> BudgetLine:
    return get_object_or_404(BudgetLine, pk=line_pk, budget=_editable_budget(request, pk))


@budgets_router.post(
    "/{int:pk}/lines",
    response={201: LineOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="budget_line_create",
    summary="Add a budget line",
    description="Add what was planned and spent on one category.",
)
def create_line(request, pk: int, payload: BudgetLineIn):
    budget = _editable_budget(request, pk)
    fields = blank_text(payload.dict(), {"description"})
    return Status(201, _stored(services.budget_line_add(budget=budget, **fields)))


@budgets_router.patch(
    "/{int:pk}/lines/{int:line_pk}",
    response={200: LineOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="budget_line_update",
    summary="Change a budget line",
    description="Change the fields given; the others stay as they are.",
)
def update_line(request, pk: int, line_pk: int, payload: BudgetLinePatch):
    line = _line(request, pk, line_pk)
    fields = blank_text(payload.dict(exclude_unset=True), {"description"})
    return _stored(services.budget_line_update(line=line, **fields))


@budgets_router.delete(
    "/{int:pk}/lines/{int:line_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="budget_line_delete",
    summary="Delete a budget line",
    description="Delete a line of the budget.",
)
def delete_line(request, pk: int, line_pk: int):
    services.budget_line_delete(line=_line(request, pk, line_pk))
    return Status(204, None)
