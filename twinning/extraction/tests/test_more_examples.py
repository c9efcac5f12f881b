"""Documents beyond the seeds: other towns, countries, languages and wordings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from twinning.extraction.dates import find_dates
from twinning.extraction.documents import Document, load_document
from twinning.extraction.facts import Amount, Event, Fact, Partnership, Person
from twinning.extraction.pipeline import extract
from twinning.extraction.segments import segments


def _facts(path: Path) -> list[Fact]:
    document = load_document(path)
    facts = extract(document)
    for fact in facts:
        assert document.text[fact.start : fact.end] == fact.evidence
    return facts


def _of(facts: list[Fact], kind: type) -> list:
    return [f for f in facts if isinstance(f, kind)]


def _people(facts: list[Fact]) -> set[tuple[str, str, str | None]]:
    return {(p.name, p.role.lower(), p.org) for p in _of(facts, Person)}


@pytest.fixture(scope="module")
def visit(examples_dir: Path) -> list[Fact]:
    return _facts(examples_dir / "delegation_visit_en.txt")


@pytest.fixture(scope="module")
def renewal(examples_dir: Path) -> list[Fact]:
    return _facts(examples_dir / "council_renewal_da.txt")


@pytest.fixture(scope="module")
def anniversary(examples_dir: Path) -> list[Fact]:
    return _facts(examples_dir / "friendship_news_da.txt")


@pytest.fixture(scope="module")
def memorandum(examples_dir: Path) -> list[Fact]:
    return _facts(examples_dir / "memorandum_news_en.txt")


@pytest.fixture(scope="module")
def examples_dir() -> Path:
    return Path(__file__).parent / "examples"


# -- a Swedish town and its Polish sister city, told in English ---------------------------


def test_visit_gives_sister_city_with_year_of_signing(visit: list[Fact]) -> None:
    (p,) = _of(visit, Partnership)
    assert {p.a, p.b} == {"Linköping Municipality", "Lublin"}
    assert {p.a_country, p.b_country} == {"SE", "PL"}
    assert (p.relation, p.since, p.status) == ("sister_city", "2003", "active")


def test_visit_gives_mayor_and_deputy_mayor_with_polish_letters(visit: list[Fact]) -> None:
    people = {(name, role) for name, role, _ in _people(visit)}
    assert ("Krzysztof Żuk", "mayor") in people
    assert ("Beata Stepaniuk-Kuśmierzak", "deputy mayor") in people
    assert ("Lars Vikinge", "mayor") in people
    assert ("Anna Lindqvist", "project manager", "Linköping Municipality") in _people(visit)


def test_visit_over_several_days_is_one_dated_range(visit: list[Fact]) -> None:
    events = {(e.event, e.date, e.end_date) for e in _of(visit, Event)}
    assert ("delegation_visit", "2023-10-02", "2023-10-05") in events
    assert ("meeting", "2023-10-04", None) in events


def test_visit_amount_range_in_swedish_kronor(visit: list[Fact]) -> None:
    (a,) = _of(visit, Amount)
    assert (a.amount_min, a.amount_max, a.currency) == (1_500_000, 2_000_000, "SEK")
    assert (a.what, a.year) == ("budget", 2024)


# -- a Danish council paper renewing an agreement ---------------------------------------


def test_renewal_keeps_the_year_the_partnership_began(renewal: list[Fact]) -> None:
    (p,) = _of(renewal, Partnership)
    assert {p.a, p.b} == {"Aarhus Kommune", "Rostock"}
    assert (p.relation, p.since, p.b_country) == ("sister_city", "1992", "DE")


def test_renewal_people_and_their_organisations(renewal: list[Fact]) -> None:
    people = _people(renewal)
    # The mayor's organisation is not the partner named after "og".
    assert ("Jacob Bundsgaard", "borgmester", None) in people
    assert ("Claus Ruhe Madsen", "overborgmester", "Rostock") in people
    assert ("Mette Skov", "chefkonsulent", "Borgmesterens Afdeling") in people


def test_renewal_signings_and_budget(renewal: list[Fact]) -> None:
    signings = {e.date for e in _of(renewal, Event) if e.event == "signing"}
    assert {"2017-05-03", "2022-02-28"} <= signings
    (a,) = _of(renewal, Amount)
    assert (a.amount_min, a.amount_max, a.currency, a.what) == (200_000, 350_000, "DKK", "budget")


# -- a Danish news item on a Chinese cooperation partner --------------------------------


def test_anniversary_gives_cooperation_agreement_with_focus(anniversary: list[Fact]) -> None:
    (p,) = _of(anniversary, Partnership)
    assert {p.a, p.b} == {"Kolding Kommune", "Shaoxing"}
    assert (p.relation, p.since) == ("cooperation_agreement", "2011")
    assert {"business", "education", "health"} <= set(p.focus)


def test_anniversary_people_with_place_and_two_roles(anniversary: list[Fact]) -> None:
    people = _people(anniversary)
    assert ("Wang Lei", "viceborgmester", "Shaoxing") in people
    assert ("Knud Erik Langhoff", "borgmester", "Kolding Kommune") in people
    assert ("Anne Marie Christensen", "byrådsmedlem", None) in people
    roles = {role for name, role, _ in people if name == "Pia Holm"}
    assert roles == {"projektleder", "koordinator"}


def test_days_just_after_the_news_date_stay_in_its_year(anniversary: list[Fact]) -> None:
    events = {(e.event, e.date) for e in _of(anniversary, Event)}
    assert ("meeting", "2021-09-22") in events
    assert ("signing", "2021-09-23") in events
    (a,) = _of(anniversary, Amount)
    assert (a.amount_min, a.year) == (400_000, 2022)


# -- a German city and a Chinese city sign a memorandum ----------------------------------


def test_memorandum_dated_by_a_later_sentence(memorandum: list[Fact]) -> None:
    (p,) = _of(memorandum, Partnership)
    assert {p.a.split(",")[0], p.b} == {"Qingdao", "Regensburg"}
    assert (p.relation, p.since) == ("memorandum", "2019-05-06")


def test_memorandum_people_events_and_amount(memorandum: list[Fact]) -> None:
    people = _people(memorandum)
    assert ("Gertrud Maltz-Schwarzfischer", "lord mayor", None) in people
    assert ("Liu Mingjun", "vice mayor", "Qingdao") in people
    events = {(e.event, e.date) for e in _of(memorandum, Event)}
    assert ("signing", "2019-05-06") in events
    assert ("delegation_visit", "2019-09") in events
    (a,) = _of(memorandum, Amount)
    assert (a.amount_min, a.currency) == (150_000, "EUR")


# -- rules the examples needed -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "end"),
    [
        ("visited from 2 to 5 October 2023", "2023-10-02", "2023-10-05"),
        ("besøget fra 14. til 16. juni 2019", "2019-06-14", "2019-06-16"),
        ("on 7 and 8 March 2020", "2020-03-07", "2020-03-08"),
    ],
)
def test_day_ranges_written_with_words(text: str, value: str, end: str) -> None:
    (d,) = find_dates(text)
    assert (d.value, d.end_value) == (value, end)


def test_date_without_year_soon_after_the_text_date_is_announced() -> None:
    reference = dt.date(2021, 9, 21)
    (soon,) = find_dates("mødes den 22. september", reference=reference)
    (past,) = find_dates("mødtes den 30. december", reference=reference)
    assert (soon.value, past.value) == ("2021-09-22", "2020-12-30")


def test_a_year_before_a_full_stop_ends_the_sentence() -> None:
    text = "The visit took place in 2023. The partnership dates from 2003."
    assert len(segments(text)) == 2
    assert len(segments("Mødet er den 2. Oktober i Vejle.")) == 1


def test_role_place_and_name_without_comma() -> None:
    text = "Aftalen blev underskrevet af Kommunaldirektør i Horsens Lise Berg og andre.\n"
    people = {(p.name, p.role, p.org) for p in _of(extract(Document.from_text(text)), Person)}
    assert ("Lise Berg", "Kommunaldirektør", "Horsens") in people


def test_two_roles_before_a_name_give_two_records() -> None:
    text = (
        "Mødet blev ledet af tovholder for Skolenetværket og rektor på Viby Gymnasium, "
        "Karen Holt Madsen, som takkede alle.\n"
    )
    people = {(p.name, p.role) for p in _of(extract(Document.from_text(text)), Person)}
    assert {("Karen Holt Madsen", "tovholder"), ("Karen Holt Madsen", "rektor")} <= people


def test_signature_roles_closer_together_than_names() -> None:
    text = (
        "Aftalen er indgået 1. juni 2020.\n\n"
        "Hans Peter Hansen          Li Ming Zhao\n\n"
        "   Borgmester    Viceborgmester\n\n"
        "Vejle Kommune              Ningbo\n"
    )
    people = {(p.name, p.role, p.org) for p in _of(extract(Document.from_text(text)), Person)}
    assert ("Hans Peter Hansen", "Borgmester", "Vejle Kommune") in people
    assert ("Li Ming Zhao", "Viceborgmester", "Ningbo") in people


def test_a_name_that_is_also_a_place_is_no_organisation() -> None:
    text = (
        "Seven pairs of cities signed agreements in Beijing.\n"
        "Mayor Robert Young of Augusta, Georgia and Vice Mayor Ziyu Ye of Lanxi were signing.\n"
        "Mayor David Baxter of Vejle and Mayor Tianjun Wu of Jiande were signing.\n"
    )
    people = {(p.name, p.org) for p in extract(text) if isinstance(p, Person)}
    assert ("Robert Young", "Augusta") in people
    assert ("David Baxter", "Vejle") in people
