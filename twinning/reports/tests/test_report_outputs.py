import io
import json
import re

import docx
import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from twinning.reports.charts import svg_to_png
from twinning.reports.documents import render_report, report_document
from twinning.reports.selectors import EVERYONE, report_content

pytestmark = pytest.mark.django_db

IN_PERIOD = [
    "Network meeting in Vejle",
    "Teacher exchange from Furen",
    "Learning EXPO II",
    "Brochure in Chinese and English",
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_page_shows_every_section_and_only_the_period(client, setting):
    response = client.get(reverse("reports:detail", args=[setting["report"].pk]))
    page = response.content.decode()
    for section in (
        "summary",
        "history",
        "results",
        "overview",
        "charts",
        "institutions",
        "projects",
        "goals",
        "budget",
        "alignment",
        "recommendation",
        "sources",
    ):
        assert f'id="{section}"' in page
    for title in IN_PERIOD:
        assert title in page
    assert "Outside the period" not in page and "Another partnership" not in page
    assert "Renew for three years." in page and "Door opener for companies" in page
    assert "partly met" in page and "Renewal 2013" in page
    assert "24.10.–25.10.: Learning EXPO II" in page


def test_private_report_is_hidden_and_editing_needs_the_owner(client, setting):
    report = setting["report"]
    report.is_public = False
    report.save()
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404
    assert client.get(f"/api/reports/{report.pk}").status_code == 404
    assert client.get(reverse("reports:update", args=[report.pk])).status_code == 302
    client.force_login(setting["editor"])
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 200
    response = client.post(
        reverse("reports:update", args=[report.pk]),
        {
            "partnership": report.partnership_id,
            "party": report.party_id,
            "from_year": 2013,
            "to_year": 2014,
            "language": "da",
            "summary": "Ny tekst",
            "recommendation": "",
            "owner": setting["org"].pk,
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.summary == "Ny tekst" and report.language == "da"


def test_pdf_has_contents_with_page_numbers_and_every_activity(setting):
    data = report_document(user=EVERYONE, report=setting["report"], fmt="pdf")
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    contents = next(text for text in pages if "Contents" in text)
    entry = re.search(r"Appendix: activity overview by month\s*\.+\s*(\d+)", contents)
    assert entry, contents
    target = int(entry.group(1))
    assert pages[target - 1].lstrip().startswith("Appendix: activity overview by month")
    assert f"{target} / {len(pages)}" in pages[target - 1]
    text = _squash("".join(pages))
    for title in IN_PERIOD:
        assert _squash(title) in text


def test_docx_has_headings_tables_and_every_activity(setting):
    data = report_document(user=EVERYONE, report=setting["report"], fmt="docx")
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Appendix: activity overview by month"
    assert "Budget and resources" in headings
    assert 'TOC \\o "1-2"' in document.element.xml
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    for title in IN_PERIOD:
        assert title in cells
    assert "Outside the period" not in cells


def test_chart_numbers_match_in_svg_and_docx(setting):
    content = report_content(user=EVERYONE, report=setting["report"])
    bars = re.findall(
        r'data-series="([^"]*)" data-category="([^"]*)" data-value="(\d+)"', content.chart_svg
    )
    svg_numbers = [{"series": s, "category": c, "value": int(v)} for s, c, v in bars]
    assert {"series": "2013", "category": "education", "value": 1} in svg_numbers
    assert {"series": "2014", "category": "overall project", "value": 1} in svg_numbers
    document = docx.Document(io.BytesIO(render_report(content, "docx")))
    picture = document.inline_shapes[0]
    assert json.loads(picture._inline.docPr.get("descr")) == svg_numbers
    blip = picture._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[blip].blob == svg_to_png(content.chart_svg)


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_command_writes_each_format(setting, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    call_command(
        "report",
        "evaluation",
        "--party",
        "ballerup",
        "--partner",
        "无锡",
        "--from",
        "2013",
        "--to",
        "2014",
        "--lang",
        "en",
        "--format",
        fmt,
        "-o",
        str(out),
    )
    data = out.read_bytes()
    magic = {"html": b"<!DOCTYPE html>", "pdf": b"%PDF", "docx": b"PK"}[fmt]
    assert data.startswith(magic)
    if fmt == "html":
        assert "Renew for three years." in data.decode()  # the stored report's text


def test_command_names_an_unknown_place(setting, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--partner"):
        call_command(
            "report",
            "evaluation",
            "--party",
            "Ballerup",
            "--partner",
            "Atlantis",
            "--from",
            "2013",
            "--to",
            "2014",
            "-o",
            str(tmp_path / "x.pdf"),
        )


def test_downloads_and_api_with_bounded_queries(client, setting, django_assert_max_num_queries):
    pk = setting["report"].pk
    response = client.get(reverse("reports:docx", args=[pk]))
    assert response["Content-Type"].endswith("wordprocessingml.document")
    with django_assert_max_num_queries(4):
        listing = client.get("/api/reports").json()
    assert listing["count"] == 1
    with django_assert_max_num_queries(40):
        detail = client.get(f"/api/reports/{pk}").json()
    assert {"area": "education", "year": 2013, "count": 1} in detail["activity_counts"]
    assert detail["recommended_focus"] == ["water"]
    with django_assert_max_num_queries(40):
        assert client.get(reverse("reports:detail", args=[pk])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("reports:list")).status_code == 200
