"""JSON endpoints for activities, the monthly overview and the iCalendar feed."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth, write_auth
from twinning.accounts.selectors import visible_to
from twinning.activities.exports import activities_ical
from twinning.activities.filters import ActivityFilter
from twinning.activities.models import Activity
from twinning.activities.schemas import (
    ActivityDetailOut,
    ActivityIn,
    ActivityOut,
    ActivityPatch,
    ActivityQuery,
    OverviewOut,
    OverviewQuery,
)
from twinning.activities.selectors import activity_detail, activity_list, activity_overview
from twinning.activities.services import activity_create, activity_delete, activity_update
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import (
    blank_text,
    get_many_or_422,
    get_or_422,
    owner_for,
    require_can_edit,
    require_editor,
)
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.people.models import Person
from twinning.places.models import Place

router = Router(tags=["activities"])
# Mounted at "/activities.ics": a path of its own, so calendar programs see a .ics address.
ical_router = Router(tags=["activities"])


@router.get(
    "",
    response=list[ActivityOut],
    auth=read_auth,
    operation_id="activity_list",
    summary="List activities",
    description=(
        "Return the activities the caller may see, filtered and paginated with limit and "
        "offset; with format=csv or xlsx, every match as a file."
    ),
)
@paginate_or_export(ActivityOut, "activities")
def list_activities(request, filters: Query[ActivityQuery]):
    return filter_or_422(ActivityFilter, filters, activity_list(user=request.user))


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
    visible = visible_to(Partnership.objects.all(), request.user)
    partnership = visible.filter(pk=params.partnership).first()
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
    auth=read_auth,
    operation_id="activity_detail",
    summary="Get an activity",
    description="Return one activity with its participants and sources, or 404.",
)
def get_activity(request, pk: int):
    return _activity(request, pk)


def _activity(request, pk: int) -> Activity:
    try:
        return activity_detail(user=request.user, pk=pk)
    except Activity.DoesNotExist:
        raise HttpError(404, _("No such activity.")) from None


# Writes ---------------------------------------------------------------------------------

_TEXT_FIELDS = {"description"}


def _fields(request, payload: dict) -> dict:
    user = request.user
    fields = blank_text(payload, _TEXT_FIELDS)
    if "place" in fields:
        fields["place"] = get_or_422(Place, fields["place"], "place")
    related = {
        "partnerships": Partnership.objects.all(),
        "people": Person.objects.all(),
        "organisations": Organisation.objects.all(),
    }
    for name, queryset in related.items():
        if name in fields:
            fields[name] = get_many_or_422(visible_to(queryset, user), fields[name], name)
    if fields.get("headcounts") is not None:
        fields["headcounts"] = [(row["count"], row["group"]) for row in fields["headcounts"]]
    if "owner" in fields:
        fields["owner"] = owner_for(user, fields["owner"])
    return fields


def _editable(request, pk: int) -> Activity:
    activity = _activity(request, pk)
    require_can_edit(request.user, activity)
    return activity


@router.post(
    "",
    response={201: ActivityDetailOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="activity_create",
    summary="Create an activity",
    description=(
        "Create an activity with its participants and head counts; editors only. The "
        "owner must be one of the caller's organisations."
    ),
)
def create_activity(request, payload: ActivityIn):
    require_editor(request.user)
    activity = activity_create(**_fields(request, payload.dict()))
    return 201, _activity(request, activity.pk)


@router.patch(
    "/{int:pk}",
    response={200: ActivityDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="activity_update",
    summary="Change an activity",
    description=(
        "Change the fields given; the others stay as they are. Lists given (partnerships, "
        "people, organisations, head counts) replace the whole list. Only editors of the "
        "owning organisation may."
    ),
)
def update_activity(request, pk: int, payload: ActivityPatch):
    activity = _editable(request, pk)
    activity_update(activity=activity, **_fields(request, payload.dict(exclude_unset=True)))
    return _activity(request, pk)


@router.delete(
    "/{int:pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=write_auth,
    operation_id="activity_delete",
    summary="Delete an activity",
    description="Delete an activity with its head counts and evidence.",
)
def delete_activity(request, pk: int):
    activity_delete(activity=_editable(request, pk))
    return 204, None
