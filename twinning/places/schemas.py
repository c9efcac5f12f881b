"""Shapes of places in the JSON API."""

from ninja import Field, Schema

from twinning.core.api import Body
from twinning.places.models import PlaceKind, PlaceName


class PlaceRef(Schema):
    """A reference to another place."""

    id: int = Field(description="Identifier of the place.")
    name: str = Field(description="Name of the place.")


class OtherNameOut(Schema):
    """Another name of a place, in a language, script or transliteration."""

    name: str = Field(description="The name.")
    language: PlaceName.Language = Field(description="Language or script of the name.")


class PlaceOut(Schema):
    """A country, region, municipality or other body that can hold a partnership."""

    id: int = Field(description="Identifier of the place.")
    name: str = Field(description="Name of the place.")
    kind: PlaceKind = Field(description="Kind of place; a group is several acting together.")
    country: str | None = Field(description="ISO 3166 code of the place's country.")
    parent: PlaceRef | None = Field(description="The place this one lies in, if any.")
    latitude: float | None = Field(description="Latitude in decimal degrees (WGS 84).")
    longitude: float | None = Field(description="Longitude in decimal degrees (WGS 84).")
    other_names: list[OtherNameOut] = Field(
        alias="names", description="Other names, such as Danish or Pinyin."
    )

    @staticmethod
    def resolve_country(obj) -> str | None:
        return obj.country_code or None


class PlaceDetailOut(PlaceOut):
    """A place with the places it contains and, for a group, its members."""

    population: int | None = Field(description="Number of inhabitants, if known.")
    geonames_id: int | None = Field(description="Identifier of the place in GeoNames.")
    wikidata_id: str = Field(description="Identifier of the place in Wikidata; may be empty.")

    children: list[PlaceRef] = Field(description="Places that lie in this one.")
    members: list[PlaceRef] = Field(description="For a group: the places acting together.")
    groups: list[PlaceRef] = Field(description="Groups this place acts in.")


class OtherNameIn(Body):
    """Another name of a place to record."""

    name: str = Field(min_length=1, max_length=200, description="The name.")
    language: PlaceName.Language = Field(description="Language or script of the name.")


class PlaceIn(Body):
    """A place to create."""

    name: str = Field(description="Name of the place.")
    kind: PlaceKind = Field(description="Kind of place; a group is several acting together.")
    country: str = Field("", description="ISO 3166 code of the country; empty for none.")
    parent: int | None = Field(None, description="Identifier of the place this one lies in.")
    members: list[int] = Field([], description="For a group: identifiers of its member places.")
    latitude: float | None = Field(None, description="Latitude in decimal degrees (WGS 84).")
    longitude: float | None = Field(None, description="Longitude in decimal degrees (WGS 84).")
    population: int | None = Field(None, ge=0, description="Number of inhabitants.")
    geonames_id: int | None = Field(None, ge=0, description="Identifier in GeoNames.")
    wikidata_id: str = Field("", description="Identifier in Wikidata, such as Q25319.")
    other_names: list[OtherNameIn] = Field([], description="Other names of the place.")
