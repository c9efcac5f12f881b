"""Shapes of people and their posts in the JSON API."""

from ninja import Field, Schema

from twinning.core.api import OWNER, PUBLIC, Body, Label, OwnedIn, PartialDateStr, Ref


class PostOut(Schema):
    """A role a person holds at an organisation or for a place, for a period."""

    id: int = Field(description="Identifier of the post.")
    role: str = Field(description="The role, such as mayor or head of department.")
    organisation: Ref | None = Field(description="The organisation of the post, if any.")
    place: Ref | None = Field(description="The place the post is for, if any.")
    start: PartialDateStr | None = Field(description="When the post began.")
    end: PartialDateStr | None = Field(description="When the post ended.")


class PersonOut(Schema):
    """A named person who holds posts, signs agreements or takes part in activities."""

    id: int = Field(description="Identifier of the person.")
    name: str = Field(description="Name of the person.")
    posts: list[PostOut] = Field(description="The person's posts, latest first.")
    owner: int | None = OWNER
    is_public: bool = PUBLIC


class PersonPartnershipOut(Schema):
    """A visible partnership the person takes part in."""

    id: int = Field(alias="partnership_id", description="Identifier of the partnership.")
    name: Label = Field(alias="partnership", description="The two parties of the partnership.")
    role: str = Field(description="The person's role in it; may be empty.")


class PersonDetailOut(PersonOut):
    """A person with contact details, notes and partnerships."""

    email: str = Field(description="E-mail address; may be empty.")
    phone: str = Field(description="Telephone number; may be empty.")
    notes: str = Field(description="Free-text notes.")
    partnerships: list[PersonPartnershipOut] = Field(
        alias="partnership_links", description="Visible partnerships the person takes part in."
    )


class PersonIn(OwnedIn):
    """A person to create."""

    name: str = Field(description="Name of the person.")
    email: str = Field("", description="E-mail address.")
    phone: str = Field("", description="Telephone number.")
    notes: str = Field("", description="Free-text notes.")


class PostIn(Body):
    """A post a person holds."""

    role: str = Field("", description="The role, such as mayor.")
    organisation: int | None = Field(None, description="Identifier of a visible organisation.")
    place: int | None = Field(None, description="Identifier of the place; null for none.")
    start: PartialDateStr | None = Field(None, description="When the post began.")
    end: PartialDateStr | None = Field(None, description="When the post ended.")
