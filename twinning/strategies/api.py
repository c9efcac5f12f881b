"""JSON endpoints for strategies, budgets and the alignment of strategies."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.strategies.filters import BudgetFilter, StrategyFilter
from twinning.strategies.forms import AlignmentForm
from twinning.strategies.models import Strategy
from twinning.strategies.schemas import (
    AlignmentOut,
    AlignmentQuery,
    BudgetOut,
    BudgetQuery,
    StrategyDetailOut,
    StrategyOut,
    StrategyQuery,
)
from twinning.strategies.selectors import (
    alignment_matrix,
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
    description="Return the strategies the caller may see, with focus areas in rank order.",
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
    description="Return the budgets the caller may see, with allocations and lines.",
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
