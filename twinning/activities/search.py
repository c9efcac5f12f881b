"""Activities in the search index, with the partnerships they belong to."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from twinning.activities.models import ActivityArea, ActivityKind
from twinning.core.search import (
    Document,
    Indexer,
    Span,
    codes,
    join,
    owned,
    register,
    year_of,
)
from twinning.core.translated import every_language
from twinning.partnerships.models import Partnership


def _activity_document(activity) -> Document:
    partnerships = list(activity.partnerships.all())
    place = activity.place
    return Document(
        title=activity.title,
        body=join(
            place.name if place else "",
            "; ".join(f"{p.party_a.name} – {p.party_b.name}" for p in partnerships),
            activity.description,
            # Found by its texts in any language, not only the indexing one.
            every_language(activity),
        ),
        meta=[
            ActivityKind(activity.kind),
            ActivityArea(activity.area),
            Span(activity.start, activity.end),
        ],
        countries=codes(
            place.country_code if place else "",
            *(party.country_code for p in partnerships for party in (p.party_a, p.party_b)),
        ),
        partnerships=[p.pk for p in partnerships],
        year=year_of(activity.start),
        **owned(activity),
    )


def _activity_records(queryset: QuerySet) -> QuerySet:
    partnerships = Partnership.objects.select_related("party_a", "party_b")
    return queryset.select_related("place").prefetch_related(
        Prefetch("partnerships", queryset=partnerships)
    )


register(
    Indexer(
        kind="activity",
        slot=5,
        model="activities.Activity",
        url_name="activities:detail",
        queryset=_activity_records,
        document=_activity_document,
    )
)
