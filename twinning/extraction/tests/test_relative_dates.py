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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vi var på tur til Vejle sidst i maj.", [("2019-05", None)]),
        ("Aftalen blev underskrevet i sommer.", [("2019", None)]),
        ("Avtalen ble signert i sommer.", [("2019", None)]),
        ("For kun få uger siden kom eleverne hjem.", [("2019-10", None)]),
        ("Vi fick besök för några veckor sedan.", [("2019-10", None)]),
        ("The mayor came last May.", [("2018-05", None)]),
        ("Der Vertrag wurde letzten März unterzeichnet.", [("2018-03", None)]),
        # A weekday or "yesterday" needs the day, which a month-only dateline lacks.
        ("De kom i går og rejste torsdag.", []),
    ],
)
def test_a_month_only_dateline_anchors_months_seasons_and_recent_weeks(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    found = [(d.value, d.end_value) for d in find_dates(text, month="2019-10")]
    assert found == expected


def _dated_events(body: str) -> list[tuple[str, str]]:
    text = "https://www.example.dk/nyheder/2019-10-15-venskab.html\n\n" + body
    return [(e.event, e.date) for e in extract(text) if isinstance(e, Event)]


def test_taking_part_in_a_gathering_abroad_is_a_visit() -> None:
    assert _dated_events("I juni kommer Vasa och Umeå närvara i Harstad i Norge.\n") == [
        ("delegation_visit", "2019-06")
    ]
    assert _dated_events("Foreningen arrangerede en tur til Lohja i maj.\n") == [
        ("delegation_visit", "2019-05")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # How a partnership came about is a state, not a happening.
        "I 1966 efter et besøg af nogle elever blev Narsaq og Gladsaxe officielle venskabsbyer.\n",
        "In 1985 Kalmar and Wilmington became sister cities after a visit.\n",
        "广州与河内于2012年启动缔结友好城市关系工作,双方互派代表团。\n",
        # A council's own meeting decides; it is no happening between towns.
        "På byrådsmødet i marts 2019 blev bevillingen til venskabsbyerne fjernet.\n",
        "At the May 21, 2019, City Council meeting, the association asked for a sister city.\n",
        # A year after the text's own year, or one that ends a state, names a plan.
        "Repræsentanter for byerne bør inviteres til fejringen i 2020 i Vejle.\n",
        "The twinning associations in Chester will be given money until 2018 for visits.\n",
    ],
)
def test_sentences_that_are_no_dated_happening(sentence: str) -> None:
    assert _dated_events(sentence) == []


def test_signing_a_twinning_agreement_is_an_event_though_the_tie_is_named() -> None:
    sentence = (
        "I år kan byerne fejre 30 års jubilæum, da der i 1989 blev underskrevet "
        "en officiel venskabsbyaftale.\n"
    )
    assert _dated_events(sentence) == [("signing", "1989")]


def test_the_pages_own_labelled_date_does_not_date_a_happening() -> None:
    text = (
        "Vejle becomes a friendship city of Kalmar  date:2013-12-01  visited:2853\n\n"
        "The delegation from Kalmar visited the harbour.\n"
    )
    events = [(e.event, e.date) for e in extract(text) if isinstance(e, Event)]
    assert ("delegation_visit", "2013-12-01") not in events


def test_a_weekday_does_not_date_what_is_still_to_come() -> None:
    text = (
        "https://www.example.com/news/2013-05-10-visit.html\n\n"
        "The King and Queen are scheduled to visit Vejle this Saturday.\n"
        "Vejle City Council hosted a delegation from Kalmar on Thursday.\n"
    )
    events = [(e.event, e.date) for e in extract(text) if isinstance(e, Event)]
    assert events == [("delegation_visit", "2013-05-09")]
