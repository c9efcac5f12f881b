"""Shapes of people and their posts in the JSON API."""

from ninja import Field, Schema

from twinning.core.partialdates import PartialDate

PARTIAL_DATE = "A date known to the year, month or day: 2007, 2013-06 or 2012-10-02."


def _iso(value: PartialDate | None) -> str | None:
    return value.isoformat() if value is not None else None


class PersonQuery(Schema):
    """Query parameters that narrow the list of people."""

    q: str | None = Field(None, title="Search", description="Text found in the name or e-mail.")
    organisation: int | None = Field(
        None,
        title="Organisation",
        description="Identifier of a visible organisation at which the person holds a post.",
    )
    role: str | None = Field(
        None, title="Role", description="Text found in the role of one of the person's posts."
    )


class Ref(Schema):
    """A reference to another record by identifier and name."""

    id: int = Field(description="Identifier of the record.")
    name: str = Field(description="Name of the record.")


class PostOut(Schema):
    """A role a person holds at an organisation or for a place, for a period."""

    id: int = Field(description="Identifier of the post.")
    role: str = Field(description="The role, such as mayor or head of department.")
    organisation: Ref | None = Field(description="The organisation of the post, if any.")
    place: Ref | None = Field(description="The place the post is for, if any.")
    start: str | None = Field(description=f"When the post began. {PARTIAL_DATE}")
    end: str | None = Field(description=f"When the post ended. {PARTIAL_DATE}")

    @staticmethod
    def resolve_start(obj) -> str | None:
        return _iso(obj.start)

    @staticmethod
    def resolve_end(obj) -> str | None:
        return _iso(obj.end)


class PersonOut(Schema):
    """A named person who holds posts, signs agreements or takes part in activities."""

    id: int = Field(description="Identifier of the person.")
    name: str = Field(description="Name of the person.")
    posts: list[PostOut] = Field(description="The person's posts, latest first.")
    owner: int | None = Field(
        description="Identifier of the organisation whose editors may change this record."
    )
    is_public: bool = Field(description="Whether visitors who are not logged in see it.")

    @staticmethod
    def resolve_posts(obj) -> list:
        return obj.posts.all()

    @staticmethod
    def resolve_owner(obj) -> int | None:
        return obj.owner_id


class PersonPartnershipOut(Schema):
    """A visible partnership the person takes part in."""

    id: int = Field(description="Identifier of the partnership.")
    name: str = Field(description="The two parties of the partnership.")
    role: str = Field(description="The person's role in it; may be empty.")

    @staticmethod
    def resolve_id(obj) -> int:
        return obj.partnership_id

    @staticmethod
    def resolve_name(obj) -> str:
        return str(obj.partnership)


class PersonDetailOut(PersonOut):
    """A person with contact details, notes and partnerships."""

    email: str = Field(description="E-mail address; may be empty.")
    phone: str = Field(description="Telephone number; may be empty.")
    notes: str = Field(description="Free-text notes.")
    partnerships: list[PersonPartnershipOut] = Field(
        description="Visible partnerships the person takes part in."
    )

    @staticmethod
    def resolve_partnerships(obj) -> list:
        return obj.partnership_links.all()


class PersonIn(Schema):
    """A person to create."""

    name: str = Field(description="Name of the person.")
    email: str = Field("", description="E-mail address.")
    phone: str = Field("", description="Telephone number.")
    notes: str = Field("", description="Free-text notes.")
    owner: int | None = Field(
        None,
        description="Organisation whose editors may change it; one of the caller's. May be "
        "left out when the caller edits for one organisation only.",
    )
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class PersonPatch(Schema):
    """Fields of a person to change; fields left out stay as they are."""

    name: str | None = Field(None, description="Name of the person.")
    email: str | None = Field(None, description="E-mail address.")
    phone: str | None = Field(None, description="Telephone number.")
    notes: str | None = Field(None, description="Free-text notes.")
    owner: int | None = Field(None, description="Owning organisation; one of the caller's.")
    is_public: bool | None = Field(None, description="Shown to visitors who are not logged in.")


class PostIn(Schema):
    """A post to add to a person, or the fields of one to change."""

    role: str | None = Field(None, description="The role, such as mayor; needed for a new post.")
    organisation: int | None = Field(
        None, description="Identifier of a visible organisation; null for none."
    )
    place: int | None = Field(None, description="Identifier of the place; null for none.")
    start: str | None = Field(None, description=f"When the post began. {PARTIAL_DATE}")
    end: str | None = Field(None, description=f"When the post ended. {PARTIAL_DATE}")
