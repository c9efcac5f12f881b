from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from twinning.core.services import model_update
from twinning.focusareas.models import FocusArea


@transaction.atomic
def focus_area_create(
    *, slug: str, name_en: str, name_da: str, parent: FocusArea | None = None
) -> FocusArea:
    """Create a focus area, optionally under a broader one, after validating it."""
    area = FocusArea(slug=slug, name_en=name_en, name_da=name_da, parent=parent)
    area.full_clean()
    area.save()
    return area


@transaction.atomic
def focus_area_update(*, area: FocusArea, version: int | None = None, **fields) -> FocusArea:
    """Change the given fields of a focus area after validating them."""
    return model_update(instance=area, data=fields, version=version)


@transaction.atomic
def focus_area_delete(*, area: FocusArea) -> None:
    """Delete a focus area that nothing uses any more.

    Focus areas are shared by every organisation, so an area still given to partnerships
    (or anything else) is kept: raise ProtectedError naming the records that use it.
    Narrower areas protect their broader one in the database.
    """
    for relation in FocusArea._meta.related_objects:
        if relation.many_to_many:
            users = list(getattr(area, relation.get_accessor_name()).all()[:100])
            if users:
                raise ProtectedError(_("The focus area is still in use."), set(users))
    area.delete()
