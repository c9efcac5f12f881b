"""Shapes of projects in the JSON API."""

from decimal import Decimal

from ninja import Field, Schema

from twinning.core.api import (
    Body,
    Ids,
    OwnedIn,
    PartialDateStr,
    QuoteOut,
    TranslatedIn,
    TranslatedOut,
)
from twinning.projects.models import PhaseStatus, ProjectPartyRole, ProjectStatus


class ProjectPartyOut(Schema):
    """An organisation or place taking part in a project."""

    kind: str = Field(description="organisation or place.")
    id: int = Field(description="Identifier of the organisation or place.")
    party_id: int = Field(
        alias="pk",
        description="Identifier of this party of the project, for changing or removing it.",
    )
    name: str = Field(description="Its name.")
    role: ProjectPartyRole = Field(description="Its role in the project.")

    @staticmethod
    def resolve_kind(obj) -> str:
        return "organisation" if obj.organisation_id else "place"

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.member.pk

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.member.name


class PhaseOut(TranslatedOut):
    """A numbered stage of a project."""

    number: int = Field(description="Number of the phase.")
    title: str = Field(description="Title; may be empty.")
    start: PartialDateStr | None = Field(description="Start.")
    end: PartialDateStr | None = Field(description="End.")
    status: PhaseStatus = Field(description="Where the phase stands.")
    notes: str = Field(description="Free-text notes; may be empty.")


class ProjectOut(Schema):
    """A project that a partnership opened the door for."""

    id: int = Field(description="Identifier of the project.")
    title: str = Field(description="Title.")
    status: ProjectStatus = Field(description="Where the project stands.")
    value_min: Decimal | None = Field(description="Lowest estimated value.")
    value_max: Decimal | None = Field(description="Highest estimated value.")
    currency: str = Field(description="ISO 4217 code of the values.")
    partnerships: Ids = Field(description="Identifiers of its partnerships.")
    parties: list[ProjectPartyOut] = Field(description="Organisations and places taking part.")
    phases: list[PhaseOut] = Field(description="Phases by number.")


class ProjectDetailOut(ProjectOut, TranslatedOut):
    """A project with its description, outcome and sources."""

    description: str = Field(description="What the project is about.")
    outcome: str = Field(description="Notes on the outcome.")
    sources: list[QuoteOut] = Field(alias="evidence", description="Evidence for the project.")


class ProjectIn(OwnedIn, TranslatedIn):
    """A project to create."""

    title: str = Field(description="Title.")
    description: str = Field("", description="What the project is about.")
    partnerships: list[int] = Field(
        [], description="Identifiers of the visible partnerships it belongs to."
    )
    status: ProjectStatus = Field(ProjectStatus.IDEA, description="Where the project stands.")
    value_min: Decimal | None = Field(None, ge=0, description="Lowest estimated value.")
    value_max: Decimal | None = Field(None, ge=0, description="Highest estimated value.")
    currency: str = Field("DKK", description="ISO 4217 code of the values, such as EUR.")
    outcome: str = Field("", description="Notes on the outcome.")


class ProjectPartyIn(Body):
    """An organisation or a place to add to a project; give exactly one of the two."""

    organisation: int | None = Field(None, description="Identifier of a visible organisation.")
    place: int | None = Field(None, description="Identifier of a place.")
    role: ProjectPartyRole = Field(ProjectPartyRole.PARTNER, description="Its role.")


class ProjectPhaseIn(TranslatedIn):
    """A phase to add to a project under a number it does not use yet."""

    number: int = Field(ge=1, description="Number of the phase.")
    title: str = Field("", description="Title.")
    start: PartialDateStr | None = Field(None, description="Start.")
    end: PartialDateStr | None = Field(None, description="End.")
    status: PhaseStatus = Field(PhaseStatus.PLANNED, description="Where the phase stands.")
    notes: str = Field("", description="Free-text notes.")
