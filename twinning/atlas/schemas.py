"""Shapes of the atlas in the JSON API."""

from ninja import Field, Schema


class MapPointOut(Schema):
    """A party drawn on the map."""

    id: int = Field(description="Identifier of the place.")
    name: str = Field(description="Name of the place.")
    country: str = Field(description="ISO 3166 code of the place's country, or empty.")
    lat: float = Field(description="Latitude: the place's own, or its nearest ancestor's.")
    lon: float = Field(description="Longitude: the place's own, or its nearest ancestor's.")
    count: int = Field(description="Number of the lines drawn that end here.")


class MapLineOut(Schema):
    """A partnership drawn as a line between two points."""

    id: int = Field(description="Identifier of the partnership.")
    a: int = Field(description="Identifier of the first party's point.")
    b: int = Field(description="Identifier of the second party's point.")
    kind: str = Field(description="Kind of partnership.")
    status: str = Field(description="Status of the partnership.")
    since: str | None = Field(description="When it began, as an ISO prefix: 2007 or 2013-06.")


class MapOut(Schema):
    """What the map draws."""

    points: list[MapPointOut] = Field(
        description="The parties of the drawn partnerships, each once, with its coordinates."
    )
    lines: list[MapLineOut] = Field(
        description="The drawn partnerships, each a line between two points given by their ids."
    )
    unmapped: int = Field(
        description="Matching partnerships left off the map: a party has no coordinates and "
        "neither has any place it lies in."
    )


class NationalQuery(Schema):
    """The two countries of a national overview."""

    country: str = Field(description="ISO 3166 code of the home places' country.", examples=["DK"])
    partner_country: str = Field(
        description="ISO 3166 code of the partners' country.", examples=["CN"]
    )


class CountOut(Schema):
    """A number of partnerships (or places) of one kind, status or country."""

    key: str = Field(description="The code counted: a kind, a status or an ISO country code.")
    label: str = Field(description="The code's name in the language of the request.")
    count: int = Field(description="Number of partnerships (or places) with this code.")


class PeriodOut(Schema):
    """A number of partnerships begun in one year or decade."""

    start: int = Field(description="The year, or the first year of the decade.")
    count: int = Field(description="Number of partnerships begun in this year or decade.")


class NationalPartnershipOut(Schema):
    """One partnership of a home place."""

    id: int = Field(description="Identifier of the partnership.")
    partner_id: int = Field(description="Identifier of the partner place.")
    partner_name: str = Field(description="Name of the partner place.")
    partner_kind: str = Field(description="Kind of the partner place.")
    kind: str = Field(
        description="Kind of partnership: sister_city, friendship_city, "
        "cooperation_agreement, strategic_sector_cooperation, strategic_partnership, ..."
    )
    status: str = Field(
        description="Status of the partnership: proposed, active, dormant, suspended or terminated."
    )
    since: str | None = Field(
        description="When it began, as a partial ISO date known to the year, month or day "
        '("2007", "2013-06" or "2012-10-02"); null when not known.'
    )
    until: str | None = Field(
        description="When it ended, as a partial ISO date known to the year, month or day "
        '("2007", "2013-06" or "2012-10-02"); null when it has not ended or the end is not '
        "known."
    )

    @staticmethod
    def resolve_since(obj) -> str | None:
        return obj.since.isoformat() if obj.since else None

    @staticmethod
    def resolve_until(obj) -> str | None:
        return obj.until.isoformat() if obj.until else None


class NationalPlaceOut(Schema):
    """A home place with its partnerships in the partner country."""

    id: int = Field(description="Identifier of the place.")
    name: str = Field(description="Name of the home place.")
    kind: str = Field(description="Kind of place: municipality, region, group, ...")
    partnerships: list[NationalPartnershipOut] = Field(
        description="The place's partnerships with places in the partner country."
    )


class NationalOut(Schema):
    """Every place of one country with a partner in another."""

    country: str = Field(description="ISO 3166 code of the home places' country.")
    partner_country: str = Field(description="ISO 3166 code of the partners' country.")
    place_count: int = Field(description="Number of home places with a partner.")
    partnership_count: int = Field(description="Number of partnerships, each counted once.")
    by_place_kind: list[CountOut] = Field(description="Home places by kind of place.")
    by_kind: list[CountOut] = Field(description="Partnerships by kind.")
    by_status: list[CountOut] = Field(description="Partnerships by status.")
    by_year: list[PeriodOut] = Field(description="Partnerships by the year they began.")
    by_decade: list[PeriodOut] = Field(description="Partnerships by the decade they began.")
    since_unknown: int = Field(description="Partnerships whose beginning is not known.")
    places: list[NationalPlaceOut] = Field(
        description="The home places with a partner, each with its partnerships in the partner "
        "country."
    )


class StatsOut(Schema):
    """Counts of partnerships."""

    total: int = Field(description="Number of matching partnerships.")
    by_decade: list[PeriodOut] = Field(description="Partnerships by the decade they began.")
    since_unknown: int = Field(description="Partnerships whose beginning is not known.")
    by_kind: list[CountOut] = Field(description="Matching partnerships by kind.")
    by_status: list[CountOut] = Field(description="Matching partnerships by status.")
    top_countries: list[CountOut] = Field(
        description="Countries with the most partnerships; with `country`, the countries of "
        "that country's partners."
    )
