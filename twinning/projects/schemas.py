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


class ProjectPartyOut(Schema):
    """An organisation or place taking part in a project."""

    kind: str = Field(description="organisation or place.")
    id: int = Field(description="Identifier of the organisation or place.")
    party_id: int = Field(
        description="Identifier of this party of the project, for changing or removing it."
    )
    name: str = Field(description="Its name.")
    role: ProjectPartyRole = Field(description="Its role in the project.")

    @staticmethod
    def resolve_party_id(obj) -> int:
        return obj.pk

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
    notes: str = Field(description="Free-text notes; may be empty.")

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
    parties: list[ProjectPartyOut] = Field(description="Organisations and places taking part.")
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


# Writes ---------------------------------------------------------------------------------


class ProjectIn(Schema):
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
    owner: int | None = Field(
        None,
        description="Organisation whose editors may change it; one of the caller's. May be "
        "left out when the caller edits for one organisation only.",
    )
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class ProjectPatch(Schema):
    """Fields of a project to change; fields left out stay as they are."""

    title: str | None = Field(None, description="Title.")
    description: str | None = Field(None, description="What the project is about.")
    partnerships: list[int] | None = Field(
        None, description="Identifiers of its partnerships; replaces the whole list."
    )
    status: ProjectStatus | None = Field(None, description="Where the project stands.")
    value_min: Decimal | None = Field(None, ge=0, description="Lowest estimated value.")
    value_max: Decimal | None = Field(None, ge=0, description="Highest estimated value.")
    currency: str | None = Field(None, description="ISO 4217 code of the values.")
    outcome: str | None = Field(None, description="Notes on the outcome.")
    owner: int | None = Field(None, description="Owning organisation; one of the caller's.")
    is_public: bool | None = Field(None, description="Shown to visitors who are not logged in.")


class ProjectPartyIn(Schema):
    """An organisation or a place to add to a project; give exactly one of the two."""

    organisation: int | None = Field(None, description="Identifier of a visible organisation.")
    place: int | None = Field(None, description="Identifier of a place.")
    role: ProjectPartyRole = Field(ProjectPartyRole.PARTNER, description="Its role.")


class ProjectPartyPatch(Schema):
    """Fields of a project party to change; fields left out stay as they are."""

    organisation: int | None = Field(None, description="Identifier of a visible organisation.")
    place: int | None = Field(None, description="Identifier of a place.")
    role: ProjectPartyRole | None = Field(None, description="Its role.")


class ProjectPhaseIn(Schema):
    """A phase to add to a project under a number it does not use yet."""

    number: int = Field(ge=1, description="Number of the phase.")
    title: str = Field("", description="Title.")
    start: str | None = Field(None, description=f"Start. {PARTIAL_DATE}")
    end: str | None = Field(None, description=f"End. {PARTIAL_DATE}")
    status: PhaseStatus = Field(PhaseStatus.PLANNED, description="Where the phase stands.")
    notes: str = Field("", description="Free-text notes.")


class ProjectPhasePatch(Schema):
    """Fields of a phase to change; fields left out stay as they are."""

    title: str | None = Field(None, description="Title.")
    start: str | None = Field(None, description=f"Start; null for unknown. {PARTIAL_DATE}")
    end: str | None = Field(None, description=f"End; null for unknown. {PARTIAL_DATE}")
    status: PhaseStatus | None = Field(None, description="Where the phase stands.")
    notes: str | None = Field(None, description="Free-text notes.")
