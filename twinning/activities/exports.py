"""The monthly overview as CSV and XLSX, and activities as an iCalendar feed."""

from __future__ import annotations

import datetime as dt
import io

import icalendar
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from twinning.activities.models import ActivityArea
from twinning.core.exports import clean_text, is_formula_like, write_csv
from twinning.core.partialdates import Precision


def _entry(activity) -> str:
    # A day or a range is written before the title, as coordinators do ("14.1: ...").
    if activity.start.precision is Precision.DAY or activity.end:
        return f"{activity.when()}: {activity.title}"
    return activity.title


def overview_rows(overview: dict) -> list[list[str]]:
    """Return the overview as rows of text: a heading row, then one row per month."""
    labels = dict(ActivityArea.choices)
    rows = [[_("Month"), *(str(labels[area]).capitalize() for area in overview["areas"])]]
    for row in overview["months"]:
        month = row["month"]
        heading = str(MONTHS[month]).capitalize() if month else _("During the year")
        cells = ["\n".join(_entry(a) for a in row["cells"][area]) for area in overview["areas"]]
        rows.append([heading, *cells])
    return rows


def overview_csv(overview: dict) -> bytes:
    """Return the overview as CSV, one line per month, entries split by line breaks."""
    header, *rows = overview_rows(overview)
    buffer = io.BytesIO()
    write_csv(buffer, header, rows)
    return buffer.getvalue()


def overview_xlsx(overview: dict, *, title: str) -> bytes:
    """Return the overview as an XLSX workbook with wrapped cells."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(overview["year"])
    sheet.append([clean_text(title)])
    sheet["A1"].font = Font(bold=True, size=13)
    for row in overview_rows(overview):
        sheet.append([clean_text(value) for value in row])
    # Entries are text even when a title looks like a formula.
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                if is_formula_like(cell.value):
                    cell.quotePrefix = True
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = wrap
    sheet.column_dimensions["A"].width = 18
    for index in range(len(overview["areas"])):
        sheet.column_dimensions[chr(ord("B") + index)].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def activity_span(activity) -> tuple[dt.date, dt.date]:
    """Return the first day and the day after the last, as all-day events need."""
    last = (activity.end or activity.start).last_day()
    return activity.start.first_day(), last + dt.timedelta(days=1)


def activities_ical(activities, *, host: str, name: str) -> bytes:
    """Return the activities as an iCalendar document of all-day events.

    An activity known to the day lasts its days; one known to the month or year spans the
    whole month or year. UIDs depend only on the activity's id, so a subscribed calendar
    updates events instead of duplicating them.
    """
    cal = icalendar.Calendar()
    cal.add("prodid", "-//twinning//activities//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for activity in activities:
        first, after = activity_span(activity)
        event = icalendar.Event()
        event.add("uid", f"activity-{activity.pk}@{host}")
        event.add("dtstamp", activity.updated_at)
        event.add("dtstart", first)
        event.add("dtend", after)
        event.add("summary", activity.title)
        if activity.description:
            event.add("description", activity.description)
        if activity.place_id:
            event.add("location", activity.place.name)
        event.add("categories", [activity.get_area_display(), activity.get_kind_display()])
        cal.add_component(event)
    return cal.to_ical()
