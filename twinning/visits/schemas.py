"""Shapes of visits in the JSON API."""

import datetime as dt

from ninja import Field, Schema

from twinning.core.api import Body, Label, LocalTime, OwnedIn, Slugs, TranslatedIn, TranslatedOut
from twinning.visits.models import GiftDirection, VisitDirection, VisitStatus


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
    host_organisation: Label | None = Field(description="The organisation that hosts it.")
    partnership: int | None = Field(
        alias="partnership_id", description="Identifier of the partnership, if any."
    )
    start_date: dt.date = Field(description="First day of the visit.")
    end_date: dt.date = Field(description="Last day of the visit.")
    dates_approximate: bool = Field(description="Whether the dates are known only roughly.")
    interests: Slugs = Field(description="Slugs of the delegation's interests.")
    member_count: int = Field(description="How many members the delegation has.")
    overdue_commitments: int = Field(
        alias="overdue_count", description="How many follow-ups are past due and open."
    )


class VisitMemberOut(TranslatedOut):
    """A member of the delegation."""

    id: int = Field(description="Identifier of the member.")
    name: str = Field(description="Name of the member.")
    native_name: str = Field(description="The name in the member's own script; may be empty.")
    title: str = Field(description="The member's title or post; may be empty.")
    organisation: str = Field(
        alias="organisation_label", description="The member's organisation; may be empty."
    )
    person: int | None = Field(
        alias="person_id", description="Identifier of the person in the registry, if any."
    )
    is_leader: bool = Field(description="Whether the member leads the delegation.")


class ProgrammeItemOut(TranslatedOut):
    """One point of the programme."""

    id: int = Field(description="Identifier of the programme item.")
    day: dt.date = Field(description="The day of the item.")
    start_time: dt.time | None = Field(description="When it begins, if known.")
    end_time: dt.time | None = Field(description="When it ends, if known.")
    topic: str = Field(description="What happens.")
    site: int | None = Field(
        alias="site_id", description="Identifier of the showcase site, if any."
    )
    location: str = Field(description="Where it happens; may be empty.")
    interpreter: str = Field(description="Who interprets; may be empty.")


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
    responsible: Label | None = Field(description="Who answers for it.")
    due_date: dt.date | None = Field(description="When it is due.")
    done_on: dt.date | None = Field(description="When it was done; null while open.")
    overdue: bool = Field(description="Open and past its due date.")

    @staticmethod
    def resolve_overdue(obj) -> bool:
        # The detail selector works this out once; a commitment just written has not had it.
        return obj.overdue if hasattr(obj, "overdue") else obj.is_overdue()


class VisitDetailOut(VisitOut, TranslatedOut):
    """A visit with its delegation, programme, gifts and commitments."""

    purpose: str = Field(description="Why the delegation comes.")
    notes: str = Field(description="Free-text notes.")
    report: str = Field(description="What came of the visit.")
    members: list[VisitMemberOut] = Field(description="The delegation, leader first.")
    programme: list[ProgrammeItemOut] = Field(
        alias="programme_items", description="The programme, by day and time."
    )
    gifts: list[GiftOut] = Field(description="Gifts exchanged.")
    commitments: list[CommitmentOut] = Field(description="Follow-up commitments.")


class VisitIn(OwnedIn, TranslatedIn):
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


class VisitMemberIn(TranslatedIn):
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


class ProgrammeItemIn(TranslatedIn):
    """An item to add to the programme, on one of the visit's days."""

    day: dt.date = Field(description="The day of the item, within the visit.")
    start_time: LocalTime | None = Field(None, description="When it begins, local time.")
    end_time: LocalTime | None = Field(None, description="When it ends; needs a start time.")
    topic: str = Field("", description="What happens; with a site, its name when left out.")
    site: int | None = Field(None, description="Identifier of a visible showcase site.")
    host_organisation: int | None = Field(
        None, description="Identifier of the visible organisation that hosts the item."
    )
    location: str = Field("", description="Where it happens; with a site, its address.")
    interpreter: str = Field("", description="Who interprets.")
    notes: str = Field("", description="Free-text notes.")


class GiftIn(Body):
    """A gift given or received during the visit."""

    direction: GiftDirection = Field(description="Given or received.")
    description: str = Field(description="What the gift was.")
    giver: str = Field("", description="Who gave it.")
    recipient: str = Field("", description="Who received it.")


class CommitmentIn(Body):
    """A follow-up promised during the visit."""

    description: str = Field(description="What was promised.")
    responsible: int | None = Field(
        None, description="Identifier of the visible person who answers for it."
    )
    due_date: dt.date | None = Field(None, description="When it is due.")
    done_on: dt.date | None = Field(None, description="When it was done; null while open.")
