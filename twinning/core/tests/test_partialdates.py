import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from twinning.core.fields import PartialDateFormField
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
