"""The site's main menu, grouped, leaving out sections that are not installed, and the
links to the page the visitor is on in the other languages."""

import functools

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse, translate_url
from django.utils.translation import get_language, get_language_from_path, get_language_info
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
            ("profiles:list", _("Seeking a partner")),
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
            ("grants:list", _("Grants")),
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
    return _reverse(get_script_prefix(), get_language(), name)


@functools.lru_cache(maxsize=256)
def _reverse(prefix: str, language: str, name: str) -> str | None:
    # Every page draws the menu; its addresses change only with the prefix the site is
    # served under and the language (/da/… for Danish).
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


def path_in_language(path: str, language: str) -> str:
    """Return the address of the page at ``path`` (query included) in ``language``.

    An address that names no page (a 404) keeps its tail under the other prefix.
    """
    translated = translate_url(path, language)
    if translated != path or get_language_from_path(path) == language:
        return translated
    current = get_language_from_path(path)
    tail = path[len(current) + 1 :] if current else path
    return tail if language == settings.LANGUAGE_CODE else f"/{language}{tail}"


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Return a link to this page in every other language, named in that language."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = get_language()
    links = [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": path_in_language(path, code),
        }
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    return {"links": links, "current": get_language_info(current)["name_local"]}


@register.simple_tag
def page_numbers(page_obj):
    """Return the page numbers to offer around the current page, with gaps as None."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
