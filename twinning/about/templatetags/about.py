from django import template

from twinning.about.selectors import site_identity as _site_identity

register = template.Library()


@register.simple_tag
def site_identity():
    """Return the organisation that runs the site, for the header."""
    return _site_identity()
