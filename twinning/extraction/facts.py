"""Fact records produced by the extraction pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass
class Fact:
    """A fact grounded in a span of the normalised document text."""

    kind: ClassVar[str] = "fact"
    start: int
    end: int
    evidence: str

    def fields(self) -> dict[str, Any]:
        """Return the type-specific fields in record order."""
        return {}

    def to_record(self, doc: str) -> dict[str, Any]:
        """Return the fact as a record in the gold file format."""
        record: dict[str, Any] = {"doc": doc, "type": self.kind}
        record.update(self.fields())
        record.update({"evidence": self.evidence, "start": self.start, "end": self.end})
        return record


@dataclass
class Partnership(Fact):
    """A tie between two places, as the text names them.

    ``a`` and ``b`` are written as the text writes them; ``a_place`` and ``b_place``
    are the ids of the gazetteer places they were read as (None for a place that only
    the grammar of the text revealed), so a review can match them to registry records.
    ``status`` is "active", "terminated" or "unknown" (proposed, suspended, inactive),
    and ``status_reason`` holds the words that decided it. ``term_years``,
    ``tacit_renewal`` and ``notice_months`` are what the text says of the agreement's
    term: how many years it runs, whether it renews itself unless ended, and how many
    months' notice ends it (None when the text does not say). The record format of
    :meth:`fields` is the exchange format of the gold files and leaves them out.
    """

    kind: ClassVar[str] = "partnership"
    a: str = ""
    a_country: str | None = None
    b: str = ""
    b_country: str | None = None
    relation: str = "other"
    since: str | None = None
    status: str = "active"
    ended: str | None = None
    focus: list[str] = field(default_factory=list)
    status_reason: str = ""
    term_years: int | None = None
    tacit_renewal: bool | None = None
    notice_months: int | None = None
    a_place: str | None = None
    b_place: str | None = None

    def fields(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "a_country": self.a_country,
            "b": self.b,
            "b_country": self.b_country,
            "kind": self.relation,
            "since": self.since,
            "status": self.status,
            "ended": self.ended,
            "focus": list(self.focus),
        }


@dataclass
class Event(Fact):
    kind: ClassVar[str] = "event"
    event: str = "other"
    date: str | None = None
    end_date: str | None = None
    origin: str | None = None
    destination: str | None = None
    title: str = ""
    area: str | None = None

    def fields(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "date": self.date,
            "end_date": self.end_date,
            "from": self.origin,
            "to": self.destination,
            "title": self.title,
            "area": self.area,
        }


@dataclass
class Person(Fact):
    kind: ClassVar[str] = "person"
    name: str = ""
    role: str = ""
    org: str | None = None

    def fields(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "org": self.org}


@dataclass
class Amount(Fact):
    kind: ClassVar[str] = "amount"
    amount_min: float = 0.0
    amount_max: float = 0.0
    currency: str = "DKK"
    what: str = ""
    year: int | None = None

    def fields(self) -> dict[str, Any]:
        def number(x: float) -> float | int:
            return int(x) if float(x).is_integer() else x

        return {
            "amount_min": number(self.amount_min),
            "amount_max": number(self.amount_max),
            "currency": self.currency,
            "what": self.what,
            "year": self.year,
        }


@dataclass
class InstitutionPair(Fact):
    kind: ClassVar[str] = "institution_pair"
    a: str = ""
    b: str = ""

    def fields(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b}
