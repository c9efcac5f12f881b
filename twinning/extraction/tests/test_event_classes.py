"""Ranges across months, a page's own year, earlier happenings and town jubilees."""

from __future__ import annotations

import datetime as dt

import pytest

from twinning.extraction import Event, extract
from twinning.extraction.dates import document_date, document_year, find_dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rejsen varede fra 28. april – 3. maj 2021.", [("2021-04-28", "2021-05-03")]),
        ("They stayed from 30 June to 2 July 2015.", [("2015-06-30", "2015-07-02")]),
        ("The visit runs between April 28 and May 2.", [("2019-04-28", "2019-05-02")]),
        ("Besøget var mellem 28. april og 2. maj.", [("2019-04-28", "2019-05-02")]),
        # Over New Year: the year written at the end is the end's.
        ("Vom 29. Dezember bis 3. Januar 2020 waren sie dort.", [("2019-12-29", "2020-01-03")]),
        # "and" between two dates without "between" names two days, not a stay.
        ("They met on April 28 and May 2.", [("2019-04-28", None), ("2019-05-02", None)]),
    ],
)
def test_ranges_across_two_months(text: str, expected: list[tuple[str, str | None]]) -> None:
    found = [(d.value, d.end_value) for d in find_dates(text, reference=dt.date(2019, 6, 1))]
    assert found == expected


def test_an_undated_page_reporting_a_stay_is_dated_by_its_last_day() -> None:
    text = "Venskabsbyer\n\nBesøget foregik den 28. april – 3. maj 2021 i Tartu.\n"
    assert document_date(text) == dt.date(2021, 5, 3)


def test_a_page_that_names_its_own_year_dates_days_without_one() -> None:
    text = (
        "Delegation to travel to Tromsø\n"
        "A delegation from Hull is to travel to Tromsø between April 28 and May 2.\n"
        "2021 marks 40 years since the twinning agreement was signed.\n"
    )
    assert document_year(text) == 2021
    events = [(e.event, e.date, e.end_date) for e in extract(text) if isinstance(e, Event)]
    assert events == [("delegation_visit", "2021-04-28", "2021-05-02")]


def test_a_habit_in_a_jubilee_sentence_is_no_date() -> None:
    text = (
        "Hull Council plans a trip.\n"
        "2021 marks 40 years since an agreement was signed with Tromsø, with our friends "
        "visiting us twice a year, in March and at Christmas.\n"
    )
    assert not [e for e in extract(text) if isinstance(e, Event)]


def test_an_earlier_signing_is_not_an_echo_of_the_one_reported() -> None:
    text = (
        "https://www.example.no/nyheter/2020-10-15-avtale\n\n"
        "Bodø kommune signerte en samarbeidsavtale med den kinesiske byen Xiamen.\n"
        "Kommunen signerte allerede i sommer en intensjonsavtale med byen.\n"
    )
    events = sorted((e.event, e.date) for e in extract(text) if isinstance(e, Event))
    assert events == [("signing", "2020"), ("signing", "2020-10")]


def test_a_town_celebrating_its_own_age_is_no_event_between_towns() -> None:
    text = (
        "https://www.example.dk/nyheder/2022-07-10-jubilaeum\n\n"
        "I dagene fra fredag den 1. juli til søndag den 3. juli fejrede venskabsbyen Tartu "
        "sit 800-års jubilæum.\n"
    )
    assert not [e for e in extract(text) if isinstance(e, Event)]


def test_a_partnership_jubilee_celebrated_on_a_day_is_an_event() -> None:
    text = (
        "https://www.example.de/2020-09-20-feier\n\n"
        "Tartu und Turku feierten am 18. September ihre 25 Jahre bestehende Partnerschaft.\n"
    )
    events = [(e.event, e.date) for e in extract(text) if isinstance(e, Event)]
    assert events == [("other", "2020-09-18")]


def _facts(text: str, kind: type) -> list:
    return [f for f in extract(text) if isinstance(f, kind)]


def test_last_week_is_the_month_of_the_week_before_the_page() -> None:
    text = (
        "https://www.example.dk/nyheder/2021-10-05-besoeg\n\n"
        "I sidste uge havde Viborg Kommune besøg af en delegation fra venskabsbyen Lillehammer.\n"
        "Besøget varede fra mandag til onsdag.\n"
    )
    events = [(e.event, e.date, e.origin, e.destination) for e in _facts(text, Event)]
    assert events == [("delegation_visit", "2021-09", "Lillehammer", "Viborg Kommune")]


def test_a_delegation_named_after_its_town_comes_from_there() -> None:
    text = (
        "https://www.example.cn/news/2020-06/12/c_1.htm\n\n"
        "6月10日，丹麦欧登塞市代表团抵达宁波，开始为期两天的访问。\n"
    )
    events = [(e.origin, e.destination) for e in _facts(text, Event)]
    assert events == [("欧登塞市", "宁波")]


