"""Responses of large bodies kept compressed as well as plain, and of files to save."""

import re

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header

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


def name_file(response: HttpResponse, name: str, *, inline: bool = False) -> HttpResponse:
    """Name the file the response carries, in any script (``filename*`` for non-ASCII).

    Names are in the reader's language (``pgettext("file name", …)``), so a Danish reader
    saves ``aktiviteter-21-2015.xlsx`` where an English one saves ``activities-21-2015.xlsx``.
    """
    response["Content-Disposition"] = content_disposition_header(not inline, name)
    return response
