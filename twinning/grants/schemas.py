"""Shapes of grants in the JSON API."""

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from twinning.core.api import Body, Ids, OwnedIn
from twinning.grants.models import GrantStatus, TownRole


class GrantTownOut(Schema):
    """A town of a grant and who signs for it."""

    id: int = Field(description="Identifier of this town of the grant.")
    place: int = Field(alias="place_id", description="Identifier of the place.")
    name: str = Field(description="Name of the place.")
    role: TownRole = Field(description="Applicant (host) or invited partner.")
    representative: str = Field(description="The legal representative; may be empty.")
    representative_title: str = Field(description="The representative's title; may be empty.")
    language: str = Field(description="Language of the town's documents.")

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.place.name

    @staticmethod
    def resolve_language(obj) -> str:
        return obj.document_language()


class GrantOut(Schema):
    """A grant under a call."""

    id: int = Field(description="Identifier of the grant.")
    call: str = Field(description="Code of the call.")
    reference: str = Field(description="Project or grant number; may be empty.")
    title: str = Field(description="Title of the project.")
    status: GrantStatus = Field(description="Where the grant stands.")
    lump_sum: Decimal | None = Field(description="Lump sum in the call's currency.")
    start: dt.date = Field(description="First day of the project.")
    end: dt.date = Field(description="Last day of the project.")
    partnership: int | None = Field(alias="partnership_id", description="Its partnership.")
    visits: Ids = Field(description="Identifiers of its visits.")
    activities: Ids = Field(description="Identifiers of its activities.")
    towns: list[GrantTownOut] = Field(description="Its towns and their representatives.")


class GrantDetailOut(GrantOut):
    """A grant with its results."""

    results: str = Field(description="What the project achieved.")


class FindingOut(Schema):
    """One rule of the call applied to the grant."""

    rule: str = Field(description="Which rule: participants, invited, countries, duration, …")
    ok: bool = Field(description="Whether the grant meets it.")
    message: str = Field(description="What was found, in the caller's language.")


class CheckOut(Schema):
    """The call's rules applied to a grant."""

    ok: bool = Field(description="Whether every rule is met.")
    findings: list[FindingOut] = Field(description="Every rule with what was found.")


class GrantIn(OwnedIn):
    """A grant to record."""

    call: str = Field(description="Code of a known call, such as CERV-2024-CITIZENS-TOWN-TT.")
    title: str = Field(description="Title of the project.")
    start: dt.date = Field(description="First day of the project.")
    end: dt.date = Field(description="Last day of the project.")
    reference: str = Field("", description="Project or grant number.")
    status: GrantStatus = Field(GrantStatus.PLANNED, description="Where the grant stands.")
    lump_sum: Decimal | None = Field(None, ge=0, description="Lump sum in the call's currency.")
    partnership: int | None = Field(None, description="Identifier of a visible partnership.")
    visits: list[int] = Field([], description="Identifiers of visible visits.")
    activities: list[int] = Field([], description="Identifiers of visible activities.")
    results: str = Field("", description="What the project achieved.")
    is_public: bool = Field(False, description="Shown to visitors who are not logged in.")


class GrantTownIn(Body):
    """A town to add to a grant."""

    place: int = Field(description="Identifier of the place.")
    role: TownRole = Field(TownRole.PARTNER, description="Applicant (host) or invited partner.")
    representative: str = Field("", description="The legal representative who signs for it.")
    representative_title: str = Field("", description="The representative's title.")
    language: str = Field("", description="en or da; empty for the town's own where we have it.")
