"""Writes of activities: every change is validated and saved with its head counts."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from twinning.activities.models import Activity, ActivityArea, ActivityHeadcount, ActivityKind
from twinning.core.changes import ChangeAction, record_changed
from twinning.core.fields import partial_date_or_error
from twinning.core.partialdates import PartialDate
from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update

Headcounts = Iterable[tuple[int, str]]


def _set_headcounts(activity: Activity, headcounts: Headcounts) -> None:
    activity.headcounts.all().delete()
    rows = []
    for number, (count, group) in enumerate(headcounts, start=1):
        row = ActivityHeadcount(activity=activity, count=count, group=(group or "").strip())
        try:
            row.full_clean(exclude=["activity"])
        except ValidationError as exc:
            raise ValidationError(
                {"headcounts": _("Head count %(n)d: %(errors)s") % {"n": number, "errors": exc}}
            ) from exc
        rows.append(row)
    ActivityHeadcount.objects.bulk_create(rows)


@transaction.atomic
def activity_create(
    *,
    title: str,
    start: PartialDate | str,
    end: PartialDate | str | None = None,
    area: str = ActivityArea.OVERALL,
    kind: str = ActivityKind.MEETING,
    description: str = "",
    place=None,
    partnerships: Iterable = (),
    people: Iterable = (),
    organisations: Iterable = (),
    headcounts: Headcounts = (),
    owner=None,
    is_public: bool = True,
    **translations: str,
) -> Activity:
    """Create an activity with its participants and head counts after validating it."""
    activity = Activity(
        title=title,
        start=partial_date_or_error(start, "start"),
        end=partial_date_or_error(end, "end"),
        area=area,
        kind=kind,
        description=description,
        place=place,
        owner=owner,
        is_public=is_public,
        **translations,
    )
    activity.full_clean()
    activity.save()
    activity.partnerships.set(partnerships)
    activity.people.set(people)
    activity.organisations.set(organisations)
    _set_headcounts(activity, headcounts)
    search_entry_update(activity)
    record_changed(instance=activity, action=ChangeAction.CREATED)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, version: int | None = None, **fields) -> Activity:
    """Change the given fields of an activity; related lists given are replaced whole."""
    headcounts = fields.pop("headcounts", None)
    for field in {"start", "end"} & set(fields):
        fields[field] = partial_date_or_error(fields[field], field)
    model_update(instance=activity, data=fields, version=version)
    if headcounts is not None:
        _set_headcounts(activity, headcounts)
    search_entry_update(activity)
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity) -> None:
    """Delete an activity with its head counts and evidence."""
    search_entry_delete(activity)
    record_changed(instance=activity, action=ChangeAction.DELETED)
    activity.delete()
