import datetime as dt

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from twinning.core.fields import DayFormField, PartialDateFormField
from twinning.core.partialdates import InvalidPartialDate, PartialDate, Precision


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2007", Precision.YEAR), ("2013-06", Precision.MONTH), ("2012-10-02", Precision.DAY)],
)
def test_parse_keeps_the_precision_the_source_gave(text, precision):
    date = PartialDate.parse(text)

    assert date.precision == precision
    assert date.isoformat() == text


@pytest.mark.parametrize("text", ["2013-02-30", "2013-13", "13-06-2013", "June 2013", "0000"])
def test_impossible_or_malformed_dates_are_rejected(text):
    with pytest.raises(InvalidPartialDate):
        PartialDate.parse(text)


def test_partial_dates_sort_year_before_its_months_and_days():
    dates = [PartialDate.parse(t) for t in ["2013-06-01", "2013", "2012-12-31", "2013-06"]]

    assert [d.isoformat() for d in sorted(dates)] == ["2012-12-31", "2013", "2013-06", "2013-06-01"]


def test_first_and_last_day_span_the_whole_period():
    assert PartialDate.parse("2016-02").first_day() == dt.date(2016, 2, 1)
    assert PartialDate.parse("2016-02").last_day() == dt.date(2016, 2, 29)
    assert PartialDate.parse("2007").last_day() == dt.date(2007, 12, 31)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("2007", "en", "2007"),
        ("2013-06", "en", "June 2013"),
        ("2012-10-02", "en", "2 October 2012"),
        ("2013-06", "da", "juni 2013"),
        ("2012-10-02", "da", "2. oktober 2012"),
    ],
)
def test_format_writes_the_date_as_a_reader_would(text, language, expected):
    assert PartialDate.parse(text).format(language) == expected


def test_form_field_cleans_text_and_reports_bad_input():
    field = PartialDateFormField(required=False)

    assert field.clean("2013-06") == PartialDate(2013, 6)
    assert field.clean("") is None
    with pytest.raises(ValidationError, match="not a date"):
        field.clean("next spring")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.12.2026", "2026-12-03"),
        ("03-12-2026", "2026-12-03"),
        ("3/12/2026", "2026-12-03"),
        ("3. december 2026", "2026-12-03"),
        ("3 Dec. 2026", "2026-12-03"),
        ("  3.  DECEMBER   2026 ", "2026-12-03"),
        ("maj 2007", "2007-05"),
        ("May 2007", "2007-05"),
        ("okt 2012", "2012-10"),
        ("marts 2010", "2010-03"),
        ("12.2026", "2026-12"),
        ("2007", "2007"),
        ("2012-10-02", "2012-10-02"),
    ],
)
def test_read_accepts_dates_as_danes_and_iso_write_them(text, expected):
    assert PartialDate.read(text).isoformat() == expected


@pytest.mark.parametrize(
    "text", ["31.2.2026", "3.13.2026", "ju 2007", "mayo 2007", "3.12.26", "tomorrow", "2026-12-3"]
)
def test_read_refuses_impossible_ambiguous_or_unknown_dates(text):
    with pytest.raises(InvalidPartialDate):
        PartialDate.read(text)


def test_errors_name_the_month_in_the_readers_language():
    with (
        translation.override("da"),
        pytest.raises(InvalidPartialDate, match="Dag 30 findes ikke i februar 2013"),
    ):
        PartialDate.read("30.2.2013")


def test_form_field_reads_danish_and_shows_the_day_back_the_same_way():
    field = PartialDateFormField(required=False)
    assert field.clean("3.12.2026") == PartialDate(2026, 12, 3)
    assert field.prepare_value(PartialDate(2026, 12, 3)) == "3.12.2026"
    with translation.override("da"):
        assert field.prepare_value(PartialDate(2007, 5)) == "maj 2007"
        assert field.widget_attrs(forms.TextInput())["placeholder"] == "d.m.åååå"


def test_day_field_needs_a_day():
    field = DayFormField()
    assert field.clean("3. december 2026") == dt.date(2026, 12, 3)
    assert field.clean("2026-12-03") == dt.date(2026, 12, 3)
    with pytest.raises(ValidationError):
        field.clean("december 2026")
