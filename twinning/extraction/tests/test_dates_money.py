from __future__ import annotations

import datetime as dt

import pytest

from twinning.extraction.dates import document_date, find_dates
from twinning.extraction.money import find_money


def _one(text: str, **kwargs):  # noqa: ANN202 - returns a DateMention
    found = find_dates(text, **kwargs)
    assert len(found) == 1, found
    return found[0]


def test_danish_day_month_year_becomes_iso_date() -> None:
    assert _one("den 2. oktober 2012 blev").value == "2012-10-02"


def test_english_date_without_year_takes_year_from_document_date() -> None:
    d = _one("signed on October 2nd.", reference=dt.date(2013, 8, 7))
    assert d.value == "2012-10-02"


def test_danish_week_number_becomes_iso_week_range() -> None:
    d = _one("besøger Wuxi i uge 44 med", default_year=2013)
    assert (d.value, d.end_value) == ("2013-10-28", "2013-11-03")


def test_two_week_numbers_become_one_range() -> None:
    d = _one("udvekslinger i uge 35 og 36", default_year=2015)
    assert (d.value, d.end_value) == ("2015-08-24", "2015-09-06")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("7.6-12.6.: besøg", "2013-06-07", "2013-06-12"),
        ("14.-21. november: rejse", "2013-11-14", "2013-11-21"),
        ("5-7.5.: besøg", "2013-05-05", "2013-05-07"),
    ],
)
def test_day_ranges_take_year_from_table(text: str, start: str, end: str) -> None:
    d = _one(text, default_year=2013)
    assert (d.value, d.end_value) == (start, end)


def test_month_and_year_keep_month_precision() -> None:
    assert _one("i juni \n\nmåned 2015 blev").value == "2015-06"


def test_ordinal_english_date_with_of() -> None:
    assert _one("on the 9th of march 2022.").value == "2022-03-09"


def test_updated_stamp_is_the_document_date() -> None:
    assert document_date("Tekst.\n\nOpdateret: 07.8.2013\n") == dt.date(2013, 8, 7)


def test_danish_thousands_separator_is_read_as_thousands() -> None:
    (m,) = find_money("et samlet budget på 887.500 kroner i 2015")
    assert (m.amount_min, m.currency) == (887500, "DKK")


def test_range_in_millions_of_danish_kroner() -> None:
    (m,) = find_money("en værdi på mellem 150 og 500 mio. danske kroner.")
    assert (m.amount_min, m.amount_max) == (150_000_000, 500_000_000)


def test_half_million_kroner() -> None:
    (m,) = find_money("et budget på ca. ½ mio. kr. om året")
    assert m.amount_min == m.amount_max == 500_000
    assert m.approximate


def test_currency_before_number_in_english() -> None:
    (m,) = find_money("The city has set aside DKK 2.5 million.", danish=False)
    assert (m.amount_min, m.currency) == (2_500_000, "DKK")


def test_year_alone_is_not_money() -> None:
    assert find_money("Aftalen blev fornyet i 2015 og igen i 2018.") == []
