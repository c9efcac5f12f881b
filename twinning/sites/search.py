"""Showcase sites in the search index."""

from __future__ import annotations

from twinning.core.search import (
    Document,
    Indexer,
    codes,
    focus_area_names,
    join,
    owned,
    register,
)
from twinning.core.translated import every_language


def _site_document(site) -> Document:
    organisation = site.organisation
    place = site.place or organisation.place
    areas = list(site.focus_areas.all())
    return Document(
        title=site.name,
        body=join(
            organisation.name if organisation.is_public else "",
            place.name if place else "",
            site.address,
            site.what_visitors_see,
            every_language(site),
        ),
        meta=[focus_area_names(areas), site.languages],
        countries=codes(place.country_code if place else ""),
        focus_areas=[area.pk for area in areas],
        **owned(site),
    )


register(
    Indexer(
        kind="site",
        slot=14,
        model="sites.ShowcaseSite",
        url_name="sites:detail",
        queryset=lambda qs: qs.select_related("organisation__place", "place").prefetch_related(
            "focus_areas"
        ),
        document=_site_document,
        follows={
            "organisations.Organisation": lambda organisation: (
                organisation.showcase_sites.values_list("pk", flat=True)
            )
        },
    )
)
