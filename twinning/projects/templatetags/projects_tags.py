"""Show a partnership's projects on any page that has the partnership."""

from django import template

from twinning.projects.selectors import partnership_projects as visible_projects

register = template.Library()


@register.inclusion_tag("projects/_partnership_projects.html", takes_context=True)
def partnership_projects(context, partnership):
    """Render the partnership's projects that the visitor may see."""
    user = context["request"].user
    return {"projects": visible_projects(user=user, partnership=partnership)}
