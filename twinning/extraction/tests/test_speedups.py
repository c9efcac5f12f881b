"""The fast paths give what the plain scans they replace would give."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from twinning.extraction import gazetteer as gazetteer_module
from twinning.extraction import scan
from twinning.extraction.bench import measure
from twinning.extraction.dates import find_dates
from twinning.extraction.language import _vote, detect_language
from twinning.extraction.money import find_money

TEXT = (
    "Odense og Ningbo underskrev den 14. marts 2019 en samarbejdsaftale. Budgettet er "
    "mellem 1,5 og 2 mio. kr. i 2020 og DKK 300.000 i 2021; besøget fandt sted 2.-5. maj "
    "og i uge 34. Samarbejdet, der blev indgået i 2015, omfatter vand og affald.\n"
)


def test_match_at_trigger_words_equals_finditer() -> None:
    pattern = re.compile(r"(?<![\w])(?:mio|mellem|maj)\w*")
    low = scan.lowered(TEXT)
    starts = [m.start() for m in re.finditer(r"m", low)]
    assert [m.span() for m in scan.match_at(pattern, low, starts)] == [
        m.span() for m in pattern.finditer(low)
    ]


def test_windows_merge_when_they_touch() -> None:
    assert scan.windows([10, 30, 100], 5, 20, 200) == [(5, 50), (95, 120)]


def test_lowered_text_keeps_offsets_when_lower_case_grows() -> None:
    text = "İstanbul and Aarhus"
    assert len(scan.lowered(text)) == len(text)
    assert scan.lowered(text).endswith("aarhus")


def test_dates_found_at_trigger_positions() -> None:
    values = [(d.value, d.end_value) for d in find_dates(TEXT)]
    assert ("2019-03-14", None) in values
    assert ("2021", None) in values
    weeks = [d for d in find_dates(TEXT, default_year=2019) if d.form == "week"]
    assert [(d.value, d.end_value) for d in weeks] == [("2019-08-19", "2019-08-25")]


def test_money_found_near_currency_words() -> None:
    found = [(m.amount_min, m.amount_max, m.currency) for m in find_money(TEXT)]
    assert found == [(1_500_000, 2_000_000, "DKK"), (300_000, 300_000, "DKK")]


DANISH = (
    "Aftalen blev underskrevet af borgmesteren, og samarbejdet mellem de to byer er meget "
    "vigtigt. Hvad der sker nu, afhænger af byrådet. "
) * 3
ENGLISH = (
    "The city council decided that the agreement with the partner city will be renewed for "
    "five years, and the mayor was asked to sign it. "
) * 3


NORWEGIAN = (
    "Avtalen ble signert av ordføreren i Bergen, og samarbeidet mellom byene er viktig. "
    "Det har blitt mye bedre nå."
)
SWEDISH = (
    "Avtalet undertecknades av kommunalrådet och samarbetet mellan städerna är viktigt för "
    "att det har blivit bättre."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [(DANISH, "da"), (ENGLISH, "en"), (NORWEGIAN, "nb"), (SWEDISH, "sv")],
)
def test_function_words_decide_clear_languages(text: str, code: str) -> None:
    assert _vote(text) == code
    assert detect_language(text) == code


def test_too_few_function_words_leave_the_language_open() -> None:
    assert _vote("Odense og Ningbo, 2019") is None


def test_gazetteer_cache_file_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = gazetteer_module.gazetteer()
    monkeypatch.setenv("TWINNING_CACHE_DIR", str(tmp_path))
    path = gazetteer_module._cache_file()
    assert path is not None and path.parent == tmp_path
    gazetteer_module._store(path, built)
    loaded = gazetteer_module._load_cached(path)
    assert loaded is not None
    assert loaded.names == built.names
    assert [m.place.id for m in loaded.find("Aarhus og Københavns Kommune")] == [
        m.place.id for m in built.find("Aarhus og Københavns Kommune")
    ]


def test_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer-x.pickle"
    path.write_bytes(b"not a pickle")
    assert gazetteer_module._load_cached(path) is None


def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWINNING_CACHE_DIR", "")
    assert gazetteer_module._cache_file() is None


def test_measure_reports_speed_and_memory(examples: Path) -> None:
    figures = measure(
        [examples / "signing_news_en.txt", examples / "report_da.txt"],
        rounds=1,
        min_pages=1,
        compare_spacy=False,
        startup=False,
    )
    assert figures["pages"] >= 1
    assert figures["pages_per_s"] > 0 and figures["peak_rss_mb"] > 0
    assert figures["facts"] > 0
