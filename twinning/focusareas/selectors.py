from django.db.models import QuerySet

from twinning.focusareas.models import FocusArea


def focus_area_list() -> QuerySet[FocusArea]:
    """Return all focus areas with their broader area loaded."""
    return FocusArea.objects.select_related("parent")


def focus_area_by_slug(*, slug: str) -> FocusArea | None:
    """Return the focus area with this code, if there is one."""
    return FocusArea.objects.filter(slug=slug).first()
