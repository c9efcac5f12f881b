"""Shapes of institution pairs and networks in the JSON API."""

from ninja import Field, Schema

from twinning.institutions.models import (
    ExchangeDirection,
    InstitutionPairKind,
    InstitutionPairStatus,
    NetworkScope,
)

PARTIAL_DATE = "A date known to the year, month or day: 2007, 2013-06 or 2012-10-02."


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


class PairQuery(Schema):
    """Query parameters that narrow the list of institution pairs."""

    partnership: int | None = Field(None, description="Identifier of a partnership.")
    kind: list[str] = Field(
        [], description=f"Kind; one of: {', '.join(InstitutionPairKind.values)}."
    )
    status: list[str] = Field(
        [], description=f"Status; one of: {', '.join(InstitutionPairStatus.values)}."
    )
    q: str | None = Field(None, description="Text found in an institution's name.")


class InstitutionOut(Schema):
    """A school, university or other institution of a pair."""

    id: int = Field(description="Identifier of the organisation.")
    name: str = Field(description="Name of the organisation.")


class PairOut(Schema):
    """Two institutions that cooperate under a partnership."""

    id: int = Field(description="Identifier of the pair.")
    partnership: int = Field(description="Identifier of the partnership.")
    institution_a: InstitutionOut = Field(description="The institution on the party's side.")
    institution_b: InstitutionOut = Field(description="The partner institution.")
    kind: InstitutionPairKind = Field(description="Kind of institutions.")
    status: InstitutionPairStatus = Field(description="Whether the pair is still active.")
    since: str | None = Field(description=f"When the cooperation began. {PARTIAL_DATE}")
    notes: str = Field(description="Free-text notes.")

    @staticmethod
    def resolve_partnership(obj) -> int:
        return obj.partnership_id

    @staticmethod
    def resolve_since(obj) -> str | None:
        return _iso(obj.since)


class ExchangeOut(Schema):
    """A stay of people of one institution at the other."""

    id: int = Field(description="Identifier of the exchange.")
    start: str = Field(description=f"Start. {PARTIAL_DATE}")
    end: str | None = Field(description=f"End. {PARTIAL_DATE}")
    direction: ExchangeDirection = Field(description="Which way the visitors went.")
    description: str = Field(description="What happened.")
    pupils: int | None = Field(description="Number of pupils.")
    students: int | None = Field(description="Number of students.")
    teachers: int | None = Field(description="Number of teachers.")

    @staticmethod
    def resolve_start(obj) -> str:
        return obj.start.isoformat()

    @staticmethod
    def resolve_end(obj) -> str | None:
        return _iso(obj.end)


class PairDetailOut(PairOut):
    """An institution pair with its exchanges."""

    exchanges: list[ExchangeOut] = Field(description="Exchanges, oldest first.")

    @staticmethod
    def resolve_exchanges(obj) -> list:
        return list(obj.exchanges.all())


class NetworkQuery(Schema):
    """Query parameters that narrow the list of networks."""

    scope: list[str] = Field([], description=f"Scope; one of: {', '.join(NetworkScope.values)}.")
    country: str | None = Field(None, description="ISO 3166 code of the network's country.")
    q: str | None = Field(None, description="Text found in the network's name.")


class NetworkMemberOut(Schema):
    """An organisation or place in a network."""

    kind: str = Field(description="organisation or place.")
    id: int = Field(description="Identifier of the organisation or place.")
    membership_id: int = Field(
        description="Identifier of this membership, for changing or removing it."
    )
    name: str = Field(description="Its name.")
    role: str = Field(description="Role in the network; may be empty.")
    since: str | None = Field(description=f"Member since. {PARTIAL_DATE}")
    until: str | None = Field(description=f"Member until. {PARTIAL_DATE}")

    @staticmethod
    def resolve_kind(obj) -> str:
        return "organisation" if obj.organisation_id else "place"

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.member.pk

    @staticmethod
    def resolve_membership_id(obj) -> int:
        return obj.pk

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.member.name

    @staticmethod
    def resolve_since(obj) -> str | None:
        return _iso(obj.since)

    @staticmethod
    def resolve_until(obj) -> str | None:
        return _iso(obj.until)


class NetworkOut(Schema):
    """A network of municipalities, regions and others."""

    id: int = Field(description="Identifier of the network.")
    name: str = Field(description="Name.")
    scope: NetworkScope = Field(description="National, regional or international.")
    country: str | None = Field(description="ISO 3166 code of its country.")
    organisation: int | None = Field(description="Identifier of its organisation record.")
    description: str = Field(description="What the network is for.")
    members: list[NetworkMemberOut] = Field(description="Members.")

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country.code or None

    @staticmethod
    def resolve_organisation(obj) -> int | None:
        return obj.organisation_id

    @staticmethod
    def resolve_members(obj) -> list:
        return list(obj.memberships.all())


class MeetingOut(Schema):
    """A meeting of a network."""

    id: int = Field(description="Identifier of the meeting.")
    date: str = Field(description=f"When. {PARTIAL_DATE}")
    title: str = Field(description="Title.")
    place: str | None = Field(description="Where.")
    notes: str = Field(description="Notes.")

    @staticmethod
    def resolve_date(obj) -> str:
        return obj.date.isoformat()

    @staticmethod
    def resolve_place(obj) -> str | None:
        return obj.place.name if obj.place_id else None


