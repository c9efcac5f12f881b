"""Shared fixtures for the extraction tests (plain pytest, no Django)."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent / "examples"


def _pdf_with_text(lines: list[str]) -> bytes:
    """Return a minimal valid one-page PDF whose text layer holds ``lines``."""
    content = (
        "BT /F1 12 Tf 72 720 Td 14 TL "
        + " ".join(
            "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
            for line in lines
        )
        + " ET"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def text_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "agreement.pdf"
    path.write_bytes(
        _pdf_with_text(
            [
                "Vejle and Wenzhou signed a sister city agreement on 5 May 2018.",
                "The agreement covers water and urban development.",
            ]
        )
    )
    return path


@pytest.fixture(autouse=True)
def _test_settings() -> None:
    """Replace the project's settings fixture: the extraction engine does not use Django."""
    return None
