"""JSON endpoints for places.

Places are shared reference data without an owner: everybody may read all of them, and
any editor of any organisation may create, change or delete them, as on the web pages.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router
from ninja.errors import HttpError

from twinning.core.api import Resource
from twinning.places import services
from twinning.places.filters import PlaceFilter
from twinning.places.models import Place
from twinning.places.schemas import PlaceDetailOut, PlaceIn, PlaceOut
from twinning.places.selectors import place_detail, place_list_with_names


def _names(fields: dict, place: Place | None = None) -> dict:
    if fields.get("other_names") is not None:
        fields["other_names"] = [(n["language"], n["name"]) for n in fields["other_names"]]
    if place is not None and place in (fields.get("members") or []):
        raise HttpError(422, _("members: a group cannot be a member of itself."))
    return fields


def _update(place: Place, **fields) -> Place:
    return services.place_update(place=place, **_names(fields, place))


places = Resource(
    model=Place,
    out=PlaceOut,
    detail=PlaceDetailOut,
    select=lambda user: place_list_with_names(),
    fetch=lambda user, pk: place_detail(pk=pk),
    filterset=PlaceFilter,
    query_docs={"q": "Text found in the name or one of the other names, ignoring accents."},
    body=PlaceIn,
    create=lambda **fields: services.place_create(**_names(fields)),
    update=_update,
    delete=services.place_delete,
    export="places",
    not_found=gettext_lazy("No such place."),
    docs={
        "list": "Places are public reference data.",
        "update": "Other names and members, when given, replace the old ones.",
        "delete": "Its other names go with it.",
    },
)
router = places.mount(Router(tags=["places"]))
