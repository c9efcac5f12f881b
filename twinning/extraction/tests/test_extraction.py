from __future__ import annotations

import json
from pathlib import Path

from twinning.extraction.cli import main
from twinning.extraction.documents import Document, load_document
from twinning.extraction.facts import Amount, Event, InstitutionPair, Partnership, Person
from twinning.extraction.pipeline import extract


def _facts(path: Path, kind: type) -> list:
    return [f for f in extract(load_document(path)) if isinstance(f, kind)]


def test_every_fact_is_grounded_in_the_text(examples: Path) -> None:
    for name in ("signing_news_en.txt", "report_da.txt", "page_with_chrome.html"):
        doc = load_document(examples / name)
        facts = extract(doc)
        assert facts
        for fact in facts:
            assert doc.text[fact.start : fact.end] == fact.evidence


def test_signing_news_gives_partnership_with_kind_and_countries(examples: Path) -> None:
    (p,) = _facts(examples / "signing_news_en.txt", Partnership)
    assert {p.a, p.b} == {"Odense", "Ningbo"}
    assert p.relation == "cooperation_agreement"
    assert (p.a_country, p.b_country) == ("DK", "CN")


def test_signing_news_gives_mayor_and_vice_mayor(examples: Path) -> None:
    people = {(p.name, p.role.lower()) for p in _facts(examples / "signing_news_en.txt", Person)}
    assert ("Peter Rahbæk Juel", "mayor") in people
    assert ("Chen Hong", "vice mayor") in people
    assert ("Anna Holm", "project manager") in people


def test_signing_news_gives_dated_signing_event(examples: Path) -> None:
    events = _facts(examples / "signing_news_en.txt", Event)
    signing = [e for e in events if e.event == "signing"]
    assert signing and signing[0].date == "2019-03-14"


def test_amount_in_english_news(examples: Path) -> None:
    (a,) = _facts(examples / "signing_news_en.txt", Amount)
    assert (a.amount_min, a.currency) == (2_500_000, "DKK")


def test_report_gives_sister_city_and_cooperation_partnerships(examples: Path) -> None:
    found = {(p.a, p.b, p.relation) for p in _facts(examples / "report_da.txt", Partnership)}
    assert ("Vestkredsen", "Yangzhou", "cooperation_agreement") not in found  # unknown group
    assert ("Holbæk Kommune", "Weihai", "sister_city") in found


def test_report_amounts_read_danish_numbers(examples: Path) -> None:
    values = {(a.amount_min, a.amount_max) for a in _facts(examples / "report_da.txt", Amount)}
    assert values == {(500_000, 500_000), (20_000_000, 40_000_000)}


def test_report_person_with_danish_role_and_place(examples: Path) -> None:
    (p,) = _facts(examples / "report_da.txt", Person)
    assert (p.name, p.role, p.org) == ("Mette Sørensen", "kommunaldirektør", "Holbæk")


def test_activity_table_rows_become_dated_events_with_area(examples: Path) -> None:
    events = [e for e in _facts(examples / "report_da.txt", Event) if e.area]
    got = {(e.date, e.end_date, e.area) for e in events}
    assert ("2016-03-03", None, "overall") in got
    assert ("2016-03-09", "2016-03-12", "overall") in got
    assert ("2016-03-14", "2016-03-20", "education") in got  # uge 11
    assert ("2016-04", "2016-05", "overall") in got  # APRIL OG MAJ, no day
    assert ("2016-04-14", "2016-04-18", "education") in got
    assert len(events) == 5


def test_table_entry_event_types_follow_the_wording(examples: Path) -> None:
    events = {e.date: e.event for e in _facts(examples / "report_da.txt", Event) if e.area}
    assert events["2016-03-03"] == "meeting"
    assert events["2016-03-09"] == "delegation_visit"
    assert events["2016-03-14"] == "exchange"


def test_partner_school_table_gives_institution_pairs() -> None:
    text = (
        "Skolenetværk i Holbæk \n\nSamarbejdspartnere i Weihai \n\n"
        "Holbæk Gymnasium \n\nWeihai No 1 High School \n\n"
        "Kalundborg Yuying Primary School \n\nHaigang Middle School \n\n"
        "Aktiviteterne har været mange og gode i hele perioden, og vi fortsætter.\n"
    )
    pairs = {
        (f.a, f.b)
        for f in extract(Document.from_text(text, "x.txt"))
        if isinstance(f, InstitutionPair)
    }
    assert pairs == {
        ("Holbæk Gymnasium", "Weihai No 1 High School"),
        ("Kalundborg", "Yuying Primary School"),
        ("Kalundborg", "Haigang Middle School"),
    }


def test_terminated_partnership_has_status_and_end_date() -> None:
    text = (
        "A sister city relationship with Rostock, Germany was terminated by the Vejle "
        "City Council on the 9th of march 2022.\n"
    )
    (p,) = [f for f in extract(Document.from_text(text)) if isinstance(f, Partnership)]
    assert (p.status, p.ended, p.b) == ("terminated", "2022-03-09", "Rostock")


def test_html_page_partnership_and_renewal(examples: Path) -> None:
    facts = extract(load_document(examples / "page_with_chrome.html"))
    partnerships = [f for f in facts if isinstance(f, Partnership)]
    assert [(p.a, p.b, p.relation) for p in partnerships] == [("Kolding", "Lahti", "sister_city")]
    assert any(isinstance(f, Event) and f.date == "2021-06-03" for f in facts)


def test_cli_prints_jsonl_records_in_gold_format(examples: Path, capsys) -> None:  # noqa: ANN001
    status = main([str(examples / "signing_news_en.txt"), "--format", "jsonl"])
    assert status == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    partnership = next(r for r in records if r["type"] == "partnership")
    assert list(partnership) == [
        "doc",
        "type",
        "a",
        "a_country",
        "b",
        "b_country",
        "kind",
        "since",
        "status",
        "ended",
        "focus",
        "evidence",
        "start",
        "end",
    ]
    assert partnership["doc"] == "signing_news_en.txt"
    event = next(r for r in records if r["type"] == "event")
    assert {"from", "to", "date", "end_date", "area", "title", "event"} <= set(event)


def test_cli_show_text_prints_normalised_text(examples: Path, capsys) -> None:  # noqa: ANN001
    assert main(["--show-text", str(examples / "page_with_chrome.html")]) == 0
    out = capsys.readouterr().out
    assert "Kolding renews" in out or "Kolding and Lahti" in out
    assert "FOOTER-CONTACT-TEXT" not in out


def test_cli_reports_broken_file_with_nonzero_status(examples: Path, capsys) -> None:  # noqa: ANN001
    assert main([str(examples / "broken.pdf")]) == 1
    assert "broken.pdf" in capsys.readouterr().err


def test_extraction_package_does_not_import_django() -> None:
    import subprocess
    import sys

    code = (
        "import sys, twinning.extraction.cli, twinning.extraction.pipeline; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
