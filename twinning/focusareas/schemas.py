"""Shapes of focus areas in the JSON API."""

from ninja import Field, Schema

from twinning.core.api import Body


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


class FocusAreaIn(Body):
    """A focus area to create."""

    slug: str = Field(description="Code: lower-case letters, digits, hyphens, underscores.")
    name_en: str = Field(description="Name in English.")
    name_da: str = Field(description="Name in Danish.")
    parent: int | None = Field(None, description="Identifier of the broader area.")
