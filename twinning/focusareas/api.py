"""JSON endpoints for focus areas.

Focus areas are shared reference data like places: everybody may read them, and any
editor of any organisation may create and change them. An area still given to
partnerships (or other records), or with narrower areas, cannot be deleted (409), so that
one organisation cannot strip the topics from another's records.
"""

from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.core.api import Resource
from twinning.focusareas import services
from twinning.focusareas.filters import FocusAreaFilter
from twinning.focusareas.models import FocusArea
from twinning.focusareas.schemas import FocusAreaDetailOut, FocusAreaIn, FocusAreaOut
from twinning.focusareas.selectors import focus_area_detail, focus_area_list

focus_areas = Resource(
    model=FocusArea,
    out=FocusAreaOut,
    detail=FocusAreaDetailOut,
    select=lambda user: focus_area_list(),
    fetch=lambda user, pk: focus_area_detail(pk=pk),
    filterset=FocusAreaFilter,
    query_docs={"q": "Text found in the code or in the English or Danish name."},
    body=FocusAreaIn,
    create=services.focus_area_create,
    update=services.focus_area_update,
    delete=services.focus_area_delete,
    export="focus-areas",
    not_found=_("No such focus area."),
    name="focus_area",
    docs={"delete": "An area still given to records, or with narrower areas, gives 409."},
)
router = focus_areas.mount(Router(tags=["focus areas"]))
