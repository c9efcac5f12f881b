from collections.abc import Iterable

from django.db import transaction

from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.places.models import Place, PlaceName


@transaction.atomic
def place_create(
    *,
    name: str,
    kind: str,
    country: str = "",
    parent: Place | None = None,
    other_names: Iterable[tuple[str, str]] = (),
    members: Iterable[Place] = (),
    latitude: float | None = None,
    longitude: float | None = None,
    population: int | None = None,
    geonames_id: int | None = None,
    wikidata_id: str = "",
) -> Place:
    """Create a place with its other names ((language, name) pairs) and group members."""
    place = Place(
        name=name,
        kind=kind,
        country=country,
        parent=parent,
        latitude=latitude,
        longitude=longitude,
        population=population,
        geonames_id=geonames_id,
        wikidata_id=wikidata_id,
    )
    place.full_clean()
    place.save()
    for language, other in other_names:
        place_name_add(place=place, name=other, language=language)
    if members:
        place.members.set(members)
    search_entry_update(place)
    return place


@transaction.atomic
def place_update(*, place: Place, version: int | None = None, **fields) -> Place:
    """Change the given fields of a place after validating them.

    ``other_names``, when given, replaces all other names of the place.
    """
    other_names = fields.pop("other_names", None)
    model_update(instance=place, data=fields, version=version)
    if other_names is not None:
        place.names.all().delete()
        for language, other in other_names:
            place_name_add(place=place, name=other, language=language)
    search_entry_update(place)
    return place


@transaction.atomic
def place_delete(*, place: Place) -> None:
    """Delete a place with its other names; the history keeps what it was.

    Raise ProtectedError while partnerships or places inside it still refer to it.
    """
    search_entry_delete(place)
    place.delete()


@transaction.atomic
def place_name_add(*, place: Place, name: str, language: str) -> PlaceName:
    """Record another name of a place, once per language."""
    other, _created = PlaceName.objects.get_or_create(place=place, language=language, name=name)
    return other
