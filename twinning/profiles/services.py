"""Writes of partner profiles."""

from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.profiles.models import PartnerProfile


@transaction.atomic
def profile_create(
    *,
    place,
    summary: str = "",
    population: int | None = None,
    area_km2: Decimal | None = None,
    economy: str = "",
    strengths: str = "",
    focus_sought: Iterable = (),
    focus_offered: Iterable = (),
    desired_countries: Iterable[str] = (),
    desired_size: str = "",
    languages: str = "",
    contact_name: str = "",
    contact_email: str = "",
    contact_public: bool = False,
    seeking: bool = True,
    owner=None,
    is_public: bool = True,
) -> PartnerProfile:
    """Create the partner profile of a place after validating it."""
    profile = PartnerProfile(
        place=place,
        summary=summary,
        population=population,
        area_km2=area_km2,
        economy=economy,
        strengths=strengths,
        desired_countries=list(desired_countries),
        desired_size=desired_size or "",
        languages=languages,
        contact_name=contact_name,
        contact_email=contact_email,
        contact_public=contact_public,
        seeking=seeking,
        owner=owner,
        is_public=is_public,
    )
    profile.full_clean()
    profile.save()
    profile.focus_sought.set(focus_sought)
    profile.focus_offered.set(focus_offered)
    search_entry_update(profile)
    return profile


@transaction.atomic
def profile_update(
    *, profile: PartnerProfile, version: int | None = None, **fields
) -> PartnerProfile:
    """Change the given fields of a profile after validating them."""
    if "desired_countries" in fields:
        fields["desired_countries"] = [str(code) for code in fields["desired_countries"] or ()]
    profile = model_update(instance=profile, data=fields, version=version)
    search_entry_update(profile)
    return profile


@transaction.atomic
def profile_delete(*, profile: PartnerProfile) -> None:
    """Delete a partner profile; the place stays."""
    search_entry_delete(profile)
    profile.delete()
