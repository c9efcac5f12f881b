"""Time pages in-process with Django's test client: p50 and p95 of each page.

Each page is requested a few times first (caches, connections and lazy imports warm up,
as on a server that has been running), then ``requests`` times, timing each request
alone; percentiles are read from the sorted samples. Every page is timed twice: as
served, where a fragment drawn once is reused until the data changes, and fresh, with
the fragment cache emptied before each request so that every page is drawn from the
database.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import caches
from django.test import Client

from twinning.benchmarks.build import EDITOR
from twinning.partnerships.models import Partnership

WARM_UP = 5
SEARCHES = ["aarhus", "berlin", "sister city", "town 12", "shanghai", "delegation", "kyoto"]


@dataclass(frozen=True)
class Page:
    """One page to time: a key for the figures and the URLs it cycles through."""

    key: str
    urls: list[str]
    editor: bool = False


def pages() -> list[Page]:
    """Return the pages measured, with URLs that exist in the built database."""
    ids = list(Partnership.objects.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(ids) // 20)
    details = [f"/partnerships/{pk}/" for pk in ids[::step][:20]] or ["/partnerships/"]
    filtered = "kind=sister_city&status=active"
    return [
        Page("dashboard", ["/"]),
        Page("partnership_list_page1", ["/partnerships/"]),
        Page("partnership_list_page500", ["/partnerships/?page=500"]),
        Page("partnership_list_filtered_page1", [f"/partnerships/?{filtered}"]),
        Page("partnership_list_filtered_page500", [f"/partnerships/?{filtered}&page=500"]),
        Page("partnership_list_country", ["/partnerships/?country=DK"]),
        Page("partnership_detail", details),
        Page("partnership_create", ["/partnerships/new/"], editor=True),
        Page("map_data", ["/api/atlas/map"]),
        Page("national_dk_cn", ["/atlas/national/?country=DK&partner=CN"]),
        Page("search", [f"/api/search?q={q.replace(' ', '+')}" for q in SEARCHES]),
        Page("api_partnerships", ["/api/partnerships"]),
        Page("api_partnerships_offset", ["/api/partnerships?offset=20000"]),
    ]


def percentile(samples: list[float], fraction: float) -> float:
    """Return the sample below which ``fraction`` of the sorted samples lie."""
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def _client(editor: bool) -> Client:
    # The host a production server answers to by default; "testserver" is not allowed.
    client = Client(HTTP_HOST="127.0.0.1")
    if editor:
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.get(username=EDITOR))
    return client


def time_page(
    page: Page,
    *,
    requests: int,
    fresh: bool = False,
    clock: Callable[[], float] = time.perf_counter,
):
    """Return (p50 ms, p95 ms) of the page; a response other than 200 is an error."""
    client = _client(page.editor)
    fragments = caches["fragments"]
    # Every address once at least, as on a server that has been running for a while.
    for index in range(max(WARM_UP, len(page.urls))):
        client.get(page.urls[index % len(page.urls)])
    samples = []
    for index in range(requests):
        url = page.urls[index % len(page.urls)]
        if fresh:
            fragments.clear()
        started = clock()
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        # Streaming and lazy responses are read in full, as a browser would.
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        samples.append((clock() - started) * 1000)
    return round(percentile(samples, 0.5), 1), round(percentile(samples, 0.95), 1)


def measure(*, requests: int = 100, only: set[str] | None = None, log=print) -> dict:
    """Return {page: {served_p50_ms, served_p95_ms, fresh_p50_ms, fresh_p95_ms}}."""
    figures = {}
    for page in pages():
        if only and page.key not in only:
            continue
        served = time_page(page, requests=requests)
        fresh = time_page(page, requests=requests, fresh=True)
        figures[page.key] = {
            "served_p50_ms": served[0],
            "served_p95_ms": served[1],
            "fresh_p50_ms": fresh[0],
            "fresh_p95_ms": fresh[1],
        }
        log(
            f"  {page.key:<34} served p50 {served[0]:6.1f} p95 {served[1]:6.1f} ms"
            f"   fresh p50 {fresh[0]:6.1f} p95 {fresh[1]:6.1f} ms"
        )
    return figures
