"""Shapes of organisations in the JSON API."""

from ninja import Field, Schema

from twinning.accounts.models import Role
from twinning.core.api import OWNER, PUBLIC, Label, OwnedIn, PartialDateStr, Ref
from twinning.organisations.models import OrganisationKind


class OrganisationOut(Schema):
    """A body that people work for: a department, company, school, agency or network."""

    id: int = Field(description="Identifier of the organisation.")
    name: str = Field(description="Name of the organisation.")
    kind: OrganisationKind = Field(description="Kind of organisation.")
    place: Ref | None = Field(description="The place where it is, if known.")
    parent: Ref | None = Field(description="The organisation it is part of, if any.")
    website: str = Field(description="Address of its website; may be empty.")
    owner: int | None = OWNER
    is_public: bool = PUBLIC


class OrganisationPostOut(Schema):
    """A post held at the organisation by a visible person."""

    id: int = Field(description="Identifier of the post.")
    person: Ref = Field(description="The person who holds or held it.")
    role: str = Field(description="The role, such as mayor or head of department.")
    start: PartialDateStr | None = Field(description="When the post began.")
    end: PartialDateStr | None = Field(description="When the post ended.")


class PublishedSourceOut(Schema):
    """A visible source the organisation published."""

    id: int = Field(description="Identifier of the source.")
    title: str = Field(description="Title of the source.")
    url: str = Field(description="Address of the source; may be empty.")
    published: PartialDateStr | None = Field(description="When it was published.")


class OrganisationDetailOut(OrganisationOut):
    """An organisation with its notes, units, posts and published sources."""

    notes: str = Field(description="Free-text notes.")
    units: list[Ref] = Field(description="Visible organisations that are part of this one.")
    posts: list[OrganisationPostOut] = Field(description="Posts held here by visible people.")
    sources: list[PublishedSourceOut] = Field(
        alias="published_sources", description="Visible sources it published."
    )


class OrganisationIn(OwnedIn):
    """An organisation to create."""

    name: str = Field(description="Name of the organisation.")
    kind: OrganisationKind = Field(description="Kind of organisation.")
    place: int | None = Field(None, description="Identifier of the place where it is.")
    parent: int | None = Field(None, description="Identifier of the organisation it is part of.")
    website: str = Field("", description="Address of its website.")
    notes: str = Field("", description="Free-text notes.")


class MembershipOut(Schema):
    """A user's role in an organisation."""

    id: int = Field(description="Identifier of the membership.")
    user: Label = Field(description="User name of the member.")
    role: Role = Field(description="viewer, editor or admin.")
