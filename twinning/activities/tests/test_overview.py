import csv
import io

import pytest
from openpyxl import load_workbook

from twinning.activities.exports import overview_csv, overview_xlsx
from twinning.activities.selectors import activity_overview
from twinning.organisations.tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2013(make_activity):
    return {
        "network": make_activity("Network meeting", start="2013-01-14"),
        "languages": make_activity("Chinese classes", start="2013-01", area="education"),
        "mayors": make_activity("Mayors in Wuxi", start="2013-06-07", end="2013-06-12"),
        "summer": make_activity("Summer school", start="2013-06", end="2013-07", area="education"),
        "pupils": make_activity("Pupils visit", start="2013-03", area="school"),
        "yearly": make_activity("Language teaching all year", start="2013", area="education"),
        "other_year": make_activity("Later", start="2014-01-07"),
    }


def _ids(cell):
    return [a.title for a in cell]


def test_overview_has_twelve_month_rows_and_used_areas_in_fixed_order(
    partnership, year_2013, admin_user
):
    overview = activity_overview(user=admin_user, partnership=partnership, year=2013)
    assert overview["year"] == 2013
    assert overview["areas"] == ["overall", "education", "school"]
    assert [row["month"] for row in overview["months"]] == [*range(1, 13), None]
    january = overview["months"][0]["cells"]
    assert _ids(january["overall"]) == ["Network meeting"]
    assert _ids(january["education"]) == ["Chinese classes"]
    assert january["school"] == []


def test_range_sits_in_its_start_month_only(partnership, year_2013, admin_user):
    overview = activity_overview(user=admin_user, partnership=partnership, year=2013)
    june, july = overview["months"][5]["cells"], overview["months"][6]["cells"]
    assert _ids(june["overall"]) == ["Mayors in Wuxi"]
    assert _ids(june["education"]) == ["Summer school"]
    assert all(cell == [] for cell in july.values())


def test_year_only_activity_goes_in_the_during_the_year_row(partnership, year_2013, admin_user):
    overview = activity_overview(user=admin_user, partnership=partnership, year=2013)
    last = overview["months"][-1]
    assert last["month"] is None
    assert _ids(last["cells"]["education"]) == ["Language teaching all year"]


def test_no_during_the_year_row_without_year_only_activities(make_activity, partnership):
    make_activity(start="2015-02-04")
    user = make_user("someone")
    overview = activity_overview(user=user, partnership=partnership, year=2015)
    assert [row["month"] for row in overview["months"]] == list(range(1, 13))
    assert overview["areas"] == ["overall"]


def test_private_activity_is_left_out_for_anonymous(make_activity, partnership):
    from django.contrib.auth.models import AnonymousUser

    make_activity("Open", start="2013-05-01")
    make_activity("Closed", start="2013-05-02", is_public=False)
    overview = activity_overview(user=AnonymousUser(), partnership=partnership, year=2013)
    assert _ids(overview["months"][4]["cells"]["overall"]) == ["Open"]


def test_csv_has_a_row_per_month_and_entries_in_cells(partnership, year_2013, admin_user):
    overview = activity_overview(user=admin_user, partnership=partnership, year=2013)
    rows = list(csv.reader(io.StringIO(overview_csv(overview).decode())))
    assert rows[0] == ["Month", "Overall project", "Education", "School"]
    assert rows[1][0] == "January"
    assert rows[1][1] == "14 January 2013: Network meeting"
    assert rows[1][2] == "Chinese classes"
    assert rows[6][1] == "7 June 2013 – 12 June 2013: Mayors in Wuxi"
    assert rows[3][3] == "Pupils visit"
    assert rows[13][0] == "During the year"
    assert len(rows) == 14


def test_xlsx_holds_the_same_table_under_a_title(partnership, year_2013, admin_user):
    overview = activity_overview(user=admin_user, partnership=partnership, year=2013)
    sheet = load_workbook(io.BytesIO(overview_xlsx(overview, title="Activities 2013"))).active
    assert sheet.title == "2013"
    assert sheet["A1"].value == "Activities 2013"
    assert [c.value for c in sheet[2]] == ["Month", "Overall project", "Education", "School"]
    assert sheet["B3"].value == "14 January 2013: Network meeting"
    assert sheet["A15"].value == "During the year"
