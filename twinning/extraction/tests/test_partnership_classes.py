"""Dash lists, "twinned with", endings told after the tie, signings still to come."""

from __future__ import annotations

import datetime as dt

import pytest

from twinning.extraction import Event, Partnership, extract
from twinning.extraction.dates import address_date, find_dates


def _pairs(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(p.a, p.b, p.status, p.since) for p in extract(text) if isinstance(p, Partnership)]


def test_every_item_of_a_dash_list_is_a_partner_a_home_town_too() -> None:
    text = (
        "Partnerstädte\n\n"
        "Die Stadt Lüneburg pflegt folgende Städtepartnerschaften:\n"
        "- Clamart (Frankreich), seit 1962\n"
        "- Scunthorpe (England), seit 1976\n"
        "- Köthen (Sachsen-Anhalt), seit 1991\n"
    )
    assert sorted(_pairs(text)) == [
        ("Lüneburg", "Clamart", "active", "1962"),
        ("Lüneburg", "Köthen (Sachsen-Anhalt)", "active", "1991"),
        ("Lüneburg", "Scunthorpe", "active", "1976"),
    ]


def test_twinned_with_and_an_ending_told_after_the_tie() -> None:
    text = (
        "https://www.example.gov.uk/news/2019/06/12\n\n"
        "Exeter is twinned with Rennes in France and Yaroslavl in Russia. In 2022 the "
        "council agreed to end the twinning with Yaroslavl.\n"
    )
    assert sorted(_pairs(text)) == [
        ("Exeter", "Rennes", "active", None),
        ("Exeter", "Yaroslavl", "terminated", None),
    ]


def test_a_tie_whose_agreement_is_still_to_be_signed_stays_open() -> None:
    text = (
        "https://www.example.dk/nyheder/2022-08-30-venskabsby\n\n"
        "Byrådet stemte i aftes for at gøre Gent til Aarhus' nye venskabsby. Aftalen skal "
        "underskrives den 15. september i Gent.\n"
    )
    assert [(a, b, status) for a, b, status, _ in _pairs(text)] == [("Aarhus", "Gent", "unknown")]
    events = [(e.event, e.date) for e in extract(text) if isinstance(e, Event)]
    assert events == [("signing", "2022-09-15")]


def test_an_ended_tie_keeps_the_date_it_began() -> None:
    text = (
        "https://www.example.gov.cn/art/2021/5/20/art_1.html\n\n"
        "青岛市决定终止与芬兰图尔库市的友好城市关系。\n"
        "两市于1996年5月12日签署协议，正式结为友好城市。\n"
    )
    assert _pairs(text)[0][2:] == ("terminated", "1996-05-12")


def test_an_address_without_leading_zeros_dates_the_page() -> None:
    assert address_date("https://www.example.gov.cn/art/2021/5/20/art_1.html\n") == dt.date(
        2021, 5, 20
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("den 3 februari 2020", "2020-02-03"),
        ("17. desember 2019", "2019-12-17"),
        ("am 14. März 2020", "2020-03-14"),
    ],
)
def test_month_names_of_every_language_read(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text)] == [value]


def test_nynorsk_ties_and_since() -> None:
    text = (
        "https://www.example.no/aktuelt/2017-05-10\n\n"
        "Molde kommune har hatt vennskapsband med Ringsted i Danmark sidan 1952.\n"
    )
    assert [(b, since) for _, b, _, since in _pairs(text)] == [("Ringsted", "1952")]


def test_a_table_of_twin_towns_with_the_country_in_a_cell() -> None:
    text = (
        "Venskabsbyer\n\n"
        "Vejle Kommune har følgende venskabsbyer:\n\n"
        "By | Land | Siden\n"
        "Kotka | Finland | 1947\n"
        "Anyang | Sydkorea | 2006\n"
    )
    assert sorted(
        (p.b, p.b_country, p.since) for p in extract(text) if isinstance(p, Partnership)
    ) == [
        ("Anyang", "KR", "2006"),
        ("Kotka", "FI", "1947"),
    ]


