"""Read-only JSON endpoints of the atlas: map data, national overviews and statistics."""

import gzip
import json

from django.core.cache import cache
from ninja import Query, Router
from ninja.errors import ValidationError

from twinning.atlas import selectors
from twinning.atlas.forms import NationalForm
from twinning.atlas.schemas import MapOut, NationalOut, NationalQuery, StatsOut
from twinning.core.api import filter_or_422
from twinning.core.responses import compressed_response
from twinning.partnerships.api import partnerships as partnership_resource
from twinning.partnerships.filters import PartnershipFilter

router = Router(tags=["atlas"])
# The map and the statistics are filtered like the list of partnerships.
AtlasQuery = partnership_resource.query

# Changes that bypass the timestamps (a raw UPDATE) show on the map after this at most.
CACHE_SECONDS = 600


@router.get(
    "/map",
    response=MapOut,
    auth=None,
    url_name="atlas_map",
    operation_id="atlas_map",
    summary="Map data of partnerships",
    description=(
        "Return the partnerships the caller may see as points (the parties) and lines (the "
        "partnerships) to draw on a map, filtered like the list of partnerships and by the "
        "decade they began. A place without coordinates is drawn at its nearest ancestor's; "
        "partnerships that cannot be placed at all are counted in `unmapped`."
    ),
)
def map_data(request, filters: Query[AtlasQuery]):
    partnerships = filter_or_422(
        PartnershipFilter, filters, selectors.visible_partnerships(user=request.user)
    )
    # The whole map is megabytes of JSON from tens of thousands of rows; it is kept, as
    # written and compressed, until the data or the visitor's view of it changes.
    key = selectors.cache_key(name="map", user=request.user, query=list(request.GET.lists()))
    bodies = cache.get(key)
    if bodies is None:
        data = selectors.map_data(partnerships=partnerships)
        # Written out as they are rather than validated again one by one against the
        # schema, which only documents them.
        body = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()
        bodies = (body, gzip.compress(body, compresslevel=6, mtime=0))
        cache.set(key, bodies, CACHE_SECONDS)
    return compressed_response(request, *bodies, content_type="application/json")


def _counts(rows) -> list[dict]:
    return [{"key": key, "label": label, "count": count} for key, label, count in rows]


def _periods(rows) -> list[dict]:
    return [{"start": start, "count": count} for start, count in rows]


@router.get(
    "/national",
    response=NationalOut,
    auth=None,
    url_name="atlas_national",
    operation_id="atlas_national",
    summary="National overview of two countries",
    description=(
        "Return every place of `country` that has a partnership with a place of "
        "`partner_country` (whichever party it is), with its partnerships and counts by "
        "kind of place, kind, status, year and decade begun."
    ),
)
def national(request, params: Query[NationalQuery]):
    form = NationalForm({"country": params.country, "partner": params.partner_country})
    if not form.is_valid():
        # The page calls the partner country "partner"; the API, like the filters,
        # "partner_country".
        names = {"partner": "partner_country"}
        raise ValidationError(
            [
                {
                    "type": "value_error",
                    "loc": ["query", names.get(name, name)],
                    "msg": f"{names.get(name, name)}: {message}",
                }
                for name, messages in form.errors.items()
                for message in messages
            ]
        )
    query = [(name, [value]) for name, value in form.cleaned_data.items()]
    key = selectors.cache_key(name="national", user=request.user, query=query)
    if (answer := cache.get(key)) is not None:
        return answer
    overview = selectors.national_overview(
        user=request.user,
        country=form.cleaned_data["country"],
        partner_country=form.cleaned_data["partner"],
    )
    answer = {
        "country": overview.country,
        "partner_country": overview.partner_country,
        "place_count": len(overview.places),
        "partnership_count": overview.partnership_count,
        "by_place_kind": _counts(overview.by_place_kind),
        "by_kind": _counts(overview.by_kind),
        "by_status": _counts(overview.by_status),
        "by_year": _periods(overview.by_year),
        "by_decade": _periods(overview.by_decade),
        "since_unknown": overview.since_unknown,
        "places": overview.places,
    }
    cache.set(key, answer, CACHE_SECONDS)
    return answer


@router.get(
    "/stats",
    response=StatsOut,
    auth=None,
    url_name="atlas_stats",
    operation_id="atlas_stats",
    summary="Statistics of partnerships",
    description=(
        "Return counts of the partnerships the caller may see by decade begun, kind, status "
        "and partner country, filtered like the list of partnerships. With `country`, the "
        "top countries are those of that country's partners."
    ),
)
def stats(request, filters: Query[AtlasQuery]):
    partnerships = filter_or_422(
        PartnershipFilter, filters, selectors.visible_partnerships(user=request.user)
    )
    key = selectors.cache_key(name="stats", user=request.user, query=list(request.GET.lists()))
    if (answer := cache.get(key)) is not None:
        return answer
    result = selectors.partnership_statistics(
        partnerships=partnerships, country=filters.country or ""
    )
    answer = {
        "total": result.total,
        "by_decade": _periods(result.by_decade),
        "since_unknown": result.since_unknown,
        "by_kind": _counts(result.by_kind),
        "by_status": _counts(result.by_status),
        "top_countries": _counts(result.top_countries),
    }
    cache.set(key, answer, CACHE_SECONDS)
    return answer
