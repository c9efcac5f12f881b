"""Shapes of partnerships in the JSON API."""

import datetime as dt

from ninja import Field, Schema

from twinning.core.api import OwnedIn, PartialDateStr, Slugs, TranslatedIn, TranslatedOut
from twinning.partnerships.models import AgreementKind, PartnershipKind, PartnershipStatus
from twinning.places.models import PlaceKind


class PartyOut(Schema):
    """A place that holds one side of a partnership."""

    id: int = Field(description="Identifier of the place.")
    name: str = Field(description="Name of the place.")
    kind: PlaceKind = Field(description="Kind of place.")
    country: str | None = Field(description="ISO 3166 code of the place's country.")

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country_code or None


class PartnershipOut(Schema):
    """A standing tie between two parties, as listed."""

    id: int = Field(description="Identifier of the partnership.")
    kind: PartnershipKind = Field(description="Kind of partnership.")
    status: PartnershipStatus = Field(description="Where the partnership stands now.")
    since: PartialDateStr | None = Field(description="When the partnership began.")
    until: PartialDateStr | None = Field(description="When the partnership ended.")
    focus_areas: Slugs = Field(description="Slugs of the topics of cooperation.")
    parties: list[PartyOut] = Field(
        description="The two parties: first the holder, then the partner."
    )

    @staticmethod
    def resolve_parties(obj) -> list:
        return [obj.party_a, obj.party_b]


class SignatoryOut(Schema):
    """A person who signed an agreement, in the post held at the time."""

    person: str = Field(description="Name of the person.")
    role: str = Field(description="The post held, such as mayor.")
    organisation: str | None = Field(description="The organisation of the post, if any.")

    @staticmethod
    def resolve_person(obj) -> str:
        return obj.person.name

    @staticmethod
    def resolve_organisation(obj) -> str | None:
        return obj.organisation.name if obj.organisation else None


class AgreementOut(TranslatedOut):
    """A signed document within a partnership."""

    id: int = Field(description="Identifier of the agreement.")
    kind: AgreementKind = Field(description="Kind of agreement.")
    title: str = Field(description="Title of the document; may be empty.")
    signed: PartialDateStr | None = Field(description="When it was signed.")
    place_of_signing: str = Field(description="Where it was signed; may be empty.")
    signatories: list[SignatoryOut] = Field(alias="signatories_shown", description="Who signed it.")
    term_months: int | None = Field(description="How many months the agreement runs.")
    expires: PartialDateStr | None = Field(description="When it expires or is due for renewal.")
    notice_months: int | None = Field(description="Months of notice needed to end it.")
    renews_tacitly: bool = Field(
        description="Whether it runs for another term unless one side gives notice."
    )
    notice_given: dt.date | None = Field(
        description="When notice to end a tacitly renewing agreement was given (YYYY-MM-DD)."
    )
    renews: int | None = Field(
        alias="renews_id", description="Identifier of the agreement this one renews or replaces."
    )


class PartnershipPersonOut(Schema):
    """A person's part in a partnership."""

    id: int = Field(description="Identifier of the person.")
    name: str = Field(description="Name of the person.")
    role: str = Field(description="Role in the partnership, such as coordinator; may be empty.")

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.person_id

    @staticmethod
    def resolve_name(obj) -> str:
        return obj.person.name


class PartnershipSourceOut(Schema):
    """A passage of a source that supports the partnership or one of its agreements."""

    title: str = Field(description="Title of the source.")
    url: str = Field(description="Address of the source; may be empty.")
    quote: str = Field(description="The passage quoted from the source; may be empty.")

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.source.title

    @staticmethod
    def resolve_url(obj) -> str:
        return obj.source.url


class PartnershipDetailOut(PartnershipOut):
    """A partnership with its agreements, people and sources."""

    termination_reason: str = Field(description="Why it ended; empty unless terminated.")
    notes: str = Field(description="Free-text notes.")
    agreements: list[AgreementOut] = Field(description="Agreements, oldest first.")
    people: list[PartnershipPersonOut] = Field(
        alias="people_shown", description="People who take part."
    )
    sources: list[PartnershipSourceOut] = Field(
        alias="evidence_shown", description="Evidence for the partnership and its agreements."
    )


class PartnershipIn(OwnedIn):
    """A partnership to create."""

    party_a: int = Field(description="Identifier of the place on one side.")
    party_b: int = Field(description="Identifier of the place on the other side.")
    kind: PartnershipKind = Field(PartnershipKind.SISTER_CITY, description="Kind of partnership.")
    status: PartnershipStatus = Field(PartnershipStatus.ACTIVE, description="Status.")
    since: PartialDateStr | None = Field(None, description="When it began.")
    until: PartialDateStr | None = Field(None, description="When it ended.")
    termination_reason: str = Field("", description="Why it ended (terminated only).")
    focus_areas: list[str] = Field([], description="Slugs of focus areas.")
    notes: str = Field("", description="Free notes.")


class AgreementIn(TranslatedIn):
    """An agreement to add to a partnership, or the fields of one to change."""

    kind: AgreementKind = Field(AgreementKind.FOUNDING, description="Kind of agreement.")
    title: str | None = Field(None, description="Title of the agreement.")
    signed: PartialDateStr | None = Field(None, description="When it was signed.")
    place_of_signing: str | None = Field(None, description="Where it was signed.")
    signatories: list[int] | None = Field(None, description="Identifiers of posts that signed.")
    term_months: int | None = Field(None, ge=0, description="Term in months.")
    expires: PartialDateStr | None = Field(None, description="When it expires.")
    notice_months: int | None = Field(None, ge=0, description="Notice period in months.")
    renews_tacitly: bool | None = Field(
        None, description="Runs for another term unless one side gives notice."
    )
    notice_given: dt.date | None = Field(
        None, description="When notice to end a tacit renewal was given (YYYY-MM-DD)."
    )
    renews: int | None = Field(None, description="Identifier of the agreement it renews.")
    document: int | None = Field(None, description="Identifier of the source holding its text.")
    notes: str | None = Field(None, description="Free notes.")
