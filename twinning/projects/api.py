"""JSON endpoints for projects with their parties and phases.

Projects are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change a project, its parties or its phases.
"""

from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.core.api import Child, Resource
from twinning.projects import services
from twinning.projects.filters import ProjectFilter
from twinning.projects.models import Project, ProjectParty, ProjectPhase
from twinning.projects.schemas import (
    PhaseOut,
    ProjectDetailOut,
    ProjectIn,
    ProjectOut,
    ProjectPartyIn,
    ProjectPartyOut,
    ProjectPhaseIn,
)
from twinning.projects.selectors import project_detail, project_list

projects = Resource(
    model=Project,
    out=ProjectOut,
    detail=ProjectDetailOut,
    select=lambda user: project_list(user=user),
    fetch=lambda user, pk: project_detail(user=user, pk=pk),
    filterset=ProjectFilter,
    query_docs={"q": "Text found in title, description or outcome."},
    body=ProjectIn,
    create=services.project_create,
    update=services.project_update,
    delete=services.project_delete,
    export="projects",
    not_found=_("No such project."),
    docs={"delete": "Its parties and phases go with it."},
)
parties = Child(
    parent=projects,
    path="parties",
    model=ProjectParty,
    out=ProjectPartyOut,
    body=ProjectPartyIn,
    create=services.project_party_add,
    update=services.project_party_update,
    delete=services.project_party_delete,
    name="project_party",
    param="party_pk",
    docs={"create": "Give exactly one of organisation and place."},
)
phases = Child(
    parent=projects,
    path="phases",
    model=ProjectPhase,
    out=PhaseOut,
    body=ProjectPhaseIn,
    key="number",
    create=services.project_phase_create,
    update=services.project_phase_update,
    delete=services.project_phase_delete,
    name="project_phase",
    param="number",
    docs={"create": "Under a number the project does not use yet; a number in use gives 422."},
)
router = phases.mount(parties.mount(projects.mount(Router(tags=["projects"]))))
