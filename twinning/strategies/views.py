"""Pages for strategies, budgets, the alignment of strategies, and a partnership's money
and time."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor
from twinning.attachments.services import attachment_create
from twinning.strategies import selectors, services
from twinning.strategies.filters import BudgetFilter, StrategyFilter
from twinning.strategies.forms import (
    AlignmentForm,
    ContributionForm,
    CostForm,
    IndicatorForm,
    IndicatorPeriodForm,
    StaffTimeForm,
    StrategyForm,
)
from twinning.strategies.models import Budget, Goal, Strategy

PER_PAGE = 50


def strategy_list(request):
    """List the strategies the visitor may see, filtered."""
    filterset = StrategyFilter(
        request.GET or None, queryset=selectors.strategy_list(user=request.user)
    )
    results = filterset.qs if filterset.is_bound else filterset.queryset
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "filter": filterset,
        "page_obj": page,
        "strategies": page.object_list,
        "may_create": is_editor(request.user),
    }
    return render(request, "strategies/list.html", context)


def _visible_strategy(request, pk: int) -> Strategy:
    try:
        return selectors.strategy_detail(user=request.user, pk=pk)
    except Strategy.DoesNotExist as exc:
        raise Http404(_("No such strategy.")) from exc


def strategy_detail(request, pk: int):
    """Show a strategy with its ranked focus areas, goals and history."""
    strategy = _visible_strategy(request, pk)
    context = {
        "strategy": strategy,
        "history": selectors.strategy_history(strategy=strategy),
        "may_edit": can_edit(request.user, strategy),
    }
    return render(request, "strategies/detail.html", context)


def goal_detail(request, pk: int):
    """Show a goal with its indicators; editors add indicators and periods here."""
    try:
        goal = selectors.goal_detail(user=request.user, pk=pk)
    except Goal.DoesNotExist as exc:
        raise Http404(_("No such goal.")) from exc
    may_edit = can_edit(request.user, goal.strategy)
    action = request.POST.get("form") if request.method == "POST" else None
    if action and not may_edit:
        raise PermissionDenied
    indicator_form = IndicatorForm(request.POST if action == "indicator" else None)
    period_form = IndicatorPeriodForm(
        request.POST if action == "period" else None, goal=goal, user=request.user
    )
    saved = None
    if action == "indicator" and indicator_form.is_valid():
        saved = _save(indicator_form, lambda **d: services.indicator_create(goal=goal, **d))
    elif action == "period" and period_form.is_valid():
        saved = _save(period_form, services.indicator_period_set)
    elif action == "derive":
        saved = services.goal_status_derive(goal=goal, assessed_on=timezone.localdate())
    if saved is not None:
        messages.success(request, _("The goal was saved."))
        return redirect(goal)
    context = {
        "goal": goal,
        "strategy": goal.strategy,
        "may_edit": may_edit,
        "indicator_form": indicator_form,
        "period_form": period_form,
    }
    return render(request, "strategies/goal_detail.html", context)


def _save(form, save):
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def strategy_create(request):
    """Let an editor add a strategy under one of the editor's organisations."""
    if not is_editor(request.user):
        raise PermissionDenied
    form = StrategyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        strategy = _save(form, services.strategy_create)
        if strategy is not None:
            messages.success(request, _("The strategy was added."))
            return redirect(strategy)
    return render(request, "strategies/strategy_form.html", {"form": form})


@login_required
def strategy_update(request, pk: int):
    """Let an editor of the owning organisation change a strategy."""
    strategy = _visible_strategy(request, pk)
    if not can_edit(request.user, strategy):
        raise PermissionDenied
    form = StrategyForm(request.POST or None, instance=strategy, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.strategy_update(strategy=strategy, **data))
        if saved is not None:
            messages.success(request, _("The strategy was saved."))
            return redirect(saved)
    return render(request, "strategies/strategy_form.html", {"form": form, "strategy": strategy})


def budget_list(request):
    """List the budgets the visitor may see, filtered."""
    filterset = BudgetFilter(request.GET or None, queryset=selectors.budget_list(user=request.user))
    results = filterset.qs if filterset.is_bound else filterset.queryset
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "strategies/budget_list.html",
        {"filter": filterset, "page_obj": page, "budgets": page.object_list},
    )


