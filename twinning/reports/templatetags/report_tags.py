"""Template helpers for evaluation reports and the alerts card of the dashboard."""

from django import template
from django.utils.dates import MONTHS

from twinning.reports.selectors import alerts_due

register = template.Library()

# The dashboard card shows the most pressing few of each kind and links to the rest.
CARD_LIMIT = 10


def short_when(activity) -> str:
    """Return the day or days of an activity in a month table ("14.1.", "7.6.–12.6.")."""
    start, end = activity.start, activity.end
    if start.day is None:
        return ""
    text = f"{start.day}.{start.month}."
    if end and end != start and end.day is not None:
        text += f"–{end.day}.{end.month}."
    return text


register.filter("short_when", short_when)


@register.filter
def month_name(number) -> str:
    """Return the month's name in the active language."""
    return str(MONTHS[number]) if number else ""


@register.filter
def get_item(mapping, key):
    return mapping.get(key, [])


@register.inclusion_tag("reports/_alerts_card.html", takes_context=True)
def alerts_card(context, limit=CARD_LIMIT):
    """Show what is due for the visitor, the first few of each kind unless limit is 0."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"alerts": alerts_due(user=user, limit=limit or None), "request": request}
