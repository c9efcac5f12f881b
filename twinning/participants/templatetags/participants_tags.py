"""Show an event's participants on the page of a visit or an activity."""

from django import template

from twinning.accounts.selectors import can_edit
from twinning.participants import selectors

register = template.Library()


@register.inclusion_tag("participants/_event_register.html", takes_context=True)
def event_participants(context, visit=None, activity=None):
    """Render the counts of the event's register, or the button that opens one."""
    user = context["request"].user
    event = visit or activity
    found = selectors.register_of_event(user=user, visit=visit, activity=activity)
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "register": found,
        "count": selectors.headcount(found) if found else None,
        "may_see_names": found is not None and selectors.may_see_names(user, found),
        "may_edit": found is not None and can_edit(user, found),
        "may_open": found is None and can_edit(user, event),
        "event": event,
        "kind": "visit" if visit is not None else "activity",
    }
