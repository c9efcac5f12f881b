"""Shapes of activities in the JSON API."""

from ninja import Field, Schema

from twinning.activities.models import ActivityArea, ActivityKind

PARTIAL_DATE = "A date known to the year, month or day: 2007, 2013-06 or 2012-10-02."


def _choices(choices) -> str:
    return ", ".join(choices.values)


class ActivityQuery(Schema):
    """Query parameters that narrow the list of activities."""

    partnership: int | None = Field(None, description="Identifier of a partnership.")
    year: int | None = Field(None, description="Year in which the activity begins.")
    area: list[str] = Field(
        [], description=f"Area; repeat to allow several. One of: {_choices(ActivityArea)}."
    )
    kind: list[str] = Field(
        [], description=f"Kind; repeat to allow several. One of: {_choices(ActivityKind)}."
    )
    q: str | None = Field(None, description="Text found in the title, description or place.")


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
    start: str = Field(description=f"When it began. {PARTIAL_DATE}")
    end: str | None = Field(description=f"When it ended, for a range. {PARTIAL_DATE}")
    area: ActivityArea = Field(description="Area of cooperation it belongs to.")
    kind: ActivityKind = Field(description="Kind of activity.")
    title: str = Field(description="Short title.")
    description: str = Field(description="What happened; may be empty.")
    place: str | None = Field(description="Name of the place where it happened.")
    partnerships: list[int] = Field(description="Identifiers of the partnerships it belongs to.")
    headcounts: list[HeadcountOut] = Field(description="Head counts of the groups taking part.")

    @staticmethod
    def resolve_start(obj) -> str:
        return obj.start.isoformat()

    @staticmethod
    def resolve_end(obj) -> str | None:
        return obj.end.isoformat() if obj.end else None

    @staticmethod
    def resolve_place(obj) -> str | None:
        return obj.place.name if obj.place_id else None

    @staticmethod
    def resolve_partnerships(obj) -> list[int]:
        return [p.pk for p in obj.partnerships.all()]

    @staticmethod
    def resolve_headcounts(obj) -> list:
        return list(obj.headcounts.all())


class NamedOut(Schema):
    """A person or organisation taking part."""

    id: int = Field(description="Identifier.")
    name: str = Field(description="Name.")


class ActivitySourceOut(Schema):
    """A passage of a source that supports the activity."""

    title: str = Field(description="Title of the source.")
    quote: str = Field(description="The quoted passage; may be empty.")

    @staticmethod
    def resolve_title(obj) -> str:
        return obj.source.title


class ActivityDetailOut(ActivityOut):
    """An activity with its participants and sources."""

    people: list[NamedOut] = Field(description="People who took part.")
    organisations: list[NamedOut] = Field(description="Organisations that took part.")
    sources: list[ActivitySourceOut] = Field(description="Evidence for the activity.")

    @staticmethod
    def resolve_people(obj) -> list:
        return list(obj.people.all())

    @staticmethod
    def resolve_organisations(obj) -> list:
        return list(obj.organisations.all())

    @staticmethod
    def resolve_sources(obj) -> list:
        return list(obj.evidence.all())


class OverviewMonthOut(Schema):
    """One row of the overview: a month, or None for activities known only to the year."""

    month: int | None = Field(description="Month 1–12; null for the 'during the year' row.")
    cells: dict[str, list[ActivityOut]] = Field(description="Activities by area code.")


class OverviewOut(Schema):
    """A partnership's activities of one year, by month and area."""

    year: int = Field(description="The year.")
    areas: list[str] = Field(description="Area codes that have entries, in their fixed order.")
    months: list[OverviewMonthOut] = Field(description="Rows January to December.")


# Writes ---------------------------------------------------------------------------------

OWNER = (
    "Organisation whose editors may change it; one of the caller's. May be left out when "
    "the caller edits for one organisation only."
)


class HeadcountIn(Schema):
    """How many people of one group took part."""

    count: int = Field(ge=1, description="Number of people, at least one.")
    group: str = Field(description="Who they were, such as 'Chinese young players'.")


class ActivityIn(Schema):
    """An activity to create."""

    title: str = Field(description="Short title.")
    start: str = Field(description=f"When it began. {PARTIAL_DATE}")
    end: str | None = Field(None, description=f"When it ended, for a range. {PARTIAL_DATE}")
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
    owner: int | None = Field(None, description=OWNER)
    is_public: bool = Field(True, description="Shown to visitors who are not logged in.")


class ActivityPatch(Schema):
    """Fields of an activity to change; fields left out stay as they are.

    Lists given replace the whole list.
    """

    title: str | None = Field(None, description="Short title.")
    start: str | None = Field(None, description=f"When it began. {PARTIAL_DATE}")
    end: str | None = Field(None, description=f"When it ended; null for none. {PARTIAL_DATE}")
    area: ActivityArea | None = Field(None, description="Area of cooperation.")
    kind: ActivityKind | None = Field(None, description="Kind of activity.")
    description: str | None = Field(None, description="What happened.")
    place: int | None = Field(None, description="Identifier of the place; null for none.")
    partnerships: list[int] | None = Field(
        None, description="Identifiers of the visible partnerships it belongs to."
    )
    people: list[int] | None = Field(None, description="Identifiers of people who took part.")
    organisations: list[int] | None = Field(
        None, description="Identifiers of organisations that took part."
    )
    headcounts: list[HeadcountIn] | None = Field(None, description="Head counts of the groups.")
    owner: int | None = Field(None, description="Owning organisation; one of the caller's.")
    is_public: bool | None = Field(None, description="Shown to visitors who are not logged in.")
