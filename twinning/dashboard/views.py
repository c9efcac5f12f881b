"""The dashboard: what a coordinator looks at first."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from twinning.accounts.selectors import visibility_scope
from twinning.core.selectors import data_stamp
from twinning.dashboard.selectors import dashboard_counts, recent_changes
from twinning.partnerships.selectors import agreements_due


def dashboard(request):
    """Show counts, recent changes and agreements that need attention."""
    user = request.user
    # Read only when the page's cached fragment is missing or stale.
    context = {
        "counts": SimpleLazyObject(lambda: dashboard_counts(user=user)),
        "changes": SimpleLazyObject(lambda: recent_changes(user=user)),
        "due": SimpleLazyObject(lambda: agreements_due(user=user)[:50]),
        "stamp": data_stamp(),
        "scope": visibility_scope(user),
        "today": timezone.localdate().isoformat(),
    }
    return render(request, "dashboard/dashboard.html", context)
