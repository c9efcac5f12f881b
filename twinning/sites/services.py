"""Writes of showcase sites."""

from collections.abc import Iterable

from django.db import transaction

from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.sites.models import ShowcaseSite


@transaction.atomic
def showcase_site_create(
    *,
    name: str,
    organisation,
    place=None,
    address: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    focus_areas: Iterable = (),
    what_visitors_see: str = "",
    languages: str = "",
    capacity: int | None = None,
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    owner=None,
    is_public: bool = True,
    **translations: str,
) -> ShowcaseSite:
    """Create a showcase site after validating it; it lies in its organisation's place
    unless another place is given."""
    site = ShowcaseSite(
        name=name,
        organisation=organisation,
        place=place if place is not None else organisation.place,
        address=address,
        latitude=latitude,
        longitude=longitude,
        what_visitors_see=what_visitors_see,
        languages=languages,
        capacity=capacity,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_phone=contact_phone,
        owner=owner,
        is_public=is_public,
        **translations,
    )
    site.full_clean()
    site.save()
    if focus_areas:
        site.focus_areas.set(focus_areas)
    search_entry_update(site)
    return site


@transaction.atomic
def showcase_site_update(
    *, site: ShowcaseSite, version: int | None = None, **fields
) -> ShowcaseSite:
    """Change the given fields of a showcase site after validating them."""
    site = model_update(instance=site, data=fields, version=version)
    search_entry_update(site)
    return site


@transaction.atomic
def showcase_site_delete(*, site: ShowcaseSite) -> None:
    """Delete a showcase site; programme items that used it keep their topic and location."""
    search_entry_delete(site)
    site.delete()
