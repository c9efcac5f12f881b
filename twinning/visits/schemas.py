"""Shapes of visits in the JSON API."""

import datetime as dt

from ninja import Field, Schema

from twinning.visits.models import GiftDirection, VisitDirection, VisitStatus


def _choices(choices) -> str:
    return ", ".join(choices.values)


class VisitQuery(Schema):
    """Query parameters that narrow the list of visits."""

    direction: str | None = Field(
        None, title="Direction", description=f"One of: {_choices(VisitDirection)}."
    )
    status: list[str] = Field(
        [],
        title="Status",
        description=f"Status; repeat to allow several. One of: {_choices(VisitStatus)}.",
    )
    host: int | None = Field(None, title="Host", description="Identifier of the host place.")
    visiting_country: str | None = Field(
        None,
        title="Visiting country",
        description="ISO 3166 code (or several, comma-separated) of the visiting party's country.",
        examples=["CN"],
    )
    year: int | None = Field(
        None, title="Year", description="A year the visit falls in, wholly or partly."
    )
    interest: list[str] = Field(
        [],
        title="Interest",
        description="Slug of a focus area the delegation is interested in; repeat for several.",
    )
    q: str | None = Field(
        None, title="Search", description="Text in the title, purpose, places or member names."
    )


class PlaceRef(Schema):
    """A reference to a place."""

    id: int = Field(description="Identifier of the place.")
    name: str = Field(description="Name of the place.")
    country: str | None = Field(description="ISO 3166 code of the place's country.")

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country.code or None


class VisitOut(Schema):
    """A delegation visit, as listed."""

    id: int = Field(description="Identifier of the visit.")
    title: str = Field(description="Title of the visit.")
    direction: VisitDirection = Field(description="Incoming or outgoing, seen from the owner.")
    status: VisitStatus = Field(description="Where the visit stands.")
    visiting_party: PlaceRef = Field(description="The place the delegation comes from.")
    host: PlaceRef = Field(description="The place that receives it.")
    host_organisation: str | None = Field(description="The organisation that hosts it.")
    partnership: int | None = Field(description="Identifier of the partnership, if any.")
    start_date: dt.date = Field(description="First day of the visit.")
    end_date: dt.date = Field(description="Last day of the visit.")
    dates_approximate: bool = Field(description="Whether the dates are known only roughly.")
    interests: list[str] = Field(description="Slugs of the delegation's interests.")
    member_count: int = Field(description="How many members the delegation has.")
    overdue_commitments: int = Field(description="How many follow-ups are past due and open.")

    @staticmethod
    def resolve_host_organisation(obj) -> str | None:
        return obj.host_organisation.name if obj.host_organisation else None

    @staticmethod
    def resolve_partnership(obj) -> int | None:
        return obj.partnership_id

    @staticmethod
    def resolve_interests(obj) -> list[str]:
        return [area.slug for area in obj.interests.all()]

    @staticmethod
    def resolve_overdue_commitments(obj) -> int:
        return obj.overdue_count


class MemberOut(Schema):
    """A member of the delegation."""

    name: str = Field(description="Name of the member.")
    native_name: str = Field(description="The name in the member's own script; may be empty.")
    title: str = Field(description="The member's title or post; may be empty.")
    organisation: str = Field(description="The member's organisation; may be empty.")
    person: int | None = Field(description="Identifier of the person in the registry, if any.")
    is_leader: bool = Field(description="Whether the member leads the delegation.")

    @staticmethod
    def resolve_organisation(obj) -> str:
        return obj.organisation_label

    @staticmethod
    def resolve_person(obj) -> int | None:
        return obj.person_id


class ProgrammeItemOut(Schema):
    """One point of the programme."""

    day: dt.date = Field(description="The day of the item.")
    start_time: dt.time | None = Field(description="When it begins, if known.")
    end_time: dt.time | None = Field(description="When it ends, if known.")
    topic: str = Field(description="What happens.")
    site: int | None = Field(description="Identifier of the showcase site, if any.")
    location: str = Field(description="Where it happens; may be empty.")
    interpreter: str = Field(description="Who interprets; may be empty.")

    @staticmethod
    def resolve_site(obj) -> int | None:
        return obj.site_id


class GiftOut(Schema):
    """A gift given or received."""

    direction: GiftDirection = Field(description="Given or received.")
    description: str = Field(description="What the gift was.")
    giver: str = Field(description="Who gave it; may be empty.")
    recipient: str = Field(description="Who received it; may be empty.")


class CommitmentOut(Schema):
    """A follow-up promised during the visit."""

    description: str = Field(description="What was promised.")
    responsible: str | None = Field(description="Who answers for it.")
    due_date: dt.date | None = Field(description="When it is due.")
    done_on: dt.date | None = Field(description="When it was done; null while open.")
    overdue: bool = Field(description="Open and past its due date.")

    @staticmethod
    def resolve_responsible(obj) -> str | None:
        return obj.responsible.name if obj.responsible else None


class VisitDetailOut(VisitOut):
    """A visit with its delegation, programme, gifts and commitments."""

    purpose: str = Field(description="Why the delegation comes.")
    notes: str = Field(description="Free-text notes.")
    report: str = Field(description="What came of the visit.")
    members: list[MemberOut] = Field(description="The delegation, leader first.")
    programme: list[ProgrammeItemOut] = Field(description="The programme, by day and time.")
    gifts: list[GiftOut] = Field(description="Gifts exchanged.")
    commitments: list[CommitmentOut] = Field(description="Follow-up commitments.")

    @staticmethod
    def resolve_members(obj) -> list:
        return list(obj.members.all())

    @staticmethod
    def resolve_programme(obj) -> list:
        return list(obj.programme_items.all())

    @staticmethod
    def resolve_gifts(obj) -> list:
        return list(obj.gifts.all())

    @staticmethod
    def resolve_commitments(obj) -> list:
        return list(obj.commitments.all())
