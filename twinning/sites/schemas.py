"""Shapes of showcase sites in the JSON API."""

from ninja import Field, Schema

from twinning.core.api import OwnedIn, Ref, Slugs, TranslatedIn, TranslatedOut


class ShowcaseSiteOut(Schema):
    """A place that hosts visiting delegations."""

    id: int = Field(description="Identifier of the site.")
    name: str = Field(description="Name of the site.")
    organisation: Ref = Field(description="The organisation that runs the site.")
    place: Ref | None = Field(description="The municipality or city the site lies in.")
    address: str = Field(description="Street address; may be empty.")
    latitude: float | None = Field(description="Latitude in degrees (WGS 84).")
    longitude: float | None = Field(description="Longitude in degrees (WGS 84).")
    focus_areas: Slugs = Field(description="Slugs of the topics the site shows.")
    languages: list[str] = Field(description="Two-letter codes of the languages of tours.")
    capacity: int | None = Field(description="How many visitors the site takes at once.")

    @staticmethod
    def resolve_languages(obj) -> list[str]:
        return obj.language_codes()


class ShowcaseSiteDetailOut(ShowcaseSiteOut, TranslatedOut):
    """A showcase site with what a visitor sees and whom to contact."""

    what_visitors_see: str = Field(description="What a visitor sees there.")
    contact_name: str = Field(description="Whom to contact to arrange a visit.")
    contact_email: str = Field(description="The contact's e-mail address.")
    contact_phone: str = Field(description="The contact's phone number.")


class ShowcaseSiteIn(OwnedIn, TranslatedIn):
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
