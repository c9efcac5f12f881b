"""Extract partnership facts from municipal documents.

Text goes in, grounded facts come out: every fact carries the character offsets of
the evidence it was read from, counted in Unicode code points of the normalised text.
"""

from twinning.extraction.documents import Document, DocumentError, load_document, load_paths
from twinning.extraction.facts import Amount, Event, Fact, InstitutionPair, Partnership, Person
from twinning.extraction.pipeline import extract

__all__ = [
    "Amount",
    "Document",
    "DocumentError",
    "Event",
    "Fact",
    "InstitutionPair",
    "Partnership",
    "Person",
    "extract",
    "load_document",
    "load_paths",
]