def test_chinese_list_of_towns_with_their_countries_in_brackets() -> None:
    text = (
        "https://www.example.gov.cn/news/2018/9/14/x.html\n\n"
        "杭州市已与以下城市结为国际友好城市：\n"
        "威尼斯（意大利，1980年）\n"
        "波特兰（美国，1988年）\n"
    )
    found = sorted((p.b, p.b_country, p.since) for p in extract(text) if isinstance(p, Partnership))
    assert found == [("威尼斯", "IT", "1980"), ("波特兰", "US", "1988")]


def test_a_vote_to_twin_with_a_charter_still_to_sign() -> None:
    text = (
        "https://www.example.co.uk/news/2023-03-02-twinning\n\n"
        "Perth Council voted on Tuesday to twin the city with Nelson in New Zealand. The "
        "charter will be signed on 15 September.\n"
    )
    assert [(a, b, status) for a, b, status, _ in _pairs(text)] == [("Perth", "Nelson", "unknown")]
    events = [(e.event, e.date) for e in extract(text) if isinstance(e, Event)]
    assert events == [("signing", "2023-09-15")]


def test_gathering_of_twin_towns_is_a_meeting() -> None:
    text = (
        "https://www.example.se/nyheter/2022-09-30\n\n"
        "Den 20–22 september samlades representanter för vänorterna Falun och Drammen i Falun.\n"
    )
    events = [(e.event, e.date, e.end_date) for e in extract(text) if isinstance(e, Event)]
    assert events == [("meeting", "2022-09-20", "2022-09-22")]


def test_a_ties_age_in_a_dated_text_gives_the_year_it_began() -> None:
    text = (
        "https://www.example.dk/nyheder/2024-05-21-besoeg\n\n"
        "I går rejste en delegation fra Vejle til venskabsbyen Nanning i Kina. Vejle og "
        "Nanning kan i år fejre 30 års venskab.\n"
    )
    assert [(b, since) for _, b, _, since in _pairs(text)] == [("Nanning", "1994")]


def test_an_ending_told_without_the_home_town_ends_the_tie_told_elsewhere() -> None:
    text = (
        "https://www.example.dk/nyheder/2023-11-02\n\n"
        "Byrådet har besluttet at opsige venskabsbysamarbejdet med Kaliningrad. Holstebro "
        "har været venskabsby med Kaliningrad siden 1990.\n"
    )
    assert _pairs(text) == [("Holstebro", "Kaliningrad", "terminated", "1990")]


def test_the_two_cities_are_the_pair_of_the_sentence_before() -> None:
    text = (
        "https://www.news.example.cn/2024-05/21/c_1.htm\n\n"
        "2024年5月20日，宁波市与丹麦欧登塞市代表团举行会谈。两市于1992年结为友好城市。\n"
    )
    found = [(p.a, p.b, p.since) for p in extract(text) if isinstance(p, Partnership)]
    assert found == [("宁波市", "欧登塞市", "1992")]


def test_a_municipal_site_names_the_home_the_text_calls_we() -> None:
    text = (
        "http://www.bengtsfors.se/nyheter/2016-08-15-besok.html\n\n"
        "Besök från vår vänort\n\n"
        "I somras fick vi besök av representanter från vår vänort Wuzhou.\n"
    )
    assert [(a, b) for a, b, _, _ in _pairs(text)] == [("Bengtsfors", "Wuzhou")]


def test_a_double_first_name_is_no_place() -> None:
    from twinning.extraction.gazetteer import find_places

    text = "Från kommunen deltog Anna-Greta Strömberg."
    assert [m.surface for m in find_places(text)] == []


def test_a_lead_word_in_capitals_is_read_as_a_name() -> None:
    from twinning.extraction.gazetteer import find_places

    text = "AARHUS will sign a new agreement with Kobe next year."
    assert [m.place.name for m in find_places(text)][:1] == ["Aarhus"]


def test_a_report_on_several_towns_pairs_each_sentence_with_its_paragraphs_town() -> None:
    text = (
        "Hannover - Viele Kommunen halten an Partnerschaften fest.\n\n"
        "Göttingen pflegt seit 1990 eine Städtepartnerschaft mit der Stadt Pau.\n\n"
        "Oldenburg will daran festhalten. Seit 25 Jahren besteht eine Partnerschaft mit "
        "der Stadt Cholet.\n"
    )
    assert sorted((a, b) for a, b, _, _ in _pairs(text)) == [
        ("Göttingen", "Pau"),
        ("Oldenburg", "Cholet"),
    ]
