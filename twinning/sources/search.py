"""Sources in the search index, with the opening of their text."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

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
from twinning.sources.models import SourceKind

# A report can be hundreds of pages; its opening pages say what it is about.
MAX_BODY_CHARS = 200_000


def _source_document(source) -> Document:
    kind, kind_words = choice_words(SourceKind, source.kind)
    publisher = source.publisher
    place = publisher.place if publisher else None
    return Document(
        title=source.title,
        body=join(kind, publisher.name if publisher else "", source.url)
        + ("\n" + source.text[:MAX_BODY_CHARS] if source.text else ""),
        keywords=[kind_words],
        countries=codes(place.country_code if place else ""),
        year=year_of(source.published),
        **owned(source),
    )


register(
    Indexer(
        kind="source",
        slot=7,
        plural=_("documents"),
        model="sources.Source",
        url_name="sources:detail",
        queryset=lambda qs: qs.select_related("publisher__place"),
        document=_source_document,
    )
)
