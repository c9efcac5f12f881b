"""Show a partnership's institution pairs on any page that has the partnership."""

from django import template

from twinning.institutions.selectors import partnership_institution_pairs

register = template.Library()


@register.inclusion_tag("institutions/_partnership_pairs.html", takes_context=True)
def partnership_pairs(context, partnership):
    """Render the partnership's institution pairs that the visitor may see."""
    user = context["request"].user
    return {"institution_pairs": partnership_institution_pairs(user=user, partnership=partnership)}
