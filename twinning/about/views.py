import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.cache import cache_control

from twinning.about import selectors
from twinning.about.models import PageKind


def about_page(request, kind: str):
    """Show the accessibility statement, the privacy notice or the contact page."""
    if kind not in PageKind.values:
        raise Http404
    context = {
        "page": selectors.about_page(kind=kind),
        "identity": selectors.site_identity(),
    }
    return render(request, f"about/{kind}.html", context)


@cache_control(public=True, max_age=3600)
def logo(request):
    """Send the organisation's logo (its address changes with every new upload)."""
    identity = selectors.site_identity()
    if not identity.logo:
        raise Http404
    content_type, _encoding = mimetypes.guess_type(identity.logo.name)
    return FileResponse(identity.logo.open("rb"), content_type=content_type)
