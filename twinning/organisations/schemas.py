"""Shapes of organisations in the JSON API."""

from ninja import Field, Schema

from twinning.core.partialdates import PartialDate
from twinning.organisations.models import OrganisationKind

PARTIAL_DATE = "A date known to the year, month or day: 2007, 2013-06 or 2012-10-02."


def _iso(value: PartialDate | None) -> str | None:
    return value.isoformat() if value is not None else None


class OrganisationQuery(Schema):
    """Query parameters that narrow the list of organisations."""

    q: str | None = Field(
        None,
        title="Search",
        description="Text found in the name, or in the name of its place ignoring accents.",
        examples=["Aarhus"],
    )
    kind: str | None = Field(
        None,
        title="Kind",
        description=f"Kind of organisation. One of: {', '.join(OrganisationKind.values)}.",
    )
    place: int | None = Field(
        None, title="Place", description="Identifier of the place the organisation is in."
    )
    country: str | None = Field(
        None,
        title="Country",
        description="ISO 3166 code of the country of its place.",
        examples=["DK"],
    )


class Ref(Schema):
    """A reference to another record by identifier and name."""

    id: int = Field(description="Identifier of the record.")
    name: str = Field(description="Name of the record.")


class OrganisationOut(Schema):
    """A body that people work for: a department, company, school, agency or network."""

    id: int = Field(description="Identifier of the organisation.")
    name: str = Field(description="Name of the organisation.")
    kind: OrganisationKind = Field(description="Kind of organisation.")
    place: Ref | None = Field(description="The place where it is, if known.")
    parent: Ref | None = Field(description="The organisation it is part of, if any.")
    website: str = Field(description="Address of its website; may be empty.")
    owner: int | None = Field(
        description="Identifier of the organisation whose editors may change this record."
    )
    is_public: bool = Field(description="Whether visitors who are not logged in see it.")

    @staticmethod
    def resolve_owner(obj) -> int | None:
        return obj.owner_id


class OrganisationPostOut(Schema):
    """A post held at the organisation by a visible person."""

    id: int = Field(description="Identifier of the post.")
    person: Ref = Field(description="The person who holds or held it.")
    role: str = Field(description="The role, such as mayor or head of department.")
    start: str | None = Field(description=f"When the post began. {PARTIAL_DATE}")
    end: str | None = Field(description=f"When the post ended. {PARTIAL_DATE}")

    @staticmethod
    def resolve_start(obj) -> str | None:
        return _iso(obj.start)

    @staticmethod
    def resolve_end(obj) -> str | None:
        return _iso(obj.end)


class PublishedSourceOut(Schema):
    """A visible source the organisation published."""

    id: int = Field(description="Identifier of the source.")
    title: str = Field(description="Title of the source.")
    url: str = Field(description="Address of the source; may be empty.")
    published: str | None = Field(description=f"When it was published. {PARTIAL_DATE}")

    @staticmethod
    def resolve_published(obj) -> str | None:
        return _iso(obj.published)


class OrganisationDetailOut(OrganisationOut):
    """An organisation with its notes, units, posts and published sources."""

    notes: str = Field(description="Free-text notes.")
    units: list[Ref] = Field(description="Visible organisations that are part of this one.")
    posts: list[OrganisationPostOut] = Field(description="Posts held here by visible people.")
    sources: list[PublishedSourceOut] = Field(description="Visible sources it published.")

    @staticmethod
    def resolve_units(obj) -> list:
        return obj.units.all()

    @staticmethod
    def resolve_posts(obj) -> list:
        return obj.posts.all()

    @staticmethod
    def resolve_sources(obj) -> list:
        return obj.published_sources.all()


class OrganisationIn(Schema):
    """An organisation to create."""

    name: str = Field(description="Name of the organisation.")
    kind: OrganisationKind = Field(description="Kind of organisation.")
    place: int | None = Field(None, description="Identifier of the place where it is.")
    parent: int | None = Field(
        None, description="Identifier of a visible organisation it is part of."
    )
    website: str = Field("", description="Address of its website.")
    notes: str = Field("", description="Free-text notes.")
    owner: int | None = Field(
        None,
        description="Organisation whose editors may change it; one of the caller's. May be "
        "left out when the caller edits for one organisation only.",
    )
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class OrganisationPatch(Schema):
    """Fields of an organisation to change; fields left out stay as they are."""

    name: str | None = Field(None, description="Name of the organisation.")
    kind: OrganisationKind | None = Field(None, description="Kind of organisation.")
    place: int | None = Field(None, description="Identifier of its place; null for none.")
    parent: int | None = Field(
        None, description="Identifier of the organisation it is part of; null for none."
    )
    website: str | None = Field(None, description="Address of its website.")
    notes: str | None = Field(None, description="Free-text notes.")
    owner: int | None = Field(None, description="Owning organisation; one of the caller's.")
    is_public: bool | None = Field(None, description="Shown to visitors who are not logged in.")
