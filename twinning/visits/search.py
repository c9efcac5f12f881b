"""Visits in the search index, with their parties, interests and report."""

from __future__ import annotations

from twinning.core.search import Document, Indexer, choice_words, codes, join, owned, register
from twinning.visits.models import VisitDirection, VisitStatus


def _visit_document(visit) -> Document:
    direction, direction_words = choice_words(VisitDirection, visit.direction)
    status, status_words = choice_words(VisitStatus, visit.status)
    visiting, host = visit.visiting_party, visit.host
    interests = list(visit.interests.all())
    return Document(
        title=visit.title,
        body=join(
            f"{visiting.name} → {host.name}",
            visit.start_date.isoformat(),
            direction,
            status,
            visit.host_organisation.name if visit.host_organisation else "",
            ", ".join(area.name_en for area in interests),
            visit.purpose,
            visit.notes,
            visit.report,
        ),
        keywords=[direction_words, status_words, *(area.name_da for area in interests)],
        countries=codes(visiting.country_code, host.country_code),
        year=visit.start_date.year,
        **owned(visit),
    )


register(
    Indexer(
        kind="visit",
        model="visits.Visit",
        url_name="visits:detail",
        queryset=lambda qs: qs.select_related(
            "visiting_party", "host", "host_organisation"
        ).prefetch_related("interests"),
        document=_visit_document,
    )
)
