"""JSON endpoints for showcase sites.

Sites are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change them.
"""

from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.core.api import Resource
from twinning.sites import services
from twinning.sites.filters import ShowcaseSiteFilter
from twinning.sites.models import ShowcaseSite
from twinning.sites.schemas import ShowcaseSiteDetailOut, ShowcaseSiteIn, ShowcaseSiteOut
from twinning.sites.selectors import showcase_site_list


def _languages(fields: dict) -> dict:
    if "languages" in fields:
        fields["languages"] = ", ".join(code.strip() for code in fields["languages"] or [])
    return fields


def _update(site: ShowcaseSite, **fields) -> ShowcaseSite:
    return services.showcase_site_update(site=site, **_languages(fields))


sites = Resource(
    model=ShowcaseSite,
    out=ShowcaseSiteOut,
    detail=ShowcaseSiteDetailOut,
    select=lambda user: showcase_site_list(user=user),
    filterset=ShowcaseSiteFilter,
    query_docs={
        "focus": "Slug of a focus area, such as energy; repeat to allow several.",
        "place": "Identifier of the place the site lies in (or of the place containing it).",
        "language": "Two-letter code of a language guided tours are given in.",
        "q": "Text in the name, organisation, address or description.",
    },
    body=ShowcaseSiteIn,
    keys={"focus_areas": "slug"},
    create=lambda **fields: services.showcase_site_create(**_languages(fields)),
    update=_update,
    delete=services.showcase_site_delete,
    export="sites",
    not_found=_("No such showcase site."),
    name="site",
    docs={
        "list": "Sites are plants, buildings, schools and shops that receive delegations.",
        "delete": "Programme items that used it keep their topic and location.",
    },
)
router = sites.mount(Router(tags=["sites"]))
