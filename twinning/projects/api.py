"""Read-only JSON endpoints for projects."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from twinning.core.api import ErrorOut, Page, filter_or_422
from twinning.projects.filters import ProjectFilter
from twinning.projects.models import Project
from twinning.projects.schemas import ProjectDetailOut, ProjectOut, ProjectQuery
from twinning.projects.selectors import project_detail, project_list

router = Router(tags=["projects"])


@router.get(
    "",
    response=list[ProjectOut],
    auth=None,
    operation_id="project_list",
    summary="List projects",
    description="Return the projects the caller may see, filtered and paginated.",
)
@paginate(Page)
def list_projects(request, filters: Query[ProjectQuery]):
    return filter_or_422(ProjectFilter, filters, project_list(user=request.user))


@router.get(
    "/{int:pk}",
    response={200: ProjectDetailOut, 404: ErrorOut},
    auth=None,
    operation_id="project_detail",
    summary="Get a project",
    description="Return one project with its parties, phases and sources, or 404.",
)
def get_project(request, pk: int):
    try:
        return project_detail(user=request.user, pk=pk)
    except Project.DoesNotExist:
        raise HttpError(404, _("No such project.")) from None
