"""The language switch."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import translation
from django.views.i18n import set_language as django_set_language


def set_language(request):
    """Store the chosen language and go to ``next`` in that language.

    Django resolves ``next`` in the language the request arrived in, which for
    ``/i18n/setlang/`` is not the page's; resolve it in the language of its own prefix.
    """
    next_url = request.POST.get("next", request.GET.get("next")) or ""
    language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(language or settings.LANGUAGE_CODE):
        return django_set_language(request)
