"""Shapes of search results in the JSON API."""

from ninja import Field, Schema

from twinning.search.selectors import MAX_LIMIT


class SearchQuery(Schema):
    """Query parameters of a search."""

    q: str = Field(
        "",
        title="Search",
        description=(
            "Words to find. Accents and Danish letters are ignored (Sonderborg finds "
            "Sønderborg), Danish and English word forms match (partnerships finds "
            "partnership), the last word also matches as the beginning of a word, and "
            "Chinese names match by their characters. Every word must occur. Terms of the "
            "field match in every language (jordrensning finds soil remediation) and a "
            "place's name in any script finds what its other names find (无锡, Wuxi)."
        ),
        examples=["Sonderborg"],
    )
    type: str | None = Field(
        None, title="Kind", description="Only this kind (the type of a group of hits)."
    )
    country: str | None = Field(
        None, title="Country", description="ISO 3166 code of a country.", examples=["DK"]
    )
    year: int | None = Field(None, title="Year", description="Only records of this year.")
    focus_area: int | None = Field(
        None, title="Focus area", description="Only records of this focus area (its id)."
    )
    partnership: int | None = Field(
        None, title="Partnership", description="Only records of this partnership (its id)."
    )
    limit: int = Field(
        10, title="Hits per kind", description=f"How many hits of each kind, at most {MAX_LIMIT}."
    )


class HitOut(Schema):
    """One found record."""

    id: int = Field(description="Identifier of the record within its kind.")
    title: str = Field(description="Name or title of the record.")
    snippet: str = Field(
        description="A passage of the record's text as HTML: text escaped, matches in <mark>."
    )
    url: str = Field(description="Address of the record's page.")
    meta: str = Field(
        description=(
            "Kind, status, dates and the like in the reader's language, as HTML: text "
            "escaped, matches in <mark>."
        )
    )
    country: str | None = Field(description="ISO code of the record's first country.")
    countries: list[str] = Field(description="ISO codes of every country of the record.")
    year: int | None = Field(description="Year of the record (start, signing or publication).")


class GroupOut(Schema):
    """The hits of one kind, best first."""

    type: str = Field(description="Kind of record, such as place, partnership or agreement.")
    count: int = Field(description="How many records of this kind match.")
    complete: bool = Field(
        description="False when more records match than were counted: count is then a minimum."
    )
    items: list[HitOut] = Field(description="The best hits of this kind.")


class FacetsOut(Schema):
    """Counts of the matches by kind, country, year, focus area and partnership."""

    type: dict[str, int] = Field(description="Matches by kind (ignoring the kind chosen).")
    country: dict[str, int] = Field(description="Matches by ISO country code.")
    year: dict[str, int] = Field(description="Matches by year.")
    focus_area: dict[str, int] = Field(description="Matches by focus area id.")
    partnership: dict[str, int] = Field(description="Matches by partnership id.")


class FacetLabelsOut(Schema):
    """Names of the focus areas and partnerships counted in the facets, by id."""

    focus_area: dict[str, str] = Field(description="Focus area names in the reader's language.")
    partnership: dict[str, str] = Field(description="Partnership names.")


class SearchOut(Schema):
    """What a search found, grouped by kind."""

    query: str = Field(description="The text searched for.")
    count: int = Field(description="How many records match, over the kinds shown.")
    complete: bool = Field(description="False when count is a minimum.")
    suggestion: str = Field(
        description=(
            "When the words typed found nothing: the query with misspelt words corrected, "
            "whose hits are returned instead. Empty otherwise."
        )
    )
    groups: list[GroupOut] = Field(description="Hits by kind, in a fixed order of kinds.")
    facets: FacetsOut = Field(description="Counts by kind, country, year, focus area, partnership.")
    facet_labels: FacetLabelsOut = Field(description="Names of the ids in the facets.")
