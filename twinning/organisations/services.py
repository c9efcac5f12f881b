from django.db import transaction

from twinning.organisations.models import Organisation


@transaction.atomic
def organisation_create(
    *,
    name: str,
    kind: str,
    place=None,
    parent: Organisation | None = None,
    website: str = "",
    notes: str = "",
    owner: Organisation | None = None,
    is_public: bool = True,
) -> Organisation:
    """Create an organisation after validating it."""
    organisation = Organisation(
        name=name,
        kind=kind,
        place=place,
        parent=parent,
        website=website,
        notes=notes,
        owner=owner,
        is_public=is_public,
    )
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def organisation_update(*, organisation: Organisation, **fields) -> Organisation:
    """Change the given fields of an organisation after validating them."""
    for field, value in fields.items():
        setattr(organisation, field, value)
    organisation.full_clean()
    organisation.save()
    return organisation
