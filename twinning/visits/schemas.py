"""Shapes of visits in the JSON API."""

import datetime as dt

from ninja import Field, Schema

from twinning.visits.models import GiftDirection, VisitDirection, VisitStatus

OWNER = (
    "Organisation whose editors may change it; one of the caller's. May be left out when "
    "the caller edits for one organisation only."
)


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


class VisitPlaceRef(Schema):
    """A reference to a place."""

    id: int = Field(description="Identifier of the place.")
    name: str = Field(description="Name of the place.")
    country: str | None = Field(description="ISO 3166 code of the place's country.")

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country_code or None


class VisitOut(Schema):
    """A delegation visit, as listed."""

    id: int = Field(description="Identifier of the visit.")
    title: str = Field(description="Title of the visit.")
    direction: VisitDirection = Field(description="Incoming or outgoing, seen from the owner.")
    status: VisitStatus = Field(description="Where the visit stands.")
    visiting_party: VisitPlaceRef = Field(description="The place the delegation comes from.")
    host: VisitPlaceRef = Field(description="The place that receives it.")
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


class VisitMemberOut(Schema):
    """A member of the delegation."""

    id: int = Field(description="Identifier of the member.")
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

    id: int = Field(description="Identifier of the programme item.")
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

    id: int = Field(description="Identifier of the gift.")
    direction: GiftDirection = Field(description="Given or received.")
    description: str = Field(description="What the gift was.")
    giver: str = Field(description="Who gave it; may be empty.")
    recipient: str = Field(description="Who received it; may be empty.")


class CommitmentOut(Schema):
    """A follow-up promised during the visit."""

    id: int = Field(description="Identifier of the commitment.")
    description: str = Field(description="What was promised.")
    responsible: str | None = Field(description="Who answers for it.")
    due_date: dt.date | None = Field(description="When it is due.")
    done_on: dt.date | None = Field(description="When it was done; null while open.")
    overdue: bool = Field(description="Open and past its due date.")

    @staticmethod
    def resolve_overdue(obj) -> bool:
        # The detail selector works this out once; a commitment just written has not had it.
        return obj.overdue if hasattr(obj, "overdue") else obj.is_overdue()

    @staticmethod
    def resolve_responsible(obj) -> str | None:
        return obj.responsible.name if obj.responsible else None


class VisitDetailOut(VisitOut):
    """A visit with its delegation, programme, gifts and commitments."""

    purpose: str = Field(description="Why the delegation comes.")
    notes: str = Field(description="Free-text notes.")
    report: str = Field(description="What came of the visit.")
    members: list[VisitMemberOut] = Field(description="The delegation, leader first.")
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


# Writes ---------------------------------------------------------------------------------


class VisitIn(Schema):
    """A delegation visit to create."""

    title: str = Field(description="Title of the visit.")
    direction: VisitDirection = Field(
        VisitDirection.INCOMING, description="Incoming or outgoing, seen from the owner."
    )
    status: VisitStatus = Field(VisitStatus.PLANNED, description="Where the visit stands.")
    visiting_party: int = Field(description="Identifier of the place the delegation comes from.")
    host: int = Field(description="Identifier of the place that receives it.")
    host_organisation: int | None = Field(
        None, description="Identifier of a visible organisation that hosts it."
    )
    partnership: int | None = Field(
        None, description="Identifier of a visible partnership the visit belongs to."
    )
    start_date: dt.date = Field(description="First day of the visit.")
    end_date: dt.date = Field(description="Last day of the visit.")
    dates_approximate: bool = Field(False, description="Whether the dates are known only roughly.")
    purpose: str = Field("", description="Why the delegation comes.")
    interests: list[str] = Field([], description="Slugs of focus areas the delegation seeks.")
    notes: str = Field("", description="Free-text notes.")
    report: str = Field("", description="What came of the visit.")
    owner: int | None = Field(None, description=OWNER)
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class VisitPatch(Schema):
    """Fields of a visit to change; fields left out stay as they are."""

    title: str | None = Field(None, description="Title of the visit.")
    direction: VisitDirection | None = Field(None, description="Incoming or outgoing.")
    status: VisitStatus | None = Field(None, description="Where the visit stands.")
    visiting_party: int | None = Field(None, description="Identifier of the visiting place.")
    host: int | None = Field(None, description="Identifier of the host place.")
    host_organisation: int | None = Field(
        None, description="Identifier of the host organisation; null for none."
    )
    partnership: int | None = Field(
        None, description="Identifier of the partnership; null for none."
    )
    start_date: dt.date | None = Field(None, description="First day of the visit.")
    end_date: dt.date | None = Field(None, description="Last day of the visit.")
    dates_approximate: bool | None = Field(None, description="Whether the dates are rough.")
    purpose: str | None = Field(None, description="Why the delegation comes.")
    interests: list[str] | None = Field(
        None, description="Slugs of focus areas; replaces the whole list."
    )
    notes: str | None = Field(None, description="Free-text notes.")
    report: str | None = Field(None, description="What came of the visit.")
    owner: int | None = Field(None, description="Owning organisation; one of the caller's.")
    is_public: bool | None = Field(None, description="Shown to visitors who are not logged in.")


