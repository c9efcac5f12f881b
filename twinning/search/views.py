from django.shortcuts import render

from twinning.search.filters import facet_options
from twinning.search.forms import SearchForm
from twinning.search.selectors import search

# Hits per kind: a glance at every kind, or a long list of the one kind chosen.
GLANCE, FULL = 5, 50


def search_results(request):
    form = SearchForm(request.GET)
    result, facets = None, {}
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        result = search(
            q=data["q"],
            user=request.user,
            kind=data["type"],
            country=data["country"],
            year=data["year"],
            focus_area=data["focus_area"],
            partnership=data["partnership"],
            limit=data["limit"] or (FULL if data["type"] else GLANCE),
        )
        facets = facet_options(result, request.GET)
    partial = request.htmx and not request.htmx.boosted
    template = "search/_results.html" if partial else "search/results.html"
    return render(request, template, {"form": form, "result": result, "facets": facets})
