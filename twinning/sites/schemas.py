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


class SiteRef(Schema):
    """A reference to another record."""

    id: int = Field(description="Identifier of the record.")
    name: str = Field(description="Name of the record.")


class ShowcaseSiteOut(Schema):
    """A place that hosts visiting delegations."""

    id: int = Field(description="Identifier of the site.")
    name: str = Field(description="Name of the site.")
    organisation: SiteRef = Field(description="The organisation that runs the site.")
    place: SiteRef | None = Field(description="The municipality or city the site lies in.")
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


# Writes ---------------------------------------------------------------------------------


class ShowcaseSiteIn(Schema):
    """A showcase site to create."""

    name: str = Field(description="Name of the site.")
    organisation: int = Field(description="Identifier of the visible organisation running it.")
    place: int | None = Field(
        None, description="Identifier of the place it lies in; defaults to the organisation's."
    )
    address: str = Field("", description="Street address.")
    latitude: float | None = Field(None, description="Latitude in degrees (WGS 84).")
    longitude: float | None = Field(None, description="Longitude in degrees (WGS 84).")
    focus_areas: list[str] = Field([], description="Slugs of the topics the site shows.")
    what_visitors_see: str = Field("", description="What a visitor sees there.")
    languages: list[str] = Field(
        [], description="Two-letter codes of the languages of guided tours, such as da."
    )
    capacity: int | None = Field(None, description="How many visitors it takes at once.")
    contact_name: str = Field("", description="Whom to contact to arrange a visit.")
    contact_email: str = Field("", description="The contact's e-mail address.")
    contact_phone: str = Field("", description="The contact's phone number.")
    owner: int | None = Field(
        None,
        description="Organisation whose editors may change it; one of the caller's. May be "
        "left out when the caller edits for one organisation only.",
    )
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class ShowcaseSitePatch(Schema):
    """Fields of a showcase site to change; fields left out stay as they are."""

    name: str | None = Field(None, description="Name of the site.")
    organisation: int | None = Field(None, description="Identifier of the organisation.")
    place: int | None = Field(None, description="Identifier of the place; null for none.")
    address: str | None = Field(None, description="Street address.")
    latitude: float | None = Field(None, description="Latitude in degrees (WGS 84).")
    longitude: float | None = Field(None, description="Longitude in degrees (WGS 84).")
    focus_areas: list[str] | None = Field(
        None, description="Slugs of the topics; replaces the whole list."
    )
    what_visitors_see: str | None = Field(None, description="What a visitor sees there.")
    languages: list[str] | None = Field(
        None, description="Two-letter codes of the languages of guided tours."
    )
    capacity: int | None = Field(None, description="How many visitors it takes at once.")
    contact_name: str | None = Field(None, description="Whom to contact.")
    contact_email: str | None = Field(None, description="The contact's e-mail address.")
    contact_phone: str | None = Field(None, description="The contact's phone number.")
    owner: int | None = Field(None, description="Owning organisation; one of the caller's.")
    is_public: bool | None = Field(None, description="Shown to visitors who are not logged in.")
