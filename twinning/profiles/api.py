"""JSON endpoints for partner profiles and for the partners suggested for a place.

Profiles are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change them. The contact is given only to
callers who may read it.
"""

from typing import Literal

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Field as QueryField
from ninja import Query, Router, Schema

from twinning.accounts.auth import read_auth
from twinning.core.api import ErrorOut, InvalidOut, Resource
from twinning.places.models import Place
from twinning.profiles import services
from twinning.profiles.filters import ProfileFilter
from twinning.profiles.models import PartnerProfile
from twinning.profiles.schemas import PartnerSuggestionOut, ProfileDetailOut, ProfileIn, ProfileOut
from twinning.profiles.selectors import place_suggestions, profile_detail, profile_list

profiles = Resource(
    model=PartnerProfile,
    out=ProfileOut,
    detail=ProfileDetailOut,
    select=lambda user: profile_list(user=user),
    fetch=lambda user, pk: profile_detail(user=user, pk=pk),
    filterset=ProfileFilter,
    query_docs={"q": "Text found in the place's name, the profile, economy or strengths."},
    body=ProfileIn,
    keys={"focus_offered": "slug", "focus_sought": "slug"},
    create=services.profile_create,
    update=services.profile_update,
    delete=services.profile_delete,
    export="profiles",
    not_found=_("No such profile."),
    docs={"list": "Without seeking, profiles whether or not their place seeks now."},
)
router = profiles.mount(Router(tags=["profiles"]))


class PartnerSuggestionQuery(Schema):
    limit: int = QueryField(20, ge=1, le=100, description="How many suggestions to give.")
    lang: Literal[tuple(code for code, _name in settings.LANGUAGES)] = QueryField(
        "en", description="Language of the reasons' texts."
    )


suggestions_router = Router(tags=["profiles"])


@suggestions_router.get(
    "/{int:pk}/suggestions",
    response={200: list[PartnerSuggestionOut], 404: ErrorOut, 422: InvalidOut},
    auth=read_auth,
    operation_id="place_suggestions",
    summary="Suggest partners for a place",
    description="Rank candidate partners for the place from every place in the registry and "
    "the published profiles, best first, each with its weighted reasons in the language "
    "asked for. Only public partnerships and "
    "profiles are drawn on.",
)
def suggestions(request, pk: int, query: Query[PartnerSuggestionQuery]):
    place = get_object_or_404(Place, pk=pk)
    with translation.override(query.lang):
        return place_suggestions(user=request.user, place=place, limit=query.limit)
