"""Shapes of institution pairs and networks in the JSON API."""

from ninja import Field, Schema

from twinning.core.api import Body, PartialDateStr
from twinning.institutions.models import (
    ExchangeDirection,
    InstitutionPairKind,
    InstitutionPairStatus,
    NetworkScope,
)


class InstitutionOut(Schema):
    """A school, university or other institution of a pair."""

    id: int = Field(description="Identifier of the organisation.")
    name: str = Field(description="Name of the organisation.")


class PairOut(Schema):
    """Two institutions that cooperate under a partnership."""

    id: int = Field(description="Identifier of the pair.")
    partnership: int = Field(alias="partnership_id", description="Identifier of the partnership.")
    institution_a: InstitutionOut = Field(description="The institution on the party's side.")
    institution_b: InstitutionOut = Field(description="The partner institution.")
    kind: InstitutionPairKind = Field(description="Kind of institutions.")
    status: InstitutionPairStatus = Field(description="Whether the pair is still active.")
    since: PartialDateStr | None = Field(description="When the cooperation began.")
    notes: str = Field(description="Free-text notes.")


class ExchangeOut(Schema):
    """A stay of people of one institution at the other."""

    id: int = Field(description="Identifier of the exchange.")
    start: PartialDateStr = Field(description="Start.")
    end: PartialDateStr | None = Field(description="End.")
    direction: ExchangeDirection = Field(description="Which way the visitors went.")
    description: str = Field(description="What happened.")
    pupils: int | None = Field(description="Number of pupils.")
    students: int | None = Field(description="Number of students.")
    teachers: int | None = Field(description="Number of teachers.")


class PairDetailOut(PairOut):
    """An institution pair with its exchanges."""

    exchanges: list[ExchangeOut] = Field(description="Exchanges, oldest first.")


class NetworkMemberOut(Schema):
    """An organisation or place in a network."""

    kind: str = Field(description="organisation or place.")
    id: int = Field(description="Identifier of the organisation or place.")
    membership_id: int = Field(
        alias="pk", description="Identifier of this membership, for changing or removing it."
    )
    name: str = Field(description="Its name.")
    role: str = Field(description="Role in the network; may be empty.")
    since: PartialDateStr | None = Field(description="Member since.")
    until: PartialDateStr | None = Field(description="Member until.")

    @staticmethod
    def resolve_kind(obj) -> str:
        return "organisation" if obj.organisation_id else "place"

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.member.pk

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.member.name


class NetworkOut(Schema):
    """A network of municipalities, regions and others."""

    id: int = Field(description="Identifier of the network.")
    name: str = Field(description="Name.")
    scope: NetworkScope = Field(description="National, regional or international.")
    country: str | None = Field(description="ISO 3166 code of its country.")
    organisation: int | None = Field(
        alias="organisation_id", description="Identifier of its organisation record."
    )
    description: str = Field(description="What the network is for.")
    members: list[NetworkMemberOut] = Field(alias="memberships", description="Members.")

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country.code or None


class MeetingOut(Schema):
    """A meeting of a network."""

    id: int = Field(description="Identifier of the meeting.")
    date: PartialDateStr = Field(description="When.")
    title: str = Field(description="Title.")
    place: str | None = Field(description="Where.")
    notes: str = Field(description="Notes.")

    @staticmethod
    def resolve_place(obj) -> str | None:
        return obj.place.name if obj.place_id else None


class NetworkDetailOut(NetworkOut):
    """A network with its meetings."""

    meetings: list[MeetingOut] = Field(description="Meetings, oldest first.")


class PairIn(Body):
    """Two institutions to pair under a partnership the caller may change."""

    partnership: int = Field(description="Identifier of a partnership the caller may change.")
    institution_a: int = Field(description="Identifier of the institution on the party's side.")
    institution_b: int = Field(description="Identifier of the partner institution.")
    kind: InstitutionPairKind = Field(
        InstitutionPairKind.SCHOOL, description="Kind of institutions."
    )
    since: PartialDateStr | None = Field(None, description="When the cooperation began.")
    status: InstitutionPairStatus = Field(
        InstitutionPairStatus.ACTIVE, description="Whether the pair is still active."
    )
    notes: str = Field("", description="Free-text notes.")


class ExchangeIn(Body):
    """An exchange between the two institutions of a pair."""

    start: PartialDateStr = Field(description="Start.")
    end: PartialDateStr | None = Field(None, description="End.")
    direction: ExchangeDirection = Field(
        ExchangeDirection.BOTH, description="Which way the visitors went."
    )
    description: str = Field("", description="What happened.")
    pupils: int | None = Field(None, ge=0, description="Number of pupils.")
    students: int | None = Field(None, ge=0, description="Number of students.")
    teachers: int | None = Field(None, ge=0, description="Number of teachers.")


class NetworkIn(Body):
    """A network to create."""

    name: str = Field(description="Name; unique among networks.")
    scope: NetworkScope = Field(NetworkScope.NATIONAL, description="Scope of the network.")
    country: str = Field("", description="ISO 3166 code of its country; may be empty.")
    organisation: int | None = Field(
        None, description="Identifier of its visible organisation record, of kind network."
    )
    description: str = Field("", description="What the network is for.")


class MembershipIn(Body):
    """An organisation or a place joining a network; give exactly one of the two."""

    organisation: int | None = Field(None, description="Identifier of a visible organisation.")
    place: int | None = Field(None, description="Identifier of a place.")
    since: PartialDateStr | None = Field(None, description="Member since.")
    until: PartialDateStr | None = Field(None, description="Member until.")
    role: str = Field("", description="Role in the network.")


class MeetingIn(Body):
    """A meeting of a network."""

    date: PartialDateStr = Field(description="When.")
    title: str = Field(description="Title.")
    place: int | None = Field(None, description="Identifier of the place where it was held.")
    notes: str = Field("", description="Notes.")
