"""Shapes of sources and their evidence in the JSON API."""

from typing import Literal

from ninja import Field, Schema

from twinning.core.partialdates import PartialDate
from twinning.sources.models import SourceKind

PARTIAL_DATE = "A date known to the year, month or day: 2007, 2013-06 or 2012-10-02."
FACT_TYPES = ("partnership", "agreement", "person", "post", "organisation", "place")
FactType = Literal["partnership", "agreement", "person", "post", "organisation", "place"]


def _iso(value: PartialDate | None) -> str | None:
    return value.isoformat() if value is not None else None


class SourceQuery(Schema):
    """Query parameters that narrow the list of sources."""

    q: str | None = Field(
        None, title="Search", description="Text found in the title, address or publisher."
    )
    kind: str | None = Field(
        None, title="Kind", description=f"Kind of source. One of: {', '.join(SourceKind.values)}."
    )
    language: str | None = Field(
        None, title="Language", description="Language code such as da or en.", examples=["da"]
    )
    year: int | None = Field(None, title="Year", description="Year of publication.")


class Ref(Schema):
    """A reference to another record by identifier and name."""

    id: int = Field(description="Identifier of the record.")
    name: str = Field(description="Name of the record.")


class SourceOut(Schema):
    """A document or web page that states facts held in the registry."""

    id: int = Field(description="Identifier of the source.")
    kind: SourceKind = Field(description="Kind of source.")
    title: str = Field(description="Title of the source.")
    url: str = Field(description="Address of the source; may be empty.")
    language: str = Field(description="Language code of the source, such as da; may be empty.")
    published: str | None = Field(description=f"When it was published. {PARTIAL_DATE}")
    publisher: Ref | None = Field(description="The organisation that published it, if known.")
    owner: int | None = Field(
        description="Identifier of the organisation whose editors may change this record."
    )
    is_public: bool = Field(description="Whether visitors who are not logged in see it.")

    @staticmethod
    def resolve_published(obj) -> str | None:
        return _iso(obj.published)

    @staticmethod
    def resolve_owner(obj) -> int | None:
        return obj.owner_id


class FactOut(Schema):
    """The record a piece of evidence supports."""

    type: FactType = Field(description=f"Kind of record. One of: {', '.join(FACT_TYPES)}.")
    id: int = Field(description="Identifier of the record.")
    label: str = Field(description="A short description of the record.")


class EvidenceOut(Schema):
    """A passage of a source that supports one fact in the registry."""

    id: int = Field(description="Identifier of the evidence.")
    fact: FactOut = Field(description="The record the passage supports.")
    quote: str = Field(description="The passage quoted from the source; may be empty.")
    start: int | None = Field(description="Offset in the source text where the passage starts.")
    end: int | None = Field(description="Offset in the source text where the passage ends.")

    @staticmethod
    def resolve_fact(obj) -> dict:
        return {"type": obj.content_type.model, "id": obj.object_id, "label": str(obj.fact)}


class SourceDetailOut(SourceOut):
    """A source with its text and the evidence it gives for visible records."""

    file_name: str = Field(description="Name of the file it was read from; may be empty.")
    text: str = Field(description="The text of the source; may be empty.")
    evidence: list[EvidenceOut] = Field(
        description="Passages supporting records the caller may see, grouped by record."
    )

    @staticmethod
    def resolve_evidence(obj) -> list:
        return obj.evidence_shown


class SourceIn(Schema):
    """A source to create."""

    title: str = Field(description="Title of the source.")
    kind: SourceKind = Field(SourceKind.WEB_PAGE, description="Kind of source.")
    url: str = Field("", description="Address of the source.")
    language: str = Field("", description="Language code, such as da or en.")
    published: str | None = Field(None, description=f"When it was published. {PARTIAL_DATE}")
    publisher: int | None = Field(
        None, description="Identifier of a visible organisation that published it."
    )
    text: str = Field("", description="The text of the source, which quotes are checked against.")
    owner: int | None = Field(
        None,
        description="Organisation whose editors may change it; one of the caller's. May be "
        "left out when the caller edits for one organisation only.",
    )
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class SourcePatch(Schema):
    """Fields of a source to change; fields left out stay as they are."""

    title: str | None = Field(None, description="Title of the source.")
    kind: SourceKind | None = Field(None, description="Kind of source.")
    url: str | None = Field(None, description="Address of the source.")
    language: str | None = Field(None, description="Language code, such as da or en.")
    published: str | None = Field(None, description=f"When it was published. {PARTIAL_DATE}")
    publisher: int | None = Field(
        None, description="Identifier of the organisation that published it; null for none."
    )
    text: str | None = Field(None, description="The text of the source.")
    owner: int | None = Field(None, description="Owning organisation; one of the caller's.")
    is_public: bool | None = Field(None, description="Shown to visitors who are not logged in.")


class FactIn(Schema):
    """The record a passage supports, by kind and identifier."""

    type: FactType = Field(description=f"Kind of record. One of: {', '.join(FACT_TYPES)}.")
    id: int = Field(description="Identifier of a record the caller may see.")


class EvidenceIn(Schema):
    """A passage of the source to record as evidence for a fact."""

    fact: FactIn = Field(description="The record the passage supports.")
    quote: str = Field(
        "",
        description="The passage. When the source has a text, it must occur there; without "
        "offsets its first occurrence is used.",
    )
    start: int | None = Field(None, ge=0, description="Offset where the passage starts.")
    end: int | None = Field(None, ge=0, description="Offset where the passage ends.")
