"""Dates in Chinese, dates relative to the page's own date, and the page's address."""

from __future__ import annotations

import datetime as dt

import pytest

from twinning.extraction import Event, extract
from twinning.extraction.dates import address_date, document_month, find_dates

REFERENCE = dt.date(2016, 8, 18)  # a Thursday


def _values(text: str, reference: dt.date | None = REFERENCE) -> list[tuple[str, str | None]]:
    return [(d.value, d.end_value) for d in find_dates(text, reference=reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1987年9月22日缔结", [("1987-09-22", None)]),
        ("2002年8月签定协议", [("2002-08", None)]),
        ("2017年9月19至22日访问", [("2017-09-19", "2017-09-22")]),
        ("于18日至20日举行", [("2016-08-18", "2016-08-20")]),
        ("于昨日下午抵达", [("2016-08-17", None)]),
        ("Delegationen kom i går.", [("2016-08-17", None)]),
        ("They met on Monday.", [("2016-08-15", None)]),
        ("Sie kamen am Donnerstag.", [("2016-08-18", None)]),
        ("Tidligere på året kom de.", [("2016", None)]),
    ],
)
def test_chinese_and_relative_dates(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _values(text) == expected


def test_weekday_before_a_written_date_gives_way_to_it() -> None:
    assert _values("De mødes onsdag den 22. september.") == [("2016-09-22", None)]


def test_relative_words_need_the_page_date() -> None:
    assert _values("Delegationen kom i går.", reference=None) == []


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://www.example.se/nyheter/2016-08-15-besok-fran-vanort.html", "2016-08-15"),
        ("https://www.example.cn/web/201709/t20170925_1.shtml", "2017-09-25"),
        ("http://example.net/news/2023/0928/334187.html", "2023-09-28"),
        ("https://example.com/content/2004-10/18/content_3.htm", "2004-10-18"),
    ],
)
def test_date_of_the_address(address: str, expected: str) -> None:
    assert address_date(address + "\n\nText.") == dt.date.fromisoformat(expected)


def test_month_only_dateline() -> None:
    assert document_month("https://example.no/a\n\n date 2018-10 Innenriks\n") == "2018-10"


def test_a_visit_told_without_a_date_takes_the_month_of_the_news_item() -> None:
    text = (
        "https://www.example.de/aktuelles/2018-09-20-besuch.html\n\n"
        "Besuch aus Rudong\n\n"
        "Die Delegation aus Rudong besuchte Teltow zwei Tage lang.\n"
        "Die Delegation wird im Frühjahr wiederkommen.\n"
    )
    events = [f for f in extract(text) if isinstance(f, Event)]
    assert [(e.event, e.date, e.evidence) for e in events] == [
        ("delegation_visit", "2018-09", "Die Delegation aus Rudong besuchte Teltow zwei Tage lang.")
    ]


def test_a_visit_from_two_towns_is_one_visit_from_each() -> None:
    text = (
        "https://www.example.dk/nyheder/besoeg\n\n"
        "Besøg fra Vejle og Ratzeburg i dagene 4.-7. september 2014\n\n"
        "Foreningen tog imod gæsterne på rådhuset."
    )
    events = [f for f in extract(text) if isinstance(f, Event)]
    assert sorted((e.origin, e.date, e.end_date) for e in events) == [
        ("Ratzeburg", "2014-09-04", "2014-09-07"),
        ("Vejle", "2014-09-04", "2014-09-07"),
    ]


def test_a_signing_told_again_with_only_its_year_is_not_a_second_event() -> None:
    text = (
        "https://www.example.cn/news/2023/0927/1.html\n\n"
        "广州与河内于26日签署加强交流合作备忘录。\n"
        "2023年,两市正式签署加强交流合作备忘录,将在经贸、教育等方面加强交流。\n"
    )
    events = [(e.event, e.date) for e in extract(text) if isinstance(e, Event)]
    assert events == [("signing", "2023-09-26")]


@pytest.mark.parametrize(
    "sentence",
    [
        "2019 marks 30 years since a twinning agreement was signed with Tromsø.",
        '"Since Leeds became a sister city of Dortmund in 1969, the ties have grown."',
    ],
)
def test_jubilee_years_and_lasting_ties_are_no_events(sentence: str) -> None:
    assert not [f for f in extract(sentence) if isinstance(f, Event)]


def test_one_signing_told_twice_on_the_same_day_is_one_event() -> None:
    text = (
        "Am 18. September 2018 unterzeichneten die Bürgermeister von Teltow und Rudong die "
        "Urkunde.\n\nMit einem Festakt ist die Partnerschaft am 18. September 2018 "
        "unterzeichnet worden."
    )
    events = [(e.event, e.date) for e in extract(text) if isinstance(e, Event)]
    assert events == [("signing", "2018-09-18")]
