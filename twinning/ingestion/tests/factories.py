"""Builders of ingested documents for the tests, without running the engine."""

from twinning.extraction.facts import Fact
from twinning.ingestion.facts import FACT_TYPES
from twinning.ingestion.models import Suggestion
from twinning.ingestion.reading import ReadDocument
from twinning.ingestion.services import document_store


def fact(text: str, quote: str, fact_type: str, **fields) -> Fact:
    """Return the engine's typed fact for the first occurrence of quote in text."""
    start = text.index(quote)
    return FACT_TYPES[fact_type](start=start, end=start + len(quote), evidence=quote, **fields)


def make_document(text: str, facts: list[Fact], *, name="doc.txt", owner=None, is_public=True):
    read = ReadDocument(
        path=name,
        name=name,
        content_hash=f"{abs(hash((name, text))):064d}"[:64],
        text=text,
        source_format="txt",
        language="en",
        facts=facts,
    )
    return document_store(read=read, owner=owner, is_public=is_public)


def suggestion(source, kind: str) -> Suggestion:
    return source.suggestions.filter(kind=kind).order_by("start", "pk").first()