def budget_detail(request, pk: int):
    """Show one budget with its rule, allocations and lines."""
    try:
        budget = selectors.budget_detail(user=request.user, pk=pk)
    except Budget.DoesNotExist as exc:
        raise Http404(_("No such budget.")) from exc
    may_edit = can_edit(request.user, budget)
    context = {
        "budget": budget,
        "may_edit": may_edit,
        "contribution_form": ContributionForm(budget=budget) if may_edit else None,
    }
    return render(request, "strategies/budget_detail.html", context)


def alignment(request):
    """Show which focus areas the party's, the partner's and national strategies share."""
    form = AlignmentForm(request.GET or None)
    matrix = None
    if form.is_valid():
        matrix = selectors.alignment_matrix(
            user=request.user,
            party=form.cleaned_data["party"],
            partner=form.cleaned_data["partner"],
            on=form.cleaned_data["on"],
        )
    return render(request, "strategies/alignment.html", {"form": form, "alignment": matrix})


@login_required
def partnership_money(request, pk: int):
    """Show a partnership's costs and staff time to its organisation, with forms to add them;
    a cost's receipt is kept as an attachment of the cost."""
    partnership = selectors.partnership_own(user=request.user, pk=pk)
    if partnership is None:
        raise Http404(_("No such partnership."))
    may_edit = can_edit(request.user, partnership)
    cost_form = CostForm(partnership=partnership, prefix="cost")
    time_form = StaffTimeForm(partnership=partnership, prefix="time")
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if "cost-description" in request.POST:
            cost_form = CostForm(
                request.POST, request.FILES, partnership=partnership, prefix="cost"
            )
            if _keep(cost_form, _cost_save, request=request, partnership=partnership):
                messages.success(request, _("The cost was recorded."))
                return redirect("strategies:partnership_money", pk=pk)
        else:
            time_form = StaffTimeForm(request.POST, partnership=partnership, prefix="time")
            if _keep(time_form, services.staff_time_set, partnership=partnership):
                messages.success(request, _("The staff time was recorded."))
                return redirect("strategies:partnership_money", pk=pk)
    context = {
        "partnership": partnership,
        "costs": selectors.cost_list(user=request.user).filter(partnership=partnership),
        "staff_time": selectors.staff_time_list(user=request.user).filter(partnership=partnership),
        "may_edit": may_edit,
        "cost_form": cost_form,
        "time_form": time_form,
    }
    invalid = cost_form.errors or time_form.errors
    return render(request, "strategies/money.html", context, status=422 if invalid else 200)


def _keep(form, service, **fields) -> bool:
    """Call the service with the form's fields; show its refusal on the form."""
    if not form.is_valid():
        return False
    try:
        service(**fields, **form.cleaned_data)
    except ValidationError as exc:
        # A refusal of a field the form lacks (a receipt's file) is shown above the form.
        by_field = exc.error_dict if hasattr(exc, "error_dict") else {None: exc.error_list}
        for name, errors in by_field.items():
            form.add_error(name if name in form.fields else None, errors)
        return False
    return True


@transaction.atomic
def _cost_save(*, request, partnership, receipt_file=None, **fields):
    # The cost and its receipt are kept together or not at all.
    cost = services.cost_add(partnership=partnership, **fields)
    if receipt_file is not None:
        attachment_create(
            record=cost,
            file=receipt_file,
            title=_("Receipt: %(what)s") % {"what": cost.description},
            date=cost.date.isoformat(),
            uploaded_by=request.user,
        )
    return cost


@login_required
def budget_contribution_add(request, pk: int):
    """Record a member's share of a group's budget, from the budget's page."""
    try:
        budget = selectors.budget_detail(user=request.user, pk=pk)
    except Budget.DoesNotExist as exc:
        raise Http404(_("No such budget.")) from exc
    if request.method != "POST" or not can_edit(request.user, budget):
        raise PermissionDenied
    form = ContributionForm(request.POST, budget=budget)
    if _keep(form, services.budget_contribution_set, budget=budget):
        messages.success(request, _("The member's share was recorded."))
        return redirect("strategies:budget_detail", pk=pk)
    context = {"budget": budget, "contribution_form": form, "may_edit": True}
    return render(request, "strategies/budget_detail.html", context, status=422)
