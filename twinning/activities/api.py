"""JSON endpoints for activities, the monthly overview and the iCalendar feed."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth
from twinning.activities import services
from twinning.activities.exports import activities_ical
from twinning.activities.filters import ActivityFilter
from twinning.activities.models import Activity
from twinning.activities.schemas import (
    ActivityDetailOut,
    ActivityIn,
    ActivityOut,
    OverviewOut,
    OverviewQuery,
)
from twinning.activities.selectors import activity_detail, activity_list, activity_overview
from twinning.core.api import ErrorOut, Resource, filter_or_422, visible
from twinning.partnerships.models import Partnership


def _counts(fields: dict) -> dict:
    if fields.get("headcounts") is not None:
        fields["headcounts"] = [(row["count"], row["group"]) for row in fields["headcounts"]]
    return fields


def _update(activity: Activity, **fields) -> Activity:
    return services.activity_update(activity=activity, **_counts(fields))


activities = Resource(
    model=Activity,
    out=ActivityOut,
    detail=ActivityDetailOut,
    select=lambda user: activity_list(user=user),
    fetch=lambda user, pk: activity_detail(user=user, pk=pk),
    filterset=ActivityFilter,
    query_docs={"q": "Text found in the title, description or place."},
    body=ActivityIn,
    create=lambda **fields: services.activity_create(**_counts(fields)),
    update=_update,
    delete=services.activity_delete,
    export="activities",
    not_found=gettext_lazy("No such activity."),
    docs={
        "update": "Lists given (partnerships, people, organisations, head counts) replace "
        "the whole list.",
        "delete": "Its head counts and evidence go with it.",
    },
)
router = activities.mount(Router(tags=["activities"]))
# Mounted at "/activities.ics": a path of its own, so calendar programs see a .ics address.
ical_router = Router(tags=["activities"])


@router.get(
    "/overview",
    response={200: OverviewOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="activity_overview",
    summary="Monthly overview of a partnership's activities",
    description=(
        "Return a partnership's activities of one year as rows of months and columns of "
        "areas, as evaluation reports show them. An activity sits in the month it begins; "
        "activities known only to the year come in a last row whose month is null."
    ),
)
def overview(request, params: Query[OverviewQuery]):
    partnership = visible(Partnership, request.user).filter(pk=params.partnership).first()
    if partnership is None:
        raise HttpError(404, _("No such partnership."))
    return activity_overview(user=request.user, partnership=partnership, year=params.year)


@ical_router.get(
    "",
    auth=read_auth,
    operation_id="activity_calendar_feed",
    summary="Activities as an iCalendar feed",
    description=(
        "Return the activities matching the list's filters as text/calendar, for "
        "calendar programs to subscribe to. Activities known to the month or year span it."
    ),
)
def ical_feed(request, filters: Query[activities.query]):
    rows = filter_or_422(ActivityFilter, filters, activity_list(user=request.user))
    body = activities_ical(
        rows, host=request.get_host().split(":")[0], name=_("Partnership activities")
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="activities.ics"'
    return response
