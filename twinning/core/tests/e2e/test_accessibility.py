"""WCAG 2.1 AA, measured: axe-core over every main page at a desktop width (1366 px) and
a phone width (320 px), and no sideways scrolling of the page at 320 px (reflow, 1.4.10).

A visitor reads every page in English and an editor, who also sees the forms and the
controls for changing records, in Danish; together they cover both languages and both
kinds of user. TWINNING_AXE_EVERY_LANGUAGE=1 has each of them read both languages."""

import json
import os
import re
import time

import pytest
from playwright.sync_api import expect

from twinning.accounts.models import Role
from twinning.accounts.services import membership_set, user_create
from twinning.activities.models import Activity
from twinning.core.tests.e2e.accessibility import measure
from twinning.demo.services import demo_load
from twinning.partnerships.models import Partnership
from twinning.people.models import Person
from twinning.places.models import Place
from twinning.projects.models import Project
from twinning.sites.models import ShowcaseSite
from twinning.sources.models import Source
from twinning.visits.models import Visit

# The sweep measures pages, which do not change with the database; `make test` runs it
# in the SQLite pass only.
pytestmark = [pytest.mark.e2e, pytest.mark.a11y, pytest.mark.django_db(transaction=True)]

# Pages every visitor sees; {name} is filled with a record of the demo.
PAGES = [
    "/",
    "/partnerships/",
    "/partnerships/{partnership}/",
    "/partnerships/places-to-review/",
    "/atlas/",
    "/atlas/national/?a=DK&b=CN",
    "/atlas/statistics/",
    "/activities/",
    "/activities/{activity}/",
    "/activities/calendar/",
    "/activities/overview/",
    "/visits/",
    "/visits/{visit}/",
    "/sites/",
    "/sites/{site}/",
    "/projects/",
    "/projects/{project}/",
    "/institutions/",
    "/institutions/networks/",
    "/strategies/",
    "/strategies/alignment/",
    "/strategies/budgets/",
    "/reports/",
    "/reports/alerts/",
    "/places/",
    "/places/{place}/",
    "/seeking/",
    "/seeking/places/{place}/suggestions/",
    "/organisations/",
    "/people/",
    "/people/{person}/",
    "/sources/",
    "/sources/{source}/",
    "/search/?q=Wuxi",
    "/accounts/login/",
    "/about/accessibility/",
    "/about/privacy/",
    "/about/contact/",
    "/no-such-page/",
]
# Pages only an editor reaches: the forms.
EDITOR_PAGES = [
    "/partnerships/new/",
    "/partnerships/places/{place}/merge/",
    "/activities/new/",
    "/visits/new/",
    "/seeking/new/",
    "/ingestion/",
]


PASSES = {"visitor": [""], "editor": ["/da"]}
if os.environ.get("TWINNING_AXE_EVERY_LANGUAGE"):
    PASSES = {"visitor": ["", "/da"], "editor": ["", "/da"]}


def _records() -> dict[str, int]:
    visit = Visit.objects.filter(programme_items__isnull=False, is_public=True).first()
    return {
        "partnership": Partnership.objects.filter(is_public=True, agreements__isnull=False)
        .first()
        .pk,
        "activity": Activity.objects.filter(is_public=True).first().pk,
        "visit": (visit or Visit.objects.filter(is_public=True).first()).pk,
        "site": ShowcaseSite.objects.filter(is_public=True).first().pk,
        "project": Project.objects.filter(is_public=True).first().pk,
        "place": Place.objects.filter(names__language="zh").first().pk,
        "person": Person.objects.filter(is_public=True, posts__isnull=False).first().pk,
        "source": Source.objects.filter(is_public=True).first().pk,
    }


def _check(page, paths, prefix, who, failures, figures):
    for path in paths:
        url = prefix + path
        started = time.monotonic()
        results = measure(page, url)
        figures[f"{who} {url}"] = {"seconds": round(time.monotonic() - started, 2)} | {
            width: {
                "violations": len(r["violations"]),
                "elements": r["nodes"],
                "overflow": r["overflow"],
            }
            for width, r in results.items()
        }
        for width, result in results.items():
            for violation in result["violations"]:
                failures.append(
                    f"{who} {url} @{width}px: {violation['id']} ({violation['nodes']}×) "
                    f"{violation['help']} {violation['targets']}"
                )
            if result["overflow"]:
                failures.append(f"{who} {url} @{width}px: page {result['overflow']} px too wide")


def test_every_main_page_passes_wcag_21_aa_in_both_languages(browser, live_server):
    demo_load()
    records = _records()
    editor = user_create(username="coordinator", password="a long test passphrase")
    owner = Activity.objects.exclude(owner=None).first().owner
    membership_set(user=editor, organisation=owner, role=Role.EDITOR)
    pages = [path.format(**records) for path in PAGES]
    failures: list[str] = []
    figures: dict[str, dict] = {}

    for who in ("visitor", "editor"):
        # axe-core is injected as an inline script, which the site's own policy refuses.
        context = browser.new_context(base_url=live_server.url, locale="en-GB", bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(30_000)
        if who == "editor":
            page.goto("/accounts/login/")
            page.get_by_label("Username").fill("coordinator")
            page.get_by_label("Password").fill("a long test passphrase")
            page.get_by_role("button", name=re.compile("log in", re.I)).click()
            expect(page.locator(".session")).to_contain_text("coordinator")
        for prefix in PASSES[who]:
            editor_pages = [path.format(**records) for path in EDITOR_PAGES]
            paths = pages + (editor_pages if who == "editor" else [])
            _check(page, paths, prefix, who, failures, figures)
        context.close()

    # TWINNING_AXE_REPORT=file.json keeps the figures per page and width.
    if report := os.environ.get("TWINNING_AXE_REPORT"):
        with open(report, "w", encoding="utf-8") as handle:
            json.dump(figures, handle, indent=1)

    assert not failures, "\n".join(failures)
