"""The dashboard: what a coordinator looks at first."""

from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from twinning.accounts.selectors import visibility_scope
from twinning.core.selectors import dashboard_counts, data_stamp, recent_changes
from twinning.partnerships.selectors import agreements_due

RENEWAL_HORIZON_DAYS = 180


def dashboard(request):
    """Show counts, recent changes and agreements that are due for renewal."""
    user = request.user
    # Read only when the page's cached fragment is missing or stale.
    context = {
        "counts": SimpleLazyObject(lambda: dashboard_counts(user=user)),
        "changes": SimpleLazyObject(lambda: recent_changes(user=user)),
        "due": SimpleLazyObject(
            lambda: list(agreements_due(user=user, within_days=RENEWAL_HORIZON_DAYS)[:50])
        ),
        "horizon_days": RENEWAL_HORIZON_DAYS,
        "stamp": data_stamp(),
        "scope": visibility_scope(user),
        "today": timezone.localdate().isoformat(),
    }
    return render(request, "core/dashboard.html", context)
