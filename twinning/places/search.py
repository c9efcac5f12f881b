"""Places in the search index; their labels serve the entries of other kinds too."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from twinning.core.search import (
    Document,
    Indexer,
    choice_words,
    codes,
    country_words,
    join,
    register,
)
from twinning.places.models import Place, PlaceKind, PlaceName


@dataclass(frozen=True)
class PlaceFacts:
    """What an entry shows of a place."""

    name: str
    kind: str
    country: str
    parent: str
    others: tuple[str, ...]

    @property
    def label(self) -> str:
        # As Place.__str__ names a district: with the city it lies in.
        if self.kind == "district" and self.parent:
            return f"{self.name}, {self.parent}"
        return self.name


def place_facts(ids: Iterable[int]) -> dict[int, PlaceFacts]:
    """Return the facts of the places with these ids, in a fixed number of queries."""
    ids = list(ids)
    others: dict[int, list[str]] = defaultdict(list)
    names = PlaceName.objects.filter(place_id__in=ids).order_by("language", "name")
    for place_id, name in names.values_list("place_id", "name"):
        if name not in others[place_id]:
            others[place_id].append(name)
    rows = Place.objects.filter(pk__in=ids).values_list(
        "pk", "name", "kind", "country", "parent__name"
    )
    return {
        pk: PlaceFacts(name, kind, country or "", parent or "", tuple(others[pk]))
        for pk, name, kind, country, parent in rows
    }


def _place_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    for pk, place in place_facts(ids).items():
        kind, kind_words = choice_words(PlaceKind, place.kind)
        country, country_all = country_words(place.country)
        yield (
            pk,
            Document(
                title=place.label,
                other_names=list(place.others),
                body=join(kind, place.parent, country, ", ".join(place.others)),
                keywords=[kind_words, country_all],
                countries=codes(place.country),
            ),
        )


register(
    Indexer(
        kind="place",
        slot=1,
        model="places.Place",
        url_name="places:detail",
        documents=_place_documents,
    )
)
