"""Writes of grants and their towns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from twinning.core.services import model_update
from twinning.grants.models import Grant, GrantStatus, GrantTown, TownRole


@transaction.atomic
def grant_create(
    *,
    call: str,
    title: str,
    start: dt.date,
    end: dt.date,
    reference: str = "",
    status: str = GrantStatus.PLANNED,
    lump_sum: Decimal | None = None,
    partnership=None,
    visits: Iterable = (),
    activities: Iterable = (),
    results: str = "",
    owner=None,
    is_public: bool = False,
) -> Grant:
    """Create a grant under a known call after validating it."""
    grant = Grant(
        call=call,
        title=title,
        start=start,
        end=end,
        reference=reference,
        status=status,
        lump_sum=lump_sum,
        partnership=partnership,
        results=results,
        owner=owner,
        is_public=is_public,
    )
    grant.full_clean()
    grant.save()
    grant.visits.set(visits)
    grant.activities.set(activities)
    return grant


@transaction.atomic
def grant_update(*, grant: Grant, version: int | None = None, **fields) -> Grant:
    """Change the given fields of a grant after validating them."""
    return model_update(instance=grant, data=fields, version=version)


@transaction.atomic
def grant_delete(*, grant: Grant) -> None:
    """Delete a grant with its towns; the events and registers stay."""
    grant.delete()


@transaction.atomic
def grant_town_add(
    *,
    grant: Grant,
    place,
    role: str = TownRole.PARTNER,
    representative: str = "",
    representative_title: str = "",
    language: str = "",
) -> GrantTown:
    """Add a town to a grant, with the legal representative who signs for it."""
    town = GrantTown(
        grant=grant,
        place=place,
        role=role,
        representative=representative,
        representative_title=representative_title,
        language=language,
    )
    town.full_clean()
    town.save()
    return town


@transaction.atomic
def grant_town_update(*, town: GrantTown, version: int | None = None, **fields) -> GrantTown:
    """Change the given fields of a grant's town after validating them."""
    fields.pop("grant", None)
    return model_update(instance=town, data=fields, version=version)


@transaction.atomic
def grant_town_delete(*, town: GrantTown) -> None:
    """Take a town out of a grant."""
    town.delete()
