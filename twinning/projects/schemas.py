"""Shapes of projects in the JSON API."""

from decimal import Decimal

from ninja import Field, Schema

from twinning.projects.models import PhaseStatus, ProjectPartyRole, ProjectStatus

PARTIAL_DATE = "A date known to the year, month or day: 2007, 2013-06 or 2012-10-02."


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


class ProjectQuery(Schema):
    """Query parameters that narrow the list of projects."""

    partnership: int | None = Field(None, description="Identifier of a partnership.")
    status: list[str] = Field([], description=f"Status; one of: {', '.join(ProjectStatus.values)}.")
    organisation: int | None = Field(None, description="Identifier of a party organisation.")
    q: str | None = Field(None, description="Text found in title, description or outcome.")


class PartyOut(Schema):
    """An organisation or place taking part in a project."""

    kind: str = Field(description="organisation or place.")
    id: int = Field(description="Identifier of the organisation or place.")
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


class PhaseOut(Schema):
    """A numbered stage of a project."""

    number: int = Field(description="Number of the phase.")
    title: str = Field(description="Title; may be empty.")
    start: str | None = Field(description=f"Start. {PARTIAL_DATE}")
    end: str | None = Field(description=f"End. {PARTIAL_DATE}")
    status: PhaseStatus = Field(description="Where the phase stands.")

    @staticmethod
    def resolve_start(obj) -> str | None:
        return _iso(obj.start)

    @staticmethod
    def resolve_end(obj) -> str | None:
        return _iso(obj.end)


class ProjectOut(Schema):
    """A project that a partnership opened the door for."""

    id: int = Field(description="Identifier of the project.")
    title: str = Field(description="Title.")
    status: ProjectStatus = Field(description="Where the project stands.")
    value_min: Decimal | None = Field(description="Lowest estimated value.")
    value_max: Decimal | None = Field(description="Highest estimated value.")
    currency: str = Field(description="ISO 4217 code of the values.")
    partnerships: list[int] = Field(description="Identifiers of its partnerships.")
    parties: list[PartyOut] = Field(description="Organisations and places taking part.")
    phases: list[PhaseOut] = Field(description="Phases by number.")

    @staticmethod
    def resolve_partnerships(obj) -> list[int]:
        return [p.pk for p in obj.partnerships.all()]

    @staticmethod
    def resolve_parties(obj) -> list:
        return list(obj.parties.all())

    @staticmethod
    def resolve_phases(obj) -> list:
        return list(obj.phases.all())


class ProjectSourceOut(Schema):
    """A passage of a source that supports the project."""

    title: str = Field(description="Title of the source.")
    quote: str = Field(description="The quoted passage; may be empty.")

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.source.title


class ProjectDetailOut(ProjectOut):
    """A project with its description, outcome and sources."""

    description: str = Field(description="What the project is about.")
    outcome: str = Field(description="Notes on the outcome.")
    sources: list[ProjectSourceOut] = Field(description="Evidence for the project.")

    @staticmethod
    def resolve_sources(obj) -> list:
        return list(obj.evidence.all())
