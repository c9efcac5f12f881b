"""Read-only JSON endpoints for showcase sites."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from twinning.core.api import ErrorOut, Page, filter_or_422
from twinning.sites.filters import ShowcaseSiteFilter
from twinning.sites.models import ShowcaseSite
from twinning.sites.schemas import ShowcaseSiteDetailOut, ShowcaseSiteOut, ShowcaseSiteQuery
from twinning.sites.selectors import showcase_site_list

router = Router(tags=["sites"])


@router.get(
    "",
    response=list[ShowcaseSiteOut],
    auth=None,
    operation_id="site_list",
    summary="List showcase sites",
    description=(
        "Return the showcase sites the caller may see (plants, buildings, schools and "
        "shops that receive delegations), filtered and paginated with limit and offset."
    ),
)
@paginate(Page)
def list_sites(request, filters: Query[ShowcaseSiteQuery]):
    return filter_or_422(ShowcaseSiteFilter, filters, showcase_site_list(user=request.user))


@router.get(
    "/{int:pk}",
    response={200: ShowcaseSiteDetailOut, 404: ErrorOut},
    auth=None,
    operation_id="site_detail",
    summary="Get a showcase site",
    description="Return one showcase site; one the caller may not see gives 404.",
)
def get_site(request, pk: int):
    try:
        return showcase_site_list(user=request.user).get(pk=pk)
    except ShowcaseSite.DoesNotExist:
        raise HttpError(404, _("No such showcase site.")) from None
