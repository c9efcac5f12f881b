"""The dashboard: what a coordinator looks at first; the language switch."""

from urllib.parse import urlsplit

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.views.i18n import set_language as django_set_language

from twinning.accounts.selectors import visibility_scope
from twinning.core.selectors import dashboard_counts, data_stamp, recent_changes
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
    return render(request, "core/dashboard.html", context)


def set_language(request):
    """Store the chosen language and go to ``next`` in that language.

    Django resolves ``next`` in the language the request arrived in, which for
    ``/i18n/setlang/`` is not the page's; resolve it in the language of its own prefix.
    """
    next_url = request.POST.get("next", request.GET.get("next")) or ""
    language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(language or settings.LANGUAGE_CODE):
        return django_set_language(request)
