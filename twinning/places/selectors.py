from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from twinning.core.selectors import history_changes
from twinning.core.text import fold
from twinning.partnerships.selectors import partnership_list
from twinning.places.models import Place, PlaceName


def place_list(*, q: str = "") -> QuerySet[Place]:
    """Return places, optionally those whose name or other name contains q."""
    places = Place.objects.select_related("parent")
    if q:
        key = fold(q)
        other_names = PlaceName.objects.filter(place=OuterRef("pk"), search_key__contains=key)
        places = places.filter(Q(search_key__contains=key) | Exists(other_names))
    return places


def place_find(*, name: str, country: str = "") -> Place | None:
    """Return the place with this name or other name in the country, if exactly one fits."""
    key = fold(name)
    if not key:
        return None
    places = Place.objects.filter(Q(search_key=key) | Q(names__search_key=key))
    if country:
        places = places.filter(country=country)
    found = list(places.distinct()[:2])
    return found[0] if len(found) == 1 else None


def place_browse() -> QuerySet[Place]:
    """Return places for a list page, with what each row shows loaded up front."""
    return Place.objects.select_related("parent__parent")


def place_detail(*, pk: int) -> Place:
    """Return one place with its parent chain, children, groups, members and names loaded."""
    return (
        Place.objects.select_related("parent__parent__parent")
        .prefetch_related(
            Prefetch("children", queryset=Place.objects.order_by("name")),
            Prefetch("members", queryset=Place.objects.order_by("name")),
            Prefetch("groups", queryset=Place.objects.order_by("name")),
            Prefetch("names", queryset=PlaceName.objects.order_by("language", "name")),
        )
        .get(pk=pk)
    )


def place_partnerships(*, place: Place, user) -> QuerySet:
    """Return the visible partnerships in which the place is either party."""
    return partnership_list(user=user).filter(Q(party_a=place) | Q(party_b=place))


def place_list_with_names() -> QuerySet[Place]:
    """Return places with their parent and other names loaded, for lists that show both."""
    return Place.objects.select_related("parent").prefetch_related(
        Prefetch("names", queryset=PlaceName.objects.order_by("language", "name"))
    )


def place_history(*, place: Place, limit: int = 30) -> list:
    """Return the latest changes of the place, newest first, naming the fields changed."""
    # One record more than shown, so that the oldest shown has one to compare with.
    records = list(
        place.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    kind = str(Place._meta.verbose_name)
    return history_changes(records, kind=kind, label=str, url_name="places:detail")[:limit]


def place_matches(*, text: str, limit: int = 50) -> list[Place]:
    """Return places whose name (or another name) begins with or holds the text typed.

    Names that begin with it come first, then shorter names, so that "Kiel" finds Kiel
    before Kielce.
    """
    key = fold(text)
    if not key:
        return []
    names = PlaceName.objects.filter(search_key__contains=key)
    places = (
        Place.objects.filter(Q(search_key__contains=key) | Q(pk__in=names.values("place_id")))
        .select_related("parent")
        .order_by("search_key", "country", "pk")[: limit * 4]
    )
    ranked = sorted(places, key=lambda p: (not p.search_key.startswith(key), len(p.search_key)))
    return ranked[:limit]
