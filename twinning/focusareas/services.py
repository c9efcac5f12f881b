from django.db import transaction

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
