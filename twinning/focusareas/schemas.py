"""Shapes of focus areas in the JSON API."""

from ninja import Field, Schema


class FocusAreaQuery(Schema):
    """Query parameters that narrow the list of focus areas."""

    q: str | None = Field(
        None,
        title="Search",
        description="Text found in the code or in the English or Danish name.",
        examples=["energy"],
    )
    parent: int | None = Field(
        None, title="Broader area", description="Identifier of the broader focus area."
    )


class FocusAreaRef(Schema):
    """A reference to another focus area."""

    id: int = Field(description="Identifier of the focus area.")
    slug: str = Field(description="Code of the focus area, such as cleantech.")
    name: str = Field(description="Name in the language of the request.")


class FocusAreaOut(Schema):
    """A topic of cooperation, such as cleantech or elder care."""

    id: int = Field(description="Identifier of the focus area.")
    slug: str = Field(description="Code of the focus area, used in partnership filters.")
    name: str = Field(description="Name in the language of the request.")
    name_en: str = Field(description="Name in English.")
    name_da: str = Field(description="Name in Danish.")
    parent: FocusAreaRef | None = Field(description="The broader area, if any.")


class FocusAreaDetailOut(FocusAreaOut):
    """A focus area with its narrower areas."""

    children: list[FocusAreaRef] = Field(description="Narrower areas within this one.")

    @staticmethod
    def resolve_children(obj) -> list:
        return obj.children.all()


class FocusAreaIn(Schema):
    """A focus area to create."""

    slug: str = Field(description="Code: lower-case letters, digits, hyphens, underscores.")
    name_en: str = Field(description="Name in English.")
    name_da: str = Field(description="Name in Danish.")
    parent: int | None = Field(None, description="Identifier of the broader area.")


class FocusAreaPatch(Schema):
    """Fields of a focus area to change; fields left out stay as they are."""

    slug: str | None = Field(None, description="Code of the focus area.")
    name_en: str | None = Field(None, description="Name in English.")
    name_da: str | None = Field(None, description="Name in Danish.")
    parent: int | None = Field(None, description="Identifier of the broader area; null for none.")
