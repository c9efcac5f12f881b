"""Shapes of sources and their evidence in the JSON API."""

from ninja import Field, Schema

from twinning.core.api import OWNER, PUBLIC, Body, OwnedIn, PartialDateStr, Ref
from twinning.sources.models import SourceKind

FACT_KINDS = "partnership, agreement, person, post, organisation, place or activity"


class SourceOut(Schema):
    """A document or web page that states facts held in the registry."""

    id: int = Field(description="Identifier of the source.")
    kind: SourceKind = Field(description="Kind of source.")
    title: str = Field(description="Title of the source.")
    url: str = Field(description="Address of the source; may be empty.")
    language: str = Field(description="Language code of the source, such as da; may be empty.")
    published: PartialDateStr | None = Field(description="When it was published.")
    publisher: Ref | None = Field(description="The organisation that published it, if known.")
    owner: int | None = OWNER
    is_public: bool = PUBLIC


class FactOut(Schema):
    """The record a piece of evidence supports."""

    type: str = Field(description=f"Kind of record, such as {FACT_KINDS}.")
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
        alias="evidence_shown",
        description="Passages supporting records the caller may see, grouped by record.",
    )


class SourceIn(OwnedIn):
    """A source to create."""

    title: str = Field(description="Title of the source.")
    kind: SourceKind = Field(SourceKind.WEB_PAGE, description="Kind of source.")
    url: str = Field("", description="Address of the source.")
    language: str = Field("", description="Language code, such as da or en.")
    published: PartialDateStr | None = Field(None, description="When it was published.")
    publisher: int | None = Field(None, description="Identifier of the organisation.")
    text: str = Field("", description="The text of the source, which quotes are checked against.")


class FactIn(Body):
    """The record a passage supports, by kind and identifier."""

    type: str = Field(description=f"Kind of record: {FACT_KINDS}.")
    id: int = Field(description="Identifier of a record the caller may see.")


class EvidenceIn(Body):
    """A passage of the source to record as evidence for a fact."""

    fact: FactIn = Field(description="The record the passage supports.")
    quote: str = Field(
        "",
        description="The passage. When the source has a text, it must occur there; without "
        "offsets its first occurrence is used.",
    )
    start: int | None = Field(None, ge=0, description="Offset where the passage starts.")
    end: int | None = Field(None, ge=0, description="Offset where the passage ends.")
