"""The site's main menu, grouped, leaving out sections that are not installed."""

import functools

from django import template
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

MENU = [
    (_("Partnerships"), [("partnerships:list", _("Partnerships"))]),
    (
        _("Atlas"),
        [
            ("atlas:map", _("Map")),
            ("atlas:national", _("National overview")),
            ("atlas:statistics", _("Statistics")),
        ],
    ),
    (
        _("Activities"),
        [
            ("activities:list", _("Activity log")),
            ("activities:calendar", _("Calendar")),
            ("activities:overview", _("Monthly overview")),
            ("visits:list", _("Delegation visits")),
            ("sites:list", _("Showcase sites")),
        ],
    ),
    (
        _("Results"),
        [
            ("projects:list", _("Projects")),
            ("institutions:pair_list", _("Schools and universities")),
            ("institutions:network_list", _("Networks")),
        ],
    ),
    (
        _("Steering"),
        [
            ("strategies:list", _("Strategies")),
            ("strategies:alignment", _("Alignment")),
            ("strategies:budget_list", _("Budgets")),
            ("reports:list", _("Evaluation reports")),
            ("reports:alerts", _("Alerts")),
        ],
    ),
    (
        _("Registry"),
        [
            ("places:list", _("Places")),
            ("organisations:list", _("Organisations")),
            ("people:list", _("People")),
            ("sources:list", _("Sources")),
            ("ingestion:list", _("Documents to review")),
        ],
    ),
]


def _url(name: str) -> str | None:
    return _reverse(get_script_prefix(), name)


@functools.lru_cache(maxsize=256)
def _reverse(prefix: str, name: str) -> str | None:
    # Every page draws the menu; its addresses change only with the prefix the site is
    # served under.
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


@register.inclusion_tag("includes/nav.html", takes_context=True)
def main_menu(context):
    """Return the menu groups with their links, marking the one the visitor is on."""
    path = context["request"].path if "request" in context else ""
    groups = []
    for label, entries in MENU:
        links = [
            {"url": url, "label": text, "current": path.startswith(url)}
            for name, text in entries
            if (url := _url(name))
        ]
        if links:
            groups.append(
                {"label": label, "links": links, "current": any(link["current"] for link in links)}
            )
    return {"groups": groups}
