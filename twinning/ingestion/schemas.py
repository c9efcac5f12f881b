"""Shapes of the review queue in the JSON API.

A suggestion's ``fields`` are the engine's fact fields, named as the engine names them;
which fields a kind of fact has is listed in each suggestion (``field_names``) and comes
from the engine, so the API follows it without a change here.
"""

from datetime import datetime
from typing import Any

from ninja import Field, Schema

from twinning.ingestion.facts import fact_field_names
from twinning.ingestion.models import SuggestionKind, SuggestionStatus


class SuggestionQuery(Schema):
    """Query parameters that narrow the review queue."""

    source: int | None = Field(None, description="Only suggestions read from this source.")
    kind: SuggestionKind | None = Field(None, description="Only facts of this kind.")
    status: SuggestionStatus | None = Field(
        None, description="Only suggestions in this state of review (default: all)."
    )


class ReviewRecordOut(Schema):
    """A registry record a suggestion became or a name in it refers to."""

    type: str = Field(description="Kind of record: place, organisation, person, post, ...")
    id: int = Field(description="Identifier of the record.")
    name: str = Field(description="How the record is named.")
    link: str = Field(description="Token that links a name to this record in an accept call.")


class NameMatchOut(Schema):
    """What a name in a pending suggestion refers to in the registry."""

    field: str = Field(description="The fact field holding the name.")
    role: str = Field(description="Kind of record the name refers to.")
    text: str = Field(description="The name as the suggestion has it.")
    status: str = Field(
        description="matched (one record), ambiguous (several fit) or new (none fits)."
    )
    record: ReviewRecordOut | None = Field(description="The record it matches, if exactly one.")
    candidates: list[ReviewRecordOut] = Field(
        description="Records it may mean when it matches none or several."
    )


class SuggestionOut(Schema):
    """A fact read from a source, waiting for review or reviewed."""

    id: int = Field(description="Identifier of the suggestion.")
    source: int = Field(description="Identifier of the source it was read from.")
    source_title: str = Field(description="Headline of the source.")
    kind: SuggestionKind = Field(description="Kind of fact.")
    status: SuggestionStatus = Field(description="State of review.")
    fields: dict[str, Any] = Field(description="The fact's fields as they stand now.")
    extracted: dict[str, Any] = Field(description="The fields as the engine read them.")
    field_names: list[str] = Field(description="The fields this kind of fact has.")
    quote: str = Field(description="The passage of the source that states the fact.")
    start: int = Field(description="Offset of the passage in the source text (code points).")
    end: int = Field(description="End offset of the passage (code points).")
    names: list[NameMatchOut] = Field(
        description="For a pending suggestion, what each name in it refers to."
    )
    record: ReviewRecordOut | None = Field(description="The record an accepted fact became.")
    reviewer: str | None = Field(description="User name of the reviewer.")
    reviewed_at: datetime | None = Field(description="When it was reviewed.")

    @staticmethod
    def resolve_source(obj) -> int:
        return obj.source_id

    @staticmethod
    def resolve_source_title(obj) -> str:
        return obj.source.title

    @staticmethod
    def resolve_field_names(obj) -> list[str]:
        return fact_field_names(obj.kind)

    @staticmethod
    def resolve_names(obj) -> list[dict]:
        return [
            {
                "field": match.field,
                "role": match.role,
                "text": match.text,
                "status": match.status,
                "record": record_ref(match.record),
                "candidates": [record_ref(record) for record in match.candidates],
            }
            for match in getattr(obj, "names", [])
        ]

    @staticmethod
    def resolve_record(obj) -> dict | None:
        return record_ref(obj.record)

    @staticmethod
    def resolve_reviewer(obj) -> str | None:
        return obj.reviewer.get_username() if obj.reviewer else None


def record_ref(record) -> dict | None:
    """Return a record as a ``ReviewRecordOut`` body, or None."""
    if record is None:
        return None
    kind = type(record)._meta.model_name
    return {"type": kind, "id": record.pk, "name": str(record), "link": f"{kind}:{record.pk}"}


class SuggestionAcceptIn(Schema):
    """What the reviewer decides when accepting a suggestion."""

    model_config = {"extra": "forbid"}

    fields: dict[str, Any] | None = Field(
        None,
        description=(
            "Corrected fields, all of them, as in ``fields`` of the suggestion; leave out "
            "to accept the fact as it stands."
        ),
    )
    links: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Per name field, the record the name means (a ``link`` token such as "
            "place:12) or new to create a record. A name left out must match exactly one "
            "record."
        ),
    )


class SuggestionListOut(Schema):
    """One page of the review queue."""

    count: int = Field(description="How many suggestions match, on all pages.")
    items: list[SuggestionOut] = Field(description="The suggestions of this page.")
