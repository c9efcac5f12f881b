"""The pages of a user's notifications and of an organisation's outgoing webhooks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from twinning.notifications import selectors, services
from twinning.notifications.forms import WebhookForm


@login_required
def notification_list(request):
    """Show the user's notifications; a POST marks them all read."""
    if request.method == "POST":
        services.notifications_mark_read(user=request.user)
        return redirect("notifications:list")
    context = {
        "notifications": selectors.notification_list(user=request.user)[:200],
        "unread": selectors.unread_count(user=request.user),
        "manages_webhooks": selectors.webhook_organisation_ids(user=request.user) != set(),
    }
    return render(request, "notifications/list.html", context)


def _managed(request) -> set[int] | None:
    org_ids = selectors.webhook_organisation_ids(user=request.user)
    if org_ids is not None and not org_ids:
        raise PermissionDenied
    return org_ids


@login_required
def webhook_list(request):
    """List the webhooks of the organisations the user administers; a POST adds one."""
    org_ids = _managed(request)
    form = WebhookForm(request.POST or None, organisation_ids=org_ids)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint = services.webhook_create(created_by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The webhook was added; its secret is shown below."))
            return redirect(endpoint)
    context = {"webhooks": selectors.webhook_list(user=request.user), "form": form}
    return render(
        request, "notifications/webhooks.html", context, status=422 if form.errors else 200
    )


@login_required
def webhook_detail(request, pk: int):
    """Show a webhook with its secret and the log of its deliveries; POST pauses, resumes
    or deletes it."""
    _managed(request)
    endpoint = get_object_or_404(selectors.webhook_list(user=request.user), pk=pk)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "delete":
            services.webhook_delete(endpoint=endpoint)
            messages.success(request, _("The webhook was deleted."))
            return redirect("notifications:webhooks")
        if action in ("pause", "resume"):
            services.webhook_set_active(endpoint=endpoint, is_active=action == "resume")
        return redirect(endpoint)
    context = {
        "webhook": endpoint,
        "deliveries": selectors.webhook_deliveries(endpoint=endpoint),
    }
    return render(request, "notifications/webhook.html", context)
