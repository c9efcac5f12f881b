"""Printed documents of a grant: the certified participant list of a town and the final report."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation

from twinning.grants.models import Grant, GrantTown
from twinning.grants.selectors import certification_list, final_report


def _pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango is slow and pages don't need it

    return HTML(string=html).write_pdf()


def certification_pdf(*, grant: Grant, town: GrantTown, language: str | None = None) -> bytes:
    """Return the list of one town's participants for its legal representative to sign.

    It is written in the town's own language where twinning has it, else in English.
    """
    listing = certification_list(grant, town)
    language = language or listing.language
    with translation.override(language):
        html = render_to_string(
            "grants/certification_pdf.html",
            {
                "grant": grant,
                "rules": grant.call_rules,
                "listing": listing,
                "language": language,
                "host": grant.towns.filter(role="applicant").select_related("place").first(),
                "printed": timezone.localdate(),
            },
        )
    return _pdf(html)


def final_report_pdf(*, grant: Grant, language: str) -> bytes:
    """Return the grant's final report as a PDF in the given language."""
    with translation.override(language):
        html = render_to_string(
            "grants/final_report_pdf.html",
            {"report": final_report(grant), "language": language, "printed": timezone.localdate()},
        )
    return _pdf(html)
