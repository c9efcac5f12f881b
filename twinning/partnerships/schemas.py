"""Shapes of partnerships in the JSON API."""

import datetime as dt

from ninja import Field, Schema

from twinning.core.partialdates import PartialDate
from twinning.partnerships.models import AgreementKind, PartnershipKind, PartnershipStatus
from twinning.places.models import PlaceKind

PARTIAL_DATE = "A date known to the year, month or day: 2007, 2013-06 or 2012-10-02."


def _iso(value: PartialDate | None) -> str | None:
    return value.isoformat() if value is not None else None


def _choices(choices) -> str:
    return ", ".join(choices.values)


class PartnershipQuery(Schema):
    """Query parameters that narrow the list of partnerships."""

    country: str | None = Field(
        None,
        title="Country",
        description=(
            "ISO 3166 code (or several, comma-separated) of a party's country. Alone it "
            "matches either party; with partner_country it matches the other party."
        ),
        examples=["DK"],
    )
    partner_country: str | None = Field(
        None,
        title="Partner country",
        description=(
            "ISO 3166 code (or several, comma-separated) of the partner's country. With "
            "country, the two codes must be on opposite parties, in either order."
        ),
        examples=["CN"],
    )
    kind: list[str] = Field(
        [],
        title="Kind",
        description=f"Kind of partnership; repeat to allow several. One of: "
        f"{_choices(PartnershipKind)}.",
    )
    status: list[str] = Field(
        [],
        title="Status",
        description=f"Status; repeat to allow several. One of: {_choices(PartnershipStatus)}.",
    )
    focus: list[str] = Field(
        [],
        title="Focus area",
        description="Slug of a focus area, such as cleantech; repeat to allow several.",
    )
    q: str | None = Field(
        None,
        title="Search",
        description="Text found in a party's name, one of its other names, or the notes.",
    )


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
    since: str | None = Field(description=f"When the partnership began. {PARTIAL_DATE}")
    until: str | None = Field(description=f"When the partnership ended. {PARTIAL_DATE}")
    focus_areas: list[str] = Field(description="Slugs of the topics of cooperation.")
    parties: list[PartyOut] = Field(
        description="The two parties: first the holder, then the partner."
    )

    @staticmethod
    def resolve_since(obj) -> str | None:
        return _iso(obj.since)

    @staticmethod
    def resolve_until(obj) -> str | None:
        return _iso(obj.until)

    @staticmethod
    def resolve_focus_areas(obj) -> list[str]:
        return [area.slug for area in obj.focus_areas.all()]

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


class AgreementOut(Schema):
    """A signed document within a partnership."""

    id: int = Field(description="Identifier of the agreement.")
    kind: AgreementKind = Field(description="Kind of agreement.")
    title: str = Field(description="Title of the document; may be empty.")
    signed: str | None = Field(description=f"When it was signed. {PARTIAL_DATE}")
    place_of_signing: str = Field(description="Where it was signed; may be empty.")
    signatories: list[SignatoryOut] = Field(description="Who signed it.")
    term_months: int | None = Field(description="How many months the agreement runs.")
    expires: str | None = Field(
        description=f"When it expires or is due for renewal. {PARTIAL_DATE}"
    )
    notice_months: int | None = Field(description="Months of notice needed to end it.")
    renews_tacitly: bool = Field(
        description="Whether it runs for another term unless one side gives notice."
    )
    notice_given: dt.date | None = Field(
        description="When notice to end a tacitly renewing agreement was given (YYYY-MM-DD)."
    )
    renews: int | None = Field(
        description="Identifier of the agreement this one renews or replaces."
    )

    @staticmethod
    def resolve_signed(obj) -> str | None:
        return _iso(obj.signed)

    @staticmethod
    def resolve_expires(obj) -> str | None:
        return _iso(obj.expires)

    @staticmethod
    def resolve_renews(obj) -> int | None:
        return obj.renews_id

    @staticmethod
    def resolve_signatories(obj) -> list:
        return obj.signatories_shown


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


class SourceOut(Schema):
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
    people: list[PartnershipPersonOut] = Field(description="People who take part.")
    sources: list[SourceOut] = Field(description="Evidence for the partnership and its agreements.")

    @staticmethod
    def resolve_people(obj) -> list:
        return obj.people_shown

    @staticmethod
    def resolve_sources(obj) -> list:
        return obj.evidence_shown


class PartnershipIn(Schema):
    """A partnership to create."""

    party_a: int = Field(description="Identifier of the place on one side.")
    party_b: int = Field(description="Identifier of the place on the other side.")
    kind: PartnershipKind = Field(PartnershipKind.SISTER_CITY, description="Kind of partnership.")
    status: PartnershipStatus = Field(PartnershipStatus.ACTIVE, description="Status.")
    since: str | None = Field(None, description=PARTIAL_DATE)
    until: str | None = Field(None, description=PARTIAL_DATE)
    termination_reason: str = Field("", description="Why it ended (terminated only).")
    focus_areas: list[str] = Field([], description="Slugs of focus areas.")
    notes: str = Field("", description="Free notes.")
    owner: int | None = Field(
        None, description="Organisation whose editors may change it; one of the caller's."
    )
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class PartnershipPatch(Schema):
    """Fields of a partnership to change; fields left out stay as they are."""

    party_a: int | None = Field(None, description="Identifier of the place on one side.")
    party_b: int | None = Field(None, description="Identifier of the place on the other side.")
    kind: PartnershipKind | None = Field(None, description="Kind of partnership.")
    status: PartnershipStatus | None = Field(None, description="Status.")
    since: str | None = Field(None, description=PARTIAL_DATE)
    until: str | None = Field(None, description=PARTIAL_DATE)
    termination_reason: str | None = Field(None, description="Why it ended.")
    focus_areas: list[str] | None = Field(None, description="Slugs of focus areas.")
    notes: str | None = Field(None, description="Free notes.")
    owner: int | None = Field(None, description="Owning organisation.")
    is_public: bool | None = Field(None, description="Shown to visitors.")


class AgreementIn(Schema):
    """An agreement to add to a partnership, or the fields of one to change."""

    kind: AgreementKind | None = Field(None, description="Kind of agreement.")
    title: str | None = Field(None, description="Title of the agreement.")
    signed: str | None = Field(None, description=PARTIAL_DATE)
    place_of_signing: str | None = Field(None, description="Where it was signed.")
    signatories: list[int] | None = Field(None, description="Identifiers of posts that signed.")
    term_months: int | None = Field(None, ge=0, description="Term in months.")
    expires: str | None = Field(None, description=PARTIAL_DATE)
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
