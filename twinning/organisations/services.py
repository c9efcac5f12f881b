from django.db import transaction
from django.db.models import CASCADE, SET_NULL, ProtectedError
from django.utils.translation import gettext as _

from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
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
    search_entry_update(organisation)
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, version: int | None = None, **fields
) -> Organisation:
    """Change the given fields of an organisation after validating them."""
    model_update(instance=organisation, data=fields, version=version)
    search_entry_update(organisation)
    return organisation


@transaction.atomic
def organisation_delete(*, organisation: Organisation) -> None:
    """Delete an organisation that has no members, owns no records and takes part in none.

    Deleting one with members would lock its users out; records it owns would be left
    without an owner whom anybody but a superuser could change; and records that name it
    as a party would vanish with it. Raise ProtectedError naming those instead. Units,
    posts and published sources merely lose the link.
    """
    blockers: list = []
    for relation in Organisation._meta.get_fields(include_hidden=True):
        if blockers:
            break
        if not relation.one_to_many:
            continue
        # History rows point here without a constraint (DO_NOTHING) and never block.
        owned = relation.on_delete is SET_NULL and relation.field.name == "owner"
        if owned or relation.on_delete is CASCADE:
            manager = relation.related_model._base_manager
            blockers = list(manager.filter(**{relation.field.name: organisation})[:100])
    if blockers:
        raise ProtectedError(_("The organisation is still in use."), set(blockers))
    search_entry_delete(organisation)
    organisation.delete()
