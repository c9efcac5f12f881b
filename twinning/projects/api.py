"""JSON endpoints for projects with their parties and phases.

Projects are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change a project, its parties or its phases.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from twinning.accounts.auth import read_auth, write_auth
from twinning.accounts.selectors import visible_to
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import (
    blank_text,
    get_many_or_422,
    get_or_422,
    get_visible_or_422,
    owner_for,
    require_can_edit,
    require_editor,
)
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.places.models import Place
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
    ProjectPartyPatch,
    ProjectPatch,
    ProjectPhaseIn,
    ProjectPhasePatch,
    ProjectQuery,
)
from twinning.projects.selectors import project_detail, project_list

router = Router(tags=["projects"])

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
DELETE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


@router.get(
    "",
    response=list[ProjectOut],
    auth=read_auth,
    operation_id="project_list",
    summary="List projects",
    description="Return the projects the caller may see, filtered and paginated with limit "
    "and offset; with format=csv or xlsx, every match as a file.",
)
@paginate_or_export(ProjectOut, "projects")
def list_projects(request, filters: Query[ProjectQuery]):
    return filter_or_422(ProjectFilter, filters, project_list(user=request.user))


def _project(request, pk: int) -> Project:
    try:
        return project_detail(user=request.user, pk=pk)
    except Project.DoesNotExist:
        raise HttpError(404, _("No such project.")) from None


@router.get(
    "/{int:pk}",
    response={200: ProjectDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="project_detail",
    summary="Get a project",
    description="Return one project with its parties, phases and sources, or 404.",
)
def get_project(request, pk: int):
    return _project(request, pk)


# Writes ---------------------------------------------------------------------------------


def _editable(request, pk: int) -> Project:
    try:
        project = visible_to(Project.objects.all(), request.user).get(pk=pk)
    except Project.DoesNotExist:
        raise HttpError(404, _("No such project.")) from None
    require_can_edit(request.user, project)
    return project


def _project_fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"description", "outcome", "currency"})
    if "partnerships" in fields:
        visible = visible_to(Partnership.objects.all(), request.user)
        fields["partnerships"] = get_many_or_422(visible, fields["partnerships"], "partnerships")
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    return fields


@router.post(
    "",
    response={201: ProjectDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="project_create",
    summary="Create a project",
    description="Create a project; editors only. The owner must be one of the caller's "
    "organisations. Parties and phases are added afterwards.",
)
def create_project(request, payload: ProjectIn):
    require_editor(request.user)
    project = services.project_create(**_project_fields(request, payload.dict()))
    return Status(201, _project(request, project.pk))


@router.patch(
    "/{int:pk}",
    response={200: ProjectDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="project_update",
    summary="Change a project",
    description="Change the fields given; the others stay as they are. Only editors of the "
    "owning organisation may.",
)
def update_project(request, pk: int, payload: ProjectPatch):
    project = _editable(request, pk)
    fields = _project_fields(request, payload.dict(exclude_unset=True))
    services.project_update(project=project, **fields)
    return _project(request, pk)


@router.delete(
    "/{int:pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="project_delete",
    summary="Delete a project",
    description="Delete a project with its parties and phases.",
)
def delete_project(request, pk: int):
    services.project_delete(project=_editable(request, pk))
    return Status(204, None)


# Parties --------------------------------------------------------------------------------


def _party_fields(request, payload: dict) -> dict:
    fields = dict(payload)
    if "organisation" in fields:
        visible = visible_to(Organisation.objects.all(), request.user)
        fields["organisation"] = get_visible_or_422(visible, fields["organisation"], "organisation")
    if "place" in fields:
        fields["place"] = get_or_422(Place, fields["place"], "place")
    return fields


def _party(request, pk: int, party_pk: int) -> ProjectParty:
    return get_object_or_404(
        ProjectParty.objects.select_related("organisation", "place"),
        pk=party_pk,
        project=_editable(request, pk),
    )


@router.post(
    "/{int:pk}/parties",
    response={201: ProjectPartyOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="project_party_create",
    summary="Add a party to a project",
    description="Add an organisation or a place, in a role; give exactly one of the two.",
)
def create_party(request, pk: int, payload: ProjectPartyIn):
    project = _editable(request, pk)
    fields = _party_fields(request, payload.dict())
    return Status(201, services.project_party_add(project=project, **fields))


@router.patch(
    "/{int:pk}/parties/{int:party_pk}",
    response={200: ProjectPartyOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="project_party_update",
    summary="Change a project party",
    description="Change the fields given, by the party's party_id; the others stay as they are.",
)
def update_party(request, pk: int, party_pk: int, payload: ProjectPartyPatch):
    party = _party(request, pk, party_pk)
    fields = _party_fields(request, payload.dict(exclude_unset=True))
    return services.project_party_update(party=party, **fields)


@router.delete(
    "/{int:pk}/parties/{int:party_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="project_party_delete",
    summary="Remove a project party",
    description="Take a party, named by its party_id, out of the project.",
)
def delete_party(request, pk: int, party_pk: int):
    services.project_party_delete(party=_party(request, pk, party_pk))
    return Status(204, None)


# Phases ---------------------------------------------------------------------------------


def _phase(request, pk: int, number: int) -> ProjectPhase:
    return get_object_or_404(ProjectPhase, number=number, project=_editable(request, pk))


@router.post(
    "/{int:pk}/phases",
    response={201: PhaseOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="project_phase_create",
    summary="Add a phase to a project",
    description="Add a phase under a number the project does not use yet; a number in use "
    "gives 422.",
)
def create_phase(request, pk: int, payload: ProjectPhaseIn):
    project = _editable(request, pk)
    fields = blank_text(payload.dict(), {"title", "notes"})
    return Status(201, services.project_phase_create(project=project, **fields))


@router.patch(
    "/{int:pk}/phases/{int:number}",
    response={200: PhaseOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="project_phase_update",
    summary="Change a project phase",
    description="Change the fields given of the phase with this number; the others stay.",
)
def update_phase(request, pk: int, number: int, payload: ProjectPhasePatch):
    phase = _phase(request, pk, number)
    fields = blank_text(payload.dict(exclude_unset=True), {"title", "notes"})
    return services.project_phase_update(phase=phase, **fields)


@router.delete(
    "/{int:pk}/phases/{int:number}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="project_phase_delete",
    summary="Remove a project phase",
    description="Take the phase with this number out of the project.",
)
def delete_phase(request, pk: int, number: int):
    services.project_phase_delete(phase=_phase(request, pk, number))
    return Status(204, None)