def test_a_twinning_outranks_a_memorandum_between_the_same_pair() -> None:
    from twinning.extraction import Partnership

    text = (
        "https://www.example.cn/news/2020-06/12/c_1.htm\n\n"
        "宁波市与欧登塞市签署教育交流备忘录\n"
        "宁波市与欧登塞市于2005年结为友好城市。\n"
    )
    found = [(p.relation, p.since) for p in _facts(text, Partnership)]
    assert found == [("friendship_city", "2005")]


def test_a_page_naming_only_partners_has_no_home_town() -> None:
    from twinning.extraction import Partnership

    text = (
        "Council votes on twinning\n"
        "The town remains twinned with Nantes (France) and Ålesund (Norway).\n"
        "A delegation from Ålesund is expected in the spring.\n"
    )
    assert [(p.a, p.b) for p in _facts(text, Partnership)] == []


def test_when_a_tie_began_is_no_event() -> None:
    text = (
        "https://www.example.com/2022/03/15/news\n\n"
        "The link with Nantes, which began in 1993, has seen school exchanges.\n"
    )
    assert _facts(text, Event) == []


def test_a_subdivision_that_is_a_town_can_be_a_partner() -> None:
    from twinning.extraction import Partnership

    text = (
        "https://www.example.de/aktuelles/2023-06-02\n\n"
        "Gäste in Erfurt\n"
        "Im Mai besuchte eine Delegation aus der lettischen Partnerstadt Jūrmala die Stadt "
        "Erfurt.\nDie Städtepartnerschaft besteht seit 1994.\n"
    )
    found = [(p.a, p.b, p.since) for p in _facts(text, Partnership)]
    assert found == [("Erfurt", "Jūrmala", "1994")]


def _visits(text: str) -> list[tuple]:
    return [
        (e.event, e.date, e.end_date, e.origin, e.destination)
        for e in extract(text)
        if isinstance(e, Event)
    ]


def test_guests_from_a_partner_town_for_a_range_with_bis() -> None:
    text = (
        "https://www.example.de/aktuelles/2019-10-08\n\n"
        "Vom 2. bis 6. September waren Schüler aus der Partnerstadt Pärnu zu Gast in Kiel.\n"
    )
    assert _visits(text) == [("delegation_visit", "2019-09-02", "2019-09-06", "Pärnu", "Kiel")]


def test_a_weekday_with_its_article_and_a_town_named_twice() -> None:
    text = (
        "https://www.example.se/nyheter/2018-06-12\n\n"
        "Delegation från Xi'an på besök\n"
        "På måndagen tog ordföranden i Örebro emot en delegation från vänorten Xi'an.\n"
    )
    (visit,) = _visits(text)
    assert visit[1] == "2018-06-11" and visit[3] == "Xi'an"


def test_the_trip_takes_its_places_from_the_sentence_before_and_a_surname_is_no_town() -> None:
    text = (
        "https://www.example.no/nyheter/2016-03-04\n\n"
        "Ordfører Kari Anne Moss reiser neste uke til vennskapsbyen Ningbo.\n"
        "Turen varer fra 10. til 16. mars.\n"
    )
    assert _visits(text) == [("delegation_visit", "2016-03-10", "2016-03-16", None, "Ningbo")]


def test_the_day_a_stay_ends_is_not_when_it_began() -> None:
    text = (
        "https://www.example.com/news/2017-07-21\n\n"
        "The mayor welcomed a delegation from sister city Kofu on Wednesday.\n"
        "The visitors will stay in Lodi until July 24.\n"
    )
    assert [v[1] for v in _visits(text)] == ["2017-07-19"]


def test_a_chinese_town_name_ends_at_its_unit() -> None:
    text = (
        "https://www.example.cn/news/2019-04/03/c_2.htm\n\n"
        "4月2日，市长会见了来访的德国不来梅市副市长一行。\n"
    )
    assert [v[3] for v in _visits(text)] == ["不来梅市"]


def test_a_persons_organisation_is_where_they_belong_not_where_they_go() -> None:
    from twinning.extraction import Person

    text = (
        "https://www.example.no/nyheter/2016-03-04\n\n"
        "Ordfører Kari Holm reiser neste uke til vennskapsbyen Ningbo.\n"
        "Am Freitag haben Oberbürgermeister Uwe Berg und der Bürgermeister von Sopot "
        "unterzeichnet.\n"
        "Governor Li Wei of the Qixia district in Nanjing came too.\n"
    )
    people = {p.name: p.org for p in extract(text) if isinstance(p, Person)}
    assert people["Kari Holm"] is None
    assert people["Uwe Berg"] is None
    assert people["Li Wei"] and people["Li Wei"].startswith("Qixia")
