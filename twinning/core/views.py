"""The dashboard: what a coordinator looks at first."""

from django.shortcuts import render

from twinning.core.selectors import dashboard_counts, recent_changes
from twinning.partnerships.selectors import agreements_due

RENEWAL_HORIZON_DAYS = 180


def dashboard(request):
    """Show counts, recent changes and agreements that are due for renewal."""
    context = {
        "counts": dashboard_counts(user=request.user),
        "changes": recent_changes(user=request.user),
        "due": agreements_due(user=request.user, within_days=RENEWAL_HORIZON_DAYS)[:50],
        "horizon_days": RENEWAL_HORIZON_DAYS,
    }
    return render(request, "core/dashboard.html", context)
