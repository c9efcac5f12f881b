"""Mark the language of a part of a page (WCAG 3.1.2): a quote, a name in another script."""

import re

from django import template
from django.utils.html import format_html

register = template.Library()

_TAG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


@register.filter
def lang_attr(code: str | None) -> str:
    """Return ` lang="…"` for a language tag such as "da" or "zh-Latn", else nothing."""
    code = (code or "").strip()
    return format_html(' lang="{}"', code) if _TAG.match(code) else ""
