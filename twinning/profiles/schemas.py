"""Shapes of partner profiles and suggested partners in the JSON API."""

from decimal import Decimal

from ninja import Field, Schema

from twinning.core.api import OWNER, PUBLIC, OwnedIn, Ref, Slugs
from twinning.profiles.models import SizeBand


class ProfileOut(Schema):
    """What a place offers and seeks in a partner."""

    id: int = Field(description="Identifier of the profile.")
    place: Ref = Field(description="The place or group the profile speaks for.")
    country: str = Field(description="ISO 3166 code of the place's country; may be empty.")
    seeking: bool = Field(description="Whether the place is seeking a partner now.")
    population: int | None = Field(
        alias="known_population",
        description="Population given in the profile, or else the place's.",
    )
    size_band: SizeBand | None = Field(description="Size band of that population.")
    focus_offered: Slugs = Field(description="Codes of the focus areas offered.")
    focus_sought: Slugs = Field(description="Codes of the focus areas sought.")
    desired_countries: list[str] = Field(description="ISO codes of the countries wanted.")
    desired_size: SizeBand | None = Field(description="Size band wanted; null for any.")
    owner: int | None = OWNER
    is_public: bool = PUBLIC

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.place.country_code

    @staticmethod
    def resolve_size_band(obj) -> str | None:
        return obj.size_band or None

    @staticmethod
    def resolve_desired_countries(obj) -> list[str]:
        return [country.code for country in obj.desired_countries]

    @staticmethod
    def resolve_desired_size(obj) -> str | None:
        return obj.desired_size or None


class ProfileDetailOut(ProfileOut):
    """A profile with its texts and, when the caller may read it, its contact."""

    summary: str = Field(description="The profile in the place's own words.")
    area_km2: Decimal | None = Field(description="Area in square kilometres.")
    economy: str = Field(description="The economy.")
    strengths: str = Field(description="Strengths.")
    languages: str = Field(description="Working languages.")
    contact_name: str | None = Field(
        description="Contact person; null unless public or the caller's organisation's."
    )
    contact_email: str | None = Field(description="Contact e-mail; null likewise.")
    contact_public: bool = Field(description="Whether visitors see the contact.")

    @staticmethod
    def resolve_contact_name(obj) -> str | None:
        return obj.contact_name if obj.contact_shown else None

    @staticmethod
    def resolve_contact_email(obj) -> str | None:
        return obj.contact_email if obj.contact_shown else None


class ProfileIn(OwnedIn):
    """A partner profile to create."""

    place: int = Field(description="Identifier of a place without a profile.")
    seeking: bool = Field(True, description="Whether the place is seeking a partner now.")
    summary: str = Field("", description="The profile in the place's own words.")
    population: int | None = Field(
        None, ge=0, description="Population; leave out to use the place's."
    )
    area_km2: Decimal | None = Field(None, gt=0, description="Area in square kilometres.")
    economy: str = Field("", description="The economy.")
    strengths: str = Field("", description="Strengths.")
    focus_offered: list[str] = Field([], description="Codes of the focus areas offered.")
    focus_sought: list[str] = Field([], description="Codes of the focus areas sought.")
    desired_countries: list[str] = Field([], description="ISO codes of the countries wanted.")
    desired_size: SizeBand | None = Field(None, description="Size band wanted; null for any.")
    languages: str = Field("", description="Working languages.")
    contact_name: str = Field("", description="Contact person.")
    contact_email: str = Field("", description="Contact e-mail.")
    contact_public: bool = Field(False, description="Whether visitors see the contact.")


class PartnerReasonOut(Schema):
    """One reason for a suggestion, in the language asked for, with its weight."""

    code: str = Field(
        description="Kind of reason: network, peers, near_partners, countries, distance, "
        "population, climate, kind, popularity, focus, mutual, wanted_country, wants_you "
        "or wanted_size."
    )
    text: str = Field(description="The reason as a sentence.")
    weight: float = Field(description="What it adds to the score (negative: takes away).")


class PartnerSuggestionOut(Schema):
    """A suggested partner for a place."""

    place: Ref = Field(description="The suggested place.")
    country: str = Field(description="ISO 3166 code of its country; may be empty.")
    score: float = Field(description="Sum of the weights of its reasons and the rest.")
    profile: int | None = Field(description="Identifier of its visible profile, if any.")
    reasons: list[PartnerReasonOut] = Field(description="Reasons, strongest first.")

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.place.country_code

    @staticmethod
    def resolve_profile(obj) -> int | None:
        return obj.profile.pk if obj.profile else None
