"""Run every extraction rule on a document and return grounded facts."""

from __future__ import annotations

from twinning.extraction import scan
from twinning.extraction.context import DocContext, analyse
from twinning.extraction.documents import Document
from twinning.extraction.facts import Fact
from twinning.extraction.rules.amounts import extract_amounts
from twinning.extraction.rules.events import extract_events
from twinning.extraction.rules.institutions import extract_institution_pairs
from twinning.extraction.rules.partnerships import extract_partnerships
from twinning.extraction.rules.persons import extract_persons
from twinning.extraction.tables import extract_table_events


class GroundingError(AssertionError):
    """Raised when a fact's evidence is not the text at its offsets."""


def analyse_document(document: Document) -> DocContext:
    """Return the analysis context of a document."""
    return analyse(document.name, document.text)


def _drop_places_in_names(ctx: DocContext, persons: list) -> None:
    spans = []
    for person in persons:
        at = person.evidence.rfind(person.name)
        if at >= 0:
            spans.append((person.start + at, person.start + at + len(person.name)))
    if spans:
        ctx.places = [
            m for m in ctx.places if not any(s <= m.start and m.end <= e for s, e in spans)
        ]


def extract(document: Document | str) -> list[Fact]:
    """Return the facts stated in a document, each grounded in its text."""
    if isinstance(document, str):
        document = Document.from_text(document)
    scan.forget()
    ctx = analyse_document(document)
    facts: list[Fact] = []
    # People first: a surname that is also a town ("Ordfører Jan Petter Lund") is no place.
    persons = extract_persons(ctx)
    _drop_places_in_names(ctx, persons)
    # Tables first: they mark their regions so sentence rules do not read them twice.
    facts += extract_table_events(ctx)
    facts += extract_partnerships(ctx)
    facts += extract_events(ctx)
    facts += persons
    facts += extract_amounts(ctx)
    facts += extract_institution_pairs(ctx)
    text = document.text
    for fact in facts:
        if text[fact.start : fact.end] != fact.evidence:
            raise GroundingError(
                f"{document.name}: evidence of {fact.kind} at {fact.start}-{fact.end} "
                "does not match the text"
            )
    facts.sort(key=lambda f: (f.start, f.kind))
    scan.forget()
    return facts
