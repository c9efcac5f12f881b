"""The page of a user's notifications."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from twinning.notifications import selectors, services


@login_required
def notification_list(request):
    """Show the user's notifications; a POST marks them all read."""
    if request.method == "POST":
        services.notifications_mark_read(user=request.user)
        return redirect("notifications:list")
    context = {
        "notifications": selectors.notification_list(user=request.user)[:200],
        "unread": selectors.unread_count(user=request.user),
    }
    return render(request, "notifications/list.html", context)
