"""How a place is named in tables: flag, name and country code."""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def place_label(place):
    """Return the place's name with its country's flag and code, escaped."""
    country = place.country
    if not country:
        return format_html('<span class="place-name">{}</span>', place.name)
    return format_html(
        '<img class="flag" src="{}" alt="" width="16" height="11"> '
        '<span class="place-name">{}</span> <abbr class="country-code" title="{}">{}</abbr>',
        country.flag,
        place.name,
        country.name,
        country.code,
    )
