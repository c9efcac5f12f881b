from __future__ import annotations

from pathlib import Path

import pytest

from twinning.extraction.documents import DocumentError, load_document, load_paths
from twinning.extraction.language import detect_language


def test_txt_text_is_kept_exactly_as_python_reads_it(examples: Path) -> None:
    path = examples / "report_da.txt"
    doc = load_document(path)
    with open(path, encoding="utf-8") as handle:
        assert doc.text == handle.read()


def test_html_keeps_main_content_and_drops_navigation_banner_footer_and_script(
    examples: Path,
) -> None:
    text = load_document(examples / "page_with_chrome.html").text
    assert "renewed the sister city agreement" in text
    for dropped in (
        "SCRIPT-SHOULD-BE-DROPPED",
        "COOKIE-BANNER-TEXT",
        "NAV-LINK-NEWS",
        "FOOTER-CONTACT-TEXT",
    ):
        assert dropped not in text


def test_pdf_text_layer_is_read(text_pdf: Path) -> None:
    text = load_document(text_pdf).text
    assert "Vejle and Wenzhou signed a sister city agreement" in text


def test_broken_pdf_raises_document_error_naming_the_file(examples: Path) -> None:
    with pytest.raises(DocumentError) as info:
        load_document(examples / "broken.pdf")
    assert "broken.pdf" in str(info.value)


def test_binary_file_with_text_extension_raises_document_error(examples: Path) -> None:
    with pytest.raises(DocumentError, match="binary"):
        load_document(examples / "binary_with_text_extension.txt")


def test_empty_pdf_raises_document_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(DocumentError, match="empty"):
        load_document(path)


def test_folder_yields_supported_documents_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Bravo text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Alpha text.", encoding="utf-8")
    (tmp_path / "ignored.docx").write_bytes(b"PK")
    names = [d.name for d in load_paths([tmp_path])]
    assert names == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Borgmesteren har underskrevet en samarbejdsaftale med byen i dag.", "da"),
        ("The mayor signed a cooperation agreement with the city today.", "en"),
        ("Kommunen har tecknat ett samarbetsavtal med staden i dag.", "sv"),
        ("Die Stadt hat heute einen Partnerschaftsvertrag unterzeichnet.", "de"),
        ("无锡市与丹麦城市签署了合作协议", "zh"),
    ],
)
def test_language_is_identified(text: str, code: str) -> None:
    assert detect_language(text) == code
