"""JSON endpoints for activities, the monthly overview and the iCalendar feed."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from twinning.accounts.selectors import visible_to
from twinning.activities.exports import activities_ical
from twinning.activities.filters import ActivityFilter
from twinning.activities.models import Activity
from twinning.activities.schemas import (
    ActivityDetailOut,
    ActivityOut,
    ActivityQuery,
    OverviewOut,
    OverviewQuery,
)
from twinning.activities.selectors import activity_detail, activity_list, activity_overview
from twinning.core.api import ErrorOut, Page, filter_or_422
from twinning.partnerships.models import Partnership

router = Router(tags=["activities"])
# Mounted at "/activities.ics": a path of its own, so calendar programs see a .ics address.
ical_router = Router(tags=["activities"])


@router.get(
    "",
    response=list[ActivityOut],
    auth=None,
    operation_id="activity_list",
    summary="List activities",
    description="Return the activities the caller may see, filtered and paginated.",
)
@paginate(Page)
def list_activities(request, filters: Query[ActivityQuery]):
    return filter_or_422(ActivityFilter, filters, activity_list(user=request.user))


@router.get(
    "/overview",
    response={200: OverviewOut, 404: ErrorOut},
    auth=None,
    operation_id="activity_overview",
    summary="Monthly overview of a partnership's activities",
    description=(
        "Return a partnership's activities of one year as rows of months and columns of "
        "areas, as evaluation reports show them. An activity sits in the month it begins; "
        "activities known only to the year come in a last row whose month is null."
    ),
)
def overview(request, params: Query[OverviewQuery]):
    visible = visible_to(Partnership.objects.all(), request.user)
    partnership = visible.filter(pk=params.partnership).first()
    if partnership is None:
        raise HttpError(404, _("No such partnership."))
    return activity_overview(user=request.user, partnership=partnership, year=params.year)


@ical_router.get(
    "",
    auth=None,
    operation_id="activity_calendar_feed",
    summary="Activities as an iCalendar feed",
    description=(
        "Return the activities matching the list's filters as text/calendar, for "
        "calendar programs to subscribe to. Activities known to the month or year span it."
    ),
)
def ical_feed(request, filters: Query[ActivityQuery]):
    activities = filter_or_422(ActivityFilter, filters, activity_list(user=request.user))
    body = activities_ical(
        activities, host=request.get_host().split(":")[0], name=_("Partnership activities")
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="activities.ics"'
    return response


@router.get(
    "/{int:pk}",
    response={200: ActivityDetailOut, 404: ErrorOut},
    auth=None,
    operation_id="activity_detail",
    summary="Get an activity",
    description="Return one activity with its participants and sources, or 404.",
)
def get_activity(request, pk: int):
    try:
        return activity_detail(user=request.user, pk=pk)
    except Activity.DoesNotExist:
        raise HttpError(404, _("No such activity.")) from None