class VisitMemberIn(Schema):
    """A member to add to the delegation."""

    name: str = Field(description="Name of the member.")
    native_name: str = Field("", description="The name in the member's own script.")
    title: str = Field("", description="The member's title or post.")
    organisation: int | None = Field(
        None, description="Identifier of the member's visible organisation, if registered."
    )
    organisation_name: str = Field("", description="The organisation, if not registered.")
    person: int | None = Field(None, description="Identifier of the visible person, if any.")
    is_leader: bool = Field(False, description="Whether the member leads the delegation.")


class VisitMemberPatch(Schema):
    """Fields of a delegation member to change; fields left out stay as they are."""

    name: str | None = Field(None, description="Name of the member.")
    native_name: str | None = Field(None, description="The name in the member's own script.")
    title: str | None = Field(None, description="The member's title or post.")
    organisation: int | None = Field(None, description="Identifier of the organisation.")
    organisation_name: str | None = Field(None, description="The organisation, if not registered.")
    person: int | None = Field(None, description="Identifier of the person; null for none.")
    is_leader: bool | None = Field(None, description="Whether the member leads the delegation.")


class ProgrammeItemIn(Schema):
    """An item to add to the programme, on one of the visit's days."""

    day: dt.date = Field(description="The day of the item, within the visit.")
    start_time: dt.time | None = Field(None, description="When it begins.")
    end_time: dt.time | None = Field(None, description="When it ends; needs a start time.")
    topic: str = Field("", description="What happens; with a site, its name when left out.")
    site: int | None = Field(None, description="Identifier of a visible showcase site.")
    host_organisation: int | None = Field(
        None, description="Identifier of the visible organisation that hosts the item."
    )
    location: str = Field("", description="Where it happens; with a site, its address.")
    interpreter: str = Field("", description="Who interprets.")
    notes: str = Field("", description="Free-text notes.")


class ProgrammeItemPatch(Schema):
    """Fields of a programme item to change; fields left out stay as they are."""

    day: dt.date | None = Field(None, description="The day of the item, within the visit.")
    start_time: dt.time | None = Field(None, description="When it begins; null for unknown.")
    end_time: dt.time | None = Field(None, description="When it ends; null for unknown.")
    topic: str | None = Field(None, description="What happens.")
    site: int | None = Field(None, description="Identifier of the showcase site; null for none.")
    host_organisation: int | None = Field(
        None, description="Identifier of the host organisation; null for none."
    )
    location: str | None = Field(None, description="Where it happens.")
    interpreter: str | None = Field(None, description="Who interprets.")
    notes: str | None = Field(None, description="Free-text notes.")


class GiftIn(Schema):
    """A gift given or received during the visit."""

    direction: GiftDirection = Field(description="Given or received.")
    description: str = Field(description="What the gift was.")
    giver: str = Field("", description="Who gave it.")
    recipient: str = Field("", description="Who received it.")


class GiftPatch(Schema):
    """Fields of a gift to change; fields left out stay as they are."""

    direction: GiftDirection | None = Field(None, description="Given or received.")
    description: str | None = Field(None, description="What the gift was.")
    giver: str | None = Field(None, description="Who gave it.")
    recipient: str | None = Field(None, description="Who received it.")


class CommitmentIn(Schema):
    """A follow-up promised during the visit."""

    description: str = Field(description="What was promised.")
    responsible: int | None = Field(
        None, description="Identifier of the visible person who answers for it."
    )
    due_date: dt.date | None = Field(None, description="When it is due.")
    done_on: dt.date | None = Field(None, description="When it was done; null while open.")


class CommitmentPatch(Schema):
    """Fields of a commitment to change; fields left out stay as they are."""

    description: str | None = Field(None, description="What was promised.")
    responsible: int | None = Field(
        None, description="Identifier of the person who answers for it; null for none."
    )
    due_date: dt.date | None = Field(None, description="When it is due; null for none.")
    done_on: dt.date | None = Field(None, description="When it was done; null while open.")
