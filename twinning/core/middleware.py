"""Middleware that bounds what a request may carry before any view reads it."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(r"[\[\]{}]")


def json_depth(text: str) -> int:
    """Return how deeply arrays and objects nest in JSON text (strings do not count)."""
    depth = deepest = 0
    for bracket in _BRACKET.findall(_STRING.sub("", text)):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


class JsonDepthMiddleware:
    """Refuse a JSON body nested deeper than ``TWINNING_MAX_JSON_DEPTH`` with a 400.

    Python's parser would otherwise recurse until it fails with a traceback; no record of
    the registry needs more than a few levels.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in {"POST", "PUT", "PATCH"} and request.content_type.endswith("json"):
            limit = settings.TWINNING_MAX_JSON_DEPTH
            text = request.body.decode("utf-8", errors="replace")
            if json_depth(text) > limit:
                return JsonResponse(
                    {
                        "detail": _("The JSON body nests deeper than %(limit)d levels.")
                        % {"limit": limit}
                    },
                    status=400,
                )
        return self.get_response(request)
