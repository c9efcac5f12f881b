"""The search box as a JSON endpoint."""

from ninja import Query, Router
from ninja.errors import ValidationError

from twinning.accounts.auth import read_auth
from twinning.search.forms import SearchForm
from twinning.search.schemas import SearchOut, SearchQuery
from twinning.search.selectors import SearchResult, search

router = Router(tags=["search"])


def _out(result: SearchResult) -> dict:
    return {
        "query": result.query,
        "count": result.count,
        "complete": result.complete,
        "suggestion": result.suggestion,
        "groups": [
            {
                "type": group.kind,
                "count": group.count,
                "complete": group.complete,
                "items": [
                    {
                        "id": hit.object_id,
                        "title": hit.title,
                        "snippet": str(hit.snippet),
                        "url": hit.url,
                        "meta": str(hit.meta),
                        "country": hit.countries[0] if hit.countries else None,
                        "countries": hit.countries,
                        "year": hit.year,
                    }
                    for hit in group.items
                ],
            }
            for group in result.groups
        ],
        "facets": {
            name: {str(value): count for value, count in counts.items()}
            for name, counts in result.facets.items()
        },
        "facet_labels": {
            name: {str(value): label for value, label in labels.items()}
            for name, labels in result.facet_labels.items()
        },
    }


@router.get(
    "",
    response=SearchOut,
    auth=read_auth,
    operation_id="search",
    summary="Search everything",
    description=(
        "Search every kind of record at once (places, partnerships, agreements, "
        "organisations, people, activities, visits, projects, institution pairs, networks, "
        "showcase sites, strategies, goals, budgets, reports and documents); return the "
        "hits grouped by kind with counts by kind, country, year, focus area and "
        "partnership. Anonymous callers find public records only; logged-in users also their "
        "organisations' records. An empty q gives no hits."
    ),
)
def search_everything(request, params: Query[SearchQuery]):
    data = {name: value for name, value in params.dict().items() if value not in (None, "")}
    form = SearchForm(data)
    if not form.is_valid():
        raise ValidationError(
            [
                {"type": "value_error", "loc": ["query", name], "msg": f"{name}: {message}"}
                for name, messages in form.errors.items()
                for message in messages
            ]
        )
    cleaned = form.cleaned_data
    result = search(
        q=cleaned["q"],
        user=request.user,
        kind=cleaned["type"],
        country=cleaned["country"],
        year=cleaned["year"],
        focus_area=cleaned["focus_area"],
        partnership=cleaned["partnership"],
        limit=cleaned["limit"] or 10,
    )
    return _out(result)
