"""Shapes of activities in the JSON API."""

from ninja import Field, Schema

from twinning.activities.models import ActivityArea, ActivityKind
from twinning.core.api import (
    Body,
    Ids,
    OwnedIn,
    PartialDateStr,
    QuoteOut,
    TranslatedIn,
    TranslatedOut,
)


class OverviewQuery(Schema):
    """The partnership and year of a monthly overview."""

    partnership: int = Field(description="Identifier of a partnership.")
    year: int = Field(ge=1, le=9999, description="The year of the overview.")


class HeadcountOut(Schema):
    """How many people of one group took part."""

    count: int = Field(description="Number of people.")
    group: str = Field(description="Who they were, such as 'Chinese young players'.")


class ActivityOut(Schema):
    """A dated happening within partnerships."""

    id: int = Field(description="Identifier of the activity.")
    start: PartialDateStr = Field(description="When it began.")
    end: PartialDateStr | None = Field(description="When it ended, for a range.")
    area: ActivityArea = Field(description="Area of cooperation it belongs to.")
    kind: ActivityKind = Field(description="Kind of activity.")
    title: str = Field(description="Short title.")
    description: str = Field(description="What happened; may be empty.")
    place: str | None = Field(description="Name of the place where it happened.")
    partnerships: Ids = Field(description="Identifiers of the partnerships it belongs to.")
    headcounts: list[HeadcountOut] = Field(description="Head counts of the groups taking part.")

    @staticmethod
    def resolve_place(obj) -> str | None:
        return obj.place.name if obj.place_id else None


class NamedOut(Schema):
    """A person or organisation taking part."""

    id: int = Field(description="Identifier.")
    name: str = Field(description="Name.")


class ActivityDetailOut(ActivityOut, TranslatedOut):
    """An activity with its participants and sources."""

    people: list[NamedOut] = Field(description="People who took part.")
    organisations: list[NamedOut] = Field(description="Organisations that took part.")
    sources: list[QuoteOut] = Field(alias="evidence", description="Evidence for the activity.")


class OverviewMonthOut(Schema):
    """One row of the overview: a month, or None for activities known only to the year."""

    month: int | None = Field(description="Month 1–12; null for the 'during the year' row.")
    cells: dict[str, list[ActivityOut]] = Field(description="Activities by area code.")


class OverviewOut(Schema):
    """A partnership's activities of one year, by month and area."""

    year: int = Field(description="The year.")
    areas: list[str] = Field(description="Area codes that have entries, in their fixed order.")
    months: list[OverviewMonthOut] = Field(description="Rows January to December.")


class HeadcountIn(Body):
    """How many people of one group took part."""

    count: int = Field(ge=1, description="Number of people, at least one.")
    group: str = Field(description="Who they were, such as 'Chinese young players'.")


class ActivityIn(OwnedIn, TranslatedIn):
    """An activity to create."""

    title: str = Field(description="Short title.")
    start: PartialDateStr = Field(description="When it began.")
    end: PartialDateStr | None = Field(None, description="When it ended, for a range.")
    area: ActivityArea = Field(ActivityArea.OVERALL, description="Area of cooperation.")
    kind: ActivityKind = Field(ActivityKind.MEETING, description="Kind of activity.")
    description: str = Field("", description="What happened.")
    place: int | None = Field(None, description="Identifier of the place where it happened.")
    partnerships: list[int] = Field(
        [], description="Identifiers of the visible partnerships it belongs to."
    )
    people: list[int] = Field([], description="Identifiers of visible people who took part.")
    organisations: list[int] = Field(
        [], description="Identifiers of visible organisations that took part."
    )
    headcounts: list[HeadcountIn] = Field([], description="Head counts of the groups.")
