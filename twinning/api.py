"""The JSON API: one NinjaAPI with a router per app."""

from ninja import NinjaAPI

from twinning.partnerships.api import router as partnerships_router
from twinning.places.api import router as places_router

api = NinjaAPI(
    title="twinning API",
    version="1",
    description=(
        "Read the registry of international partnerships of municipalities and regions: "
        "places, partnerships and their agreements, people and sources.\n\n"
        "Anonymous callers see public records only. Callers logged in to the site (the "
        "session cookie) also see the records of the organisations they belong to.\n\n"
        "Lists are paginated: `limit` (default 50, at most 500) and `offset` select a "
        "page of `items`, and `count` gives the number of all matches. Dates may be "
        "known only to the year or month, so they are written as ISO prefixes: `2007`, "
        "`2013-06` or `2012-10-02`. Invalid query parameters give 422 with the name of "
        "the parameter in `loc`."
    ),
    urls_namespace="api",
)
api.add_router("/partnerships", partnerships_router)
api.add_router("/places", places_router)
