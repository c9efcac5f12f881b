"""Visits in the search index, with their parties, interests and report."""

from __future__ import annotations

from twinning.core.search import (
    Document,
    Indexer,
    codes,
    focus_area_names,
    join,
    owned,
    register,
)
from twinning.core.translated import every_language
from twinning.visits.models import VisitDirection, VisitStatus


def _visit_document(visit) -> Document:
    visiting, host = visit.visiting_party, visit.host
    interests = list(visit.interests.all())
    return Document(
        title=visit.title,
        body=join(
            f"{visiting.name} → {host.name}",
            visit.host_organisation.name if visit.host_organisation else "",
            visit.purpose,
            visit.notes,
            visit.report,
            # Found by its texts in any language, not only the indexing one.
            every_language(visit),
        ),
        meta=[
            VisitDirection(visit.direction),
            VisitStatus(visit.status),
            visit.start_date,
            focus_area_names(interests),
        ],
        countries=codes(visiting.country_code, host.country_code),
        focus_areas=[area.pk for area in interests],
        partnerships=[visit.partnership_id] if visit.partnership_id else [],
        year=visit.start_date.year,
        **owned(visit),
    )


register(
    Indexer(
        kind="visit",
        slot=6,
        model="visits.Visit",
        url_name="visits:detail",
        queryset=lambda qs: qs.select_related(
            "visiting_party", "host", "host_organisation"
        ).prefetch_related("interests"),
        document=_visit_document,
    )
)
