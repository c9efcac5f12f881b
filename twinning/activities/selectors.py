"""Reads of activities: lists, one activity, the monthly overview and the calendar."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from django.db.models import Prefetch, Q, QuerySet

from twinning.accounts.selectors import visible_link, visible_to
from twinning.activities.models import Activity, ActivityArea
from twinning.core.partialdates import Precision
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.people.models import Person
from twinning.sources.models import Evidence, Source


def activity_list(*, user) -> QuerySet[Activity]:
    """Return the activities the user may see, with what a list shows loaded up front.

    Only the partnerships the user may see are attached to each activity.
    """
    partnerships = visible_to(Partnership.objects.all(), user).select_related("party_a", "party_b")
    return (
        visible_to(Activity.objects.all(), user)
        .select_related("place")
        .prefetch_related(Prefetch("partnerships", queryset=partnerships), "headcounts")
        .order_by("start", "pk")
    )


def activity_detail(*, user, pk: int) -> Activity:
    """Return one visible activity with its visible participants and sources loaded."""
    evidence = Evidence.objects.filter(
        visible_link("source_id", visible_to(Source.objects.all(), user))
    ).select_related("source")
    return (
        activity_list(user=user)
        .select_related("owner", "place__parent")
        .prefetch_related(
            Prefetch("people", queryset=visible_to(Person.objects.all(), user)),
            Prefetch("organisations", queryset=visible_to(Organisation.objects.all(), user)),
            Prefetch("evidence", queryset=evidence),
        )
        .get(pk=pk)
    )


def activities_of_year(*, user, partnership: Partnership, year: int) -> QuerySet[Activity]:
    """Return the visible activities of a partnership that begin in the given year."""
    return activity_list(user=user).filter(
        partnerships=partnership, start__startswith=f"{year:04d}"
    )


def activity_overview(*, user, partnership: Partnership, year: int) -> dict:
    """Return a partnership's activities of a year as a month-by-area table.

    The result is ``{"year", "areas", "months"}``: ``areas`` lists the codes of the areas
    that have entries, in the order of ActivityArea; ``months`` holds one row per month
    (``{"month": 1..12, "cells": {area: [activity, ...]}}``). An activity sits in the row of
    the month it begins, whatever its end. Activities known only to the year go in a last
    row whose ``month`` is None ("during the year"), present only when there are such.
    """
    rows: dict[int | None, dict[str, list[Activity]]] = defaultdict(lambda: defaultdict(list))
    used = set()
    for activity in activities_of_year(user=user, partnership=partnership, year=year):
        rows[activity.start.month][activity.area].append(activity)
        used.add(activity.area)
    areas = [code for code in ActivityArea.values if code in used]
    months = [
        {"month": month, "cells": {area: rows[month][area] for area in areas}}
        for month in range(1, 13)
    ]
    if None in rows:
        months.append({"month": None, "cells": {area: rows[None][area] for area in areas}})
    return {"year": year, "areas": areas, "months": months}


def activity_years(*, user, partnership: Partnership) -> list[int]:
    """Return the years in which the partnership's visible activities begin, newest first."""
    starts = (
        visible_to(Activity.objects.filter(partnerships=partnership), user)
        .order_by()
        .values_list("start", flat=True)
        .distinct()
    )
    return sorted({start.year for start in starts}, reverse=True)


def activities_in_month(queryset: QuerySet[Activity], *, year: int, month: int):
    """Return the activities of the queryset that touch the month, as a calendar sees them.

    Partial dates are ISO prefixes, so "begins by the month's end" compares with the
    month's last day (its prefixes sort before it), and "ends in or after the month" has
    to let a bare year through, which sorts before its own months.
    """
    prefix = f"{year:04d}-{month:02d}"
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    ends_late = Q(end__isnull=True, start__gte=prefix) | Q(end__gte=prefix)
    ends_in_year = Q(end__isnull=True, start=f"{year:04d}") | Q(end=f"{year:04d}")
    return queryset.filter(Q(start__lte=last.isoformat()) & (ends_late | ends_in_year))


def calendar_month(activities, *, year: int, month: int) -> dict:
    """Return a month grid: weeks of days with their day-precision activities.

    Activities known to the month or the year are returned apart, under ``whole_month``
    and ``whole_year``, since they have no day to sit on.
    """
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    by_day: dict[dt.date, list[Activity]] = defaultdict(list)
    whole_month, whole_year = [], []
    activities = list(activities)
    for activity in activities:
        if activity.start.precision is Precision.YEAR:
            whole_year.append(activity)
            continue
        if activity.start.precision is Precision.MONTH and (
            activity.end is None or activity.end.precision is not Precision.DAY
        ):
            whole_month.append(activity)
            continue
        begin = activity.start.first_day()
        finish = (activity.end or activity.start).last_day()
        day = max(begin, first)
        while day <= min(finish, last):
            by_day[day].append(activity)
            day += dt.timedelta(days=1)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [
                {"date": d, "in_month": d.month == month, "activities": by_day.get(d, [])}
                for d in week
            ]
        )
    return {
        "year": year,
        "month": month,
        "first": first,
        "previous": (first - dt.timedelta(days=1)).replace(day=1),
        "next": last + dt.timedelta(days=1),
        "weeks": weeks,
        "whole_month": whole_month,
        "whole_year": whole_year,
        "count": len(activities),
    }
