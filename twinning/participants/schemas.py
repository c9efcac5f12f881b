"""Shapes of participant registers in the JSON API."""

import datetime as dt

from ninja import Field, Schema

from twinning.core.api import Body, Ids, OwnedIn
from twinning.participants.models import AgeGroup, EntryChannel, ParticipantRole


class ParticipantOut(Schema):
    """One person on a register; shown only to members of the register's organisation."""

    id: int = Field(description="Identifier of the participant.")
    name: str = Field(description="Name; empty once the personal data were removed.")
    town: int | None = Field(alias="town_id", description="Identifier of the town, if any.")
    country: str = Field(description="ISO 3166 code of the country; may be empty.")
    age_group: AgeGroup = Field(description="Age band; the first two are minors.")
    role: ParticipantRole = Field(description="Role in the event.")
    email: str = Field(description="E-mail address; may be empty.")
    phone: str = Field(description="Telephone number; may be empty.")
    consent_on: dt.date | None = Field(description="When the participant consented.")
    consent_purpose: str = Field(description="What the participant consented to.")
    guardian_name: str = Field(description="The guardian who consented for a minor.")
    guardian_consent_on: dt.date | None = Field(description="When the guardian consented.")
    channel: EntryChannel = Field(description="How the entry was made.")
    erased_on: dt.date | None = Field(description="When the personal data were removed.")

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code or ""


class RegisterOut(Schema):
    """The register of a visit or an activity, as listed: counts, no names."""

    id: int = Field(description="Identifier of the register.")
    visit: int | None = Field(alias="visit_id", description="Identifier of the visit, if any.")
    activity: int | None = Field(
        alias="activity_id", description="Identifier of the activity, if any."
    )
    headcount: int | None = Field(
        description="How many took part: the names listed, or else the total entered."
    )
    listed: int = Field(description="How many participants are listed (named or anonymised).")
    total: int | None = Field(description="The total entered when names are not kept.")
    towns: Ids = Field(description="Identifiers of the towns taking part.")
    signup_open: bool = Field(description="Whether the organiser opened the public sign-up.")
    signup_closes: dt.date | None = Field(description="The last day to sign up.")
    capacity: int | None = Field(description="The most people who may sign up.")
    names_removed_on: dt.date | None = Field(
        description="When the retention period ran out and names were removed."
    )

    @staticmethod
    def resolve_headcount(obj) -> int | None:
        return obj.listed or obj.total


class RegisterDetailOut(RegisterOut):
    """A register with its participants for members of its organisation."""

    purpose: str = Field(description="What the personal data are used for.")
    participants: list[ParticipantOut] = Field(
        alias="shown",
        description="The participants; empty for callers outside the register's organisation.",
    )


class RegisterIn(OwnedIn):
    """A register to open for a visit or an activity; give exactly one of the two."""

    visit: int | None = Field(None, description="Identifier of a visit the caller may change.")
    activity: int | None = Field(
        None, description="Identifier of an activity the caller may change."
    )
    towns: list[int] = Field([], description="Identifiers of the towns taking part.")
    total: int | None = Field(None, ge=0, description="Total when names are not kept.")
    purpose: str = Field("", description="What the personal data are used for.")
    signup_open: bool = Field(False, description="Open the public sign-up.")
    signup_closes: dt.date | None = Field(None, description="The last day to sign up.")
    capacity: int | None = Field(None, ge=1, description="The most people who may sign up.")
    is_public: bool = Field(False, description="Show the counts to visitors.")


class ParticipantIn(Body):
    """A participant to add to a register."""

    name: str = Field(description="Name of the participant.")
    town: int | None = Field(None, description="Identifier of the participant's town.")
    country: str = Field("", description="ISO 3166 code of the country; the town's if left out.")
    age_group: AgeGroup = Field(description="Age band; minors need a guardian's consent.")
    role: ParticipantRole = Field(ParticipantRole.CITIZEN, description="Role in the event.")
    email: str = Field("", description="E-mail address.")
    phone: str = Field("", description="Telephone number.")
    consent_on: dt.date = Field(description="When the participant consented.")
    consent_purpose: str = Field(
        "", description="What the participant consented to; the register's purpose if left out."
    )
    guardian_name: str = Field("", description="The guardian who consented for a minor.")
    guardian_consent_on: dt.date | None = Field(None, description="When the guardian consented.")
