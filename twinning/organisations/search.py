"""Organisations in the search index."""

from __future__ import annotations

from twinning.core.search import Document, Indexer, choice_words, codes, join, owned, register
from twinning.organisations.models import OrganisationKind


def _organisation_document(organisation) -> Document:
    kind, kind_words = choice_words(OrganisationKind, organisation.kind)
    place = organisation.place
    return Document(
        title=organisation.name,
        body=join(
            kind,
            organisation.parent.name if organisation.parent else "",
            place.name if place else "",
            organisation.website,
            organisation.notes,
        ),
        keywords=[kind_words],
        countries=codes(place.country_code if place else ""),
        **owned(organisation),
    )


register(
    Indexer(
        kind="organisation",
        slot=3,
        model="organisations.Organisation",
        url_name="organisations:detail",
        queryset=lambda qs: qs.select_related("place", "parent"),
        document=_organisation_document,
    )
)