class NetworkDetailOut(NetworkOut):
    """A network with its meetings."""

    meetings: list[MeetingOut] = Field(description="Meetings, oldest first.")

    @staticmethod
    def resolve_meetings(obj) -> list:
        return list(obj.meetings.all())


# Writes ---------------------------------------------------------------------------------


class PairIn(Schema):
    """Two institutions to pair under a partnership the caller may change."""

    partnership: int = Field(description="Identifier of a partnership the caller may change.")
    institution_a: int = Field(description="Identifier of the institution on the party's side.")
    institution_b: int = Field(description="Identifier of the partner institution.")
    kind: InstitutionPairKind = Field(
        InstitutionPairKind.SCHOOL, description="Kind of institutions."
    )
    since: str | None = Field(None, description=f"When the cooperation began. {PARTIAL_DATE}")
    status: InstitutionPairStatus = Field(
        InstitutionPairStatus.ACTIVE, description="Whether the pair is still active."
    )
    notes: str = Field("", description="Free-text notes.")


class PairPatch(Schema):
    """Fields of an institution pair to change; fields left out stay as they are."""

    partnership: int | None = Field(
        None, description="Identifier of another partnership the caller may change."
    )
    institution_a: int | None = Field(None, description="Identifier of the first institution.")
    institution_b: int | None = Field(None, description="Identifier of the partner institution.")
    kind: InstitutionPairKind | None = Field(None, description="Kind of institutions.")
    since: str | None = Field(None, description=f"When it began; null for unknown. {PARTIAL_DATE}")
    status: InstitutionPairStatus | None = Field(None, description="Whether still active.")
    notes: str | None = Field(None, description="Free-text notes.")


class ExchangeIn(Schema):
    """An exchange between the two institutions of a pair."""

    start: str = Field(description=f"Start. {PARTIAL_DATE}")
    end: str | None = Field(None, description=f"End. {PARTIAL_DATE}")
    direction: ExchangeDirection = Field(
        ExchangeDirection.BOTH, description="Which way the visitors went."
    )
    description: str = Field("", description="What happened.")
    pupils: int | None = Field(None, ge=0, description="Number of pupils.")
    students: int | None = Field(None, ge=0, description="Number of students.")
    teachers: int | None = Field(None, ge=0, description="Number of teachers.")


class ExchangePatch(Schema):
    """Fields of an exchange to change; fields left out stay as they are."""

    start: str | None = Field(None, description=f"Start. {PARTIAL_DATE}")
    end: str | None = Field(None, description=f"End; null for unknown. {PARTIAL_DATE}")
    direction: ExchangeDirection | None = Field(None, description="Which way the visitors went.")
    description: str | None = Field(None, description="What happened.")
    pupils: int | None = Field(None, ge=0, description="Number of pupils.")
    students: int | None = Field(None, ge=0, description="Number of students.")
    teachers: int | None = Field(None, ge=0, description="Number of teachers.")


class NetworkIn(Schema):
    """A network to create."""

    name: str = Field(description="Name; unique among networks.")
    scope: NetworkScope = Field(NetworkScope.NATIONAL, description="Scope of the network.")
    country: str = Field("", description="ISO 3166 code of its country; may be empty.")
    organisation: int | None = Field(
        None, description="Identifier of its visible organisation record, of kind network."
    )
    description: str = Field("", description="What the network is for.")


class NetworkPatch(Schema):
    """Fields of a network to change; fields left out stay as they are."""

    name: str | None = Field(None, description="Name; unique among networks.")
    scope: NetworkScope | None = Field(None, description="Scope of the network.")
    country: str | None = Field(None, description="ISO 3166 code of its country.")
    organisation: int | None = Field(
        None, description="Identifier of its organisation record; null for none."
    )
    description: str | None = Field(None, description="What the network is for.")


class MembershipIn(Schema):
    """An organisation or a place joining a network; give exactly one of the two."""

    organisation: int | None = Field(None, description="Identifier of a visible organisation.")
    place: int | None = Field(None, description="Identifier of a place.")
    since: str | None = Field(None, description=f"Member since. {PARTIAL_DATE}")
    until: str | None = Field(None, description=f"Member until. {PARTIAL_DATE}")
    role: str = Field("", description="Role in the network.")


class MembershipPatch(Schema):
    """Fields of a network membership to change; fields left out stay as they are."""

    organisation: int | None = Field(None, description="Identifier of a visible organisation.")
    place: int | None = Field(None, description="Identifier of a place.")
    since: str | None = Field(None, description=f"Member since. {PARTIAL_DATE}")
    until: str | None = Field(None, description=f"Member until. {PARTIAL_DATE}")
    role: str | None = Field(None, description="Role in the network.")


class MeetingIn(Schema):
    """A meeting of a network."""

    date: str = Field(description=f"When. {PARTIAL_DATE}")
    title: str = Field(description="Title.")
    place: int | None = Field(None, description="Identifier of the place where it was held.")
    notes: str = Field("", description="Notes.")


class MeetingPatch(Schema):
    """Fields of a network meeting to change; fields left out stay as they are."""

    date: str | None = Field(None, description=f"When. {PARTIAL_DATE}")
    title: str | None = Field(None, description="Title.")
    place: int | None = Field(None, description="Identifier of the place; null for none.")
    notes: str | None = Field(None, description="Notes.")
