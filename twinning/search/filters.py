"""The facets of a search: the counts by kind, country, year, focus area and partnership,
as links that narrow it."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import QueryDict
from django_countries import countries

from twinning.core.search import indexer_of
from twinning.search.selectors import SearchResult


@dataclass(frozen=True)
class FacetOption:
    """One value of a facet with its count and the address that chooses or drops it."""

    value: str
    label: str
    count: int
    selected: bool
    url: str


def _url(params: QueryDict, name: str, value: str | None) -> str:
    changed = params.copy()
    changed.pop("page", None)
    if value is None:
        changed.pop(name, None)
    else:
        changed[name] = value
    return "?" + changed.urlencode()


def facet_options(result: SearchResult, params: QueryDict) -> dict[str, list[FacetOption]]:
    """Return the options of each facet; choosing a selected option again drops it."""
    labels = {
        "type": lambda value: indexer_of(value).label(),
        "country": lambda value: str(countries.name(value)) or value,
        "year": str,
        "focus_area": lambda value: result.facet_labels["focus_area"].get(value, str(value)),
        "partnership": lambda value: result.facet_labels["partnership"].get(value, str(value)),
    }
    options = {}
    for name, counts in result.facets.items():
        chosen = params.get(name, "")
        options[name] = [
            FacetOption(
                value=str(value),
                label=labels[name](value),
                count=count,
                selected=str(value) == chosen,
                url=_url(params, name, None if str(value) == chosen else str(value)),
            )
            for value, count in counts.items()
        ]
    return options
