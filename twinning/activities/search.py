"""Activities in the search index, with the partnerships they belong to."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from twinning.activities.models import ActivityArea, ActivityKind
from twinning.core.search import (
    Document,
    Indexer,
    choice_words,
    codes,
    join,
    owned,
    register,
    year_of,
)
from twinning.partnerships.models import Partnership


def _activity_document(activity) -> Document:
    area, area_words = choice_words(ActivityArea, activity.area)
    kind, kind_words = choice_words(ActivityKind, activity.kind)
    partnerships = list(activity.partnerships.all())
    place = activity.place
    return Document(
        title=activity.title,
        body=join(
            activity.when(settings.LANGUAGE_CODE),
            area,
            kind,
            place.name if place else "",
            "; ".join(f"{p.party_a.name} – {p.party_b.name}" for p in partnerships),
            activity.description,
        ),
        keywords=[area_words, kind_words],
        countries=codes(
            place.country_code if place else "",
            *(party.country_code for p in partnerships for party in (p.party_a, p.party_b)),
        ),
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
        model="activities.Activity",
        url_name="activities:detail",
        queryset=_activity_records,
        document=_activity_document,
    )
)
