"""Options of a long <select>, rendered in one pass.

A country list has some 250 entries; a template loop with an ``{% if %}`` per entry
costs more than the rest of a list page, so the options are joined here instead.
"""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def options(choices, selected=None):
    """Return <option> elements for (value, label) pairs, marking the selected value."""
    chosen = "" if selected is None else str(selected)
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, mark_safe(" selected") if str(value) == chosen else "", label)
            for value, label in choices
        ),
    )
