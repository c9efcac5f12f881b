from django.db.models import Prefetch, QuerySet

from twinning.focusareas.models import FocusArea


def focus_area_list() -> QuerySet[FocusArea]:
    """Return all focus areas with their broader area loaded."""
    return FocusArea.objects.select_related("parent")


def focus_area_by_slug(*, slug: str) -> FocusArea | None:
    """Return the focus area with this code, if there is one."""
    return FocusArea.objects.filter(slug=slug).first()


def focus_area_detail(*, pk: int) -> FocusArea:
    """Return one focus area with its broader area and its narrower areas loaded."""
    return (
        FocusArea.objects.select_related("parent")
        .prefetch_related(Prefetch("children", queryset=FocusArea.objects.order_by("name_en")))
        .get(pk=pk)
    )
