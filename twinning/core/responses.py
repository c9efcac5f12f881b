"""Responses of large bodies that are kept compressed as well as plain."""

import re

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def compressed_response(
    request: HttpRequest, body: bytes, gzipped: bytes, *, content_type: str
) -> HttpResponse:
    """Return the gzipped body to a client that accepts it, the plain body to others.

    For bodies kept in a cache: compressing megabytes on every request would cost more
    than sending them, and every browser accepts gzip.
    """
    if _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(gzipped, content_type=content_type)
        response.headers["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(body, content_type=content_type)
    patch_vary_headers(response, ["Accept-Encoding"])
    return response
