"""Shapes of showcase sites in the JSON API."""

from ninja import Field, Schema


class ShowcaseSiteQuery(Schema):
    """Query parameters that narrow the list of showcase sites."""

    focus: list[str] = Field(
        [],
        title="Focus area",
        description="Slug of a focus area, such as energy; repeat to allow several.",
    )
    organisation: int | None = Field(
        None, title="Organisation", description="Identifier of the organisation running the site."
    )
    place: int | None = Field(
        None,
        title="Place",
        description="Identifier of the place the site lies in (or of the place containing it).",
    )
    language: str | None = Field(
        None,
        title="Language",
        description="Two-letter code of a language guided tours are given in.",
        examples=["en"],
    )
    q: str | None = Field(
        None, title="Search", description="Text in the name, organisation, address or description."
    )


class Ref(Schema):
    """A reference to another record."""

    id: int = Field(description="Identifier of the record.")
    name: str = Field(description="Name of the record.")


class ShowcaseSiteOut(Schema):
    """A place that hosts visiting delegations."""

    id: int = Field(description="Identifier of the site.")
    name: str = Field(description="Name of the site.")
    organisation: Ref = Field(description="The organisation that runs the site.")
    place: Ref | None = Field(description="The municipality or city the site lies in.")
    address: str = Field(description="Street address; may be empty.")
    latitude: float | None = Field(description="Latitude in degrees (WGS 84).")
    longitude: float | None = Field(description="Longitude in degrees (WGS 84).")
    focus_areas: list[str] = Field(description="Slugs of the topics the site shows.")
    languages: list[str] = Field(description="Two-letter codes of the languages of tours.")
    capacity: int | None = Field(description="How many visitors the site takes at once.")

    @staticmethod
    def resolve_focus_areas(obj) -> list[str]:
        return [area.slug for area in obj.focus_areas.all()]

    @staticmethod
    def resolve_languages(obj) -> list[str]:
        return obj.language_codes()


class ShowcaseSiteDetailOut(ShowcaseSiteOut):
    """A showcase site with what a visitor sees and whom to contact."""

    what_visitors_see: str = Field(description="What a visitor sees there.")
    contact_name: str = Field(description="Whom to contact to arrange a visit.")
    contact_email: str = Field(description="The contact's e-mail address.")
    contact_phone: str = Field(description="The contact's phone number.")
