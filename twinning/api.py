"""The JSON API: one NinjaAPI with a router per app."""

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja import NinjaAPI

from twinning.activities.api import ical_router as activities_ical_router
from twinning.activities.api import router as activities_router
from twinning.atlas.api import router as atlas_router
from twinning.attachments.api import router as attachments_router
from twinning.core.api import guard, validation_error_payload
from twinning.focusareas.api import router as focusareas_router
from twinning.grants.api import router as grants_router
from twinning.ingestion.api import router as review_router
from twinning.institutions.api import networks_router, pairs_router
from twinning.organisations.api import router as organisations_router
from twinning.participants.api import router as participants_router
from twinning.partnerships.api import router as partnerships_router
from twinning.people.api import router as people_router
from twinning.places.api import router as places_router
from twinning.profiles.api import router as profiles_router
from twinning.profiles.api import suggestions_router
from twinning.projects.api import router as projects_router
from twinning.reports.api import alerts_router
from twinning.reports.api import router as reports_router
from twinning.search.api import router as search_router
from twinning.sites.api import router as sites_router
from twinning.sources.api import router as sources_router
from twinning.strategies.api import (
    alignment_router,
    budgets_router,
    costs_router,
    staff_time_router,
)
from twinning.strategies.api import router as strategies_router
from twinning.visits.api import router as visits_router

api = NinjaAPI(
    title="twinning API",
    version="1",
    description=(
        "Read and change the registry of international partnerships of municipalities and "
        "regions: places, partnerships and agreements, people, organisations and sources, "
        "activities, delegation visits, showcase sites, institution pairs, networks, "
        "projects, strategies, budgets, evaluation reports, the atlas and search.\n\n"
        "Anonymous callers read public records only. Callers logged in to the site (the "
        "session cookie) or sending an API token (`Authorization: Bearer <token>`, made "
        "with `twinning token create USERNAME`) also see their organisations' records; "
        "editors may write them. Writes with a session need the CSRF token.\n\n"
        "Lists are paginated: `limit` (default 50, at most 500) and `offset` select a "
        "page of `items`, and `count` gives the number of all matches; `format=csv` or "
        "`format=xlsx` returns every match as a file instead. Dates may be known only to "
        "the year or month, so they are written as ISO prefixes: `2007`, `2013-06` or "
        "`2012-10-02` (format `partial-date`). Invalid input gives 422 naming the "
        "parameter or field, and so do query parameters and body fields the operation does "
        "not know and integers beyond 2^63; an id the caller may not see reads like one that "
        "does not exist. Deleting a record that others still refer to gives 409.\n\n"
        "Details carry an `ETag`; send it back as `If-Match` with PATCH or DELETE, and the "
        "change is refused with 412 when the record changed meanwhile. `GET …/{id}/history` "
        "lists a record's changes."
    ),
    urls_namespace="api",
)
api.add_decorator(guard, mode="view")


@api.exception_handler(DjangoValidationError)
def validation_error(request, exc):
    """Answer a record that fails its model's validation with 422 and the reasons."""
    return api.create_response(request, validation_error_payload(exc), status=422)


api.add_router("/partnerships", partnerships_router)
api.add_router("/places", places_router)
api.add_router("/places", suggestions_router)
api.add_router("/profiles", profiles_router)
api.add_router("/review", review_router)
api.add_router("/activities.ics", activities_ical_router)
api.add_router("/activities", activities_router)
api.add_router("/institution-pairs", pairs_router)
api.add_router("/networks", networks_router)
api.add_router("/projects", projects_router)
api.add_router("/sites", sites_router)
api.add_router("/visits", visits_router)
api.add_router("/participant-registers", participants_router)
api.add_router("/grants", grants_router)
api.add_router("/search", search_router)
api.add_router("/atlas", atlas_router)
api.add_router("/strategies", strategies_router)
api.add_router("/budgets", budgets_router)
api.add_router("/costs", costs_router)
api.add_router("/staff-time", staff_time_router)
api.add_router("/alignment", alignment_router)
api.add_router("/reports", reports_router)
api.add_router("/alerts", alerts_router)
api.add_router("/organisations", organisations_router)
api.add_router("/people", people_router)
api.add_router("/sources", sources_router)
api.add_router("/attachments", attachments_router)
api.add_router("/focus-areas", focusareas_router)
