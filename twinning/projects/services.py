"""Writes of projects, their parties and phases."""

from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from twinning.core.changes import ChangeAction, record_changed
from twinning.core.fields import partial_date_or_error
from twinning.core.partialdates import PartialDate
from twinning.core.search import search_entry_delete, search_entry_update
from twinning.core.services import model_update
from twinning.projects.models import (
    PhaseStatus,
    Project,
    ProjectParty,
    ProjectPartyRole,
    ProjectPhase,
    ProjectStatus,
)


@transaction.atomic
def project_create(
    *,
    title: str,
    description: str = "",
    partnerships: Iterable = (),
    value_min: Decimal | None = None,
    value_max: Decimal | None = None,
    currency: str = "DKK",
    status: str = ProjectStatus.IDEA,
    outcome: str = "",
    owner=None,
    is_public: bool = True,
    **translations: str,
) -> Project:
    """Create a project after validating it."""
    project = Project(
        title=title,
        description=description,
        value_min=value_min,
        value_max=value_max,
        currency=(currency or "").upper(),
        status=status,
        outcome=outcome,
        owner=owner,
        is_public=is_public,
        **translations,
    )
    project.full_clean()
    project.save()
    project.partnerships.set(partnerships)
    search_entry_update(project)
    record_changed(instance=project, action=ChangeAction.CREATED)
    return project


@transaction.atomic
def project_update(*, project: Project, version: int | None = None, **fields) -> Project:
    """Change the given fields of a project after validating them."""
    if "currency" in fields:
        fields["currency"] = (fields["currency"] or "").upper()
    project = model_update(instance=project, data=fields, version=version)
    search_entry_update(project)
    return project


@transaction.atomic
def project_delete(*, project: Project) -> None:
    """Delete a project with its parties and phases."""
    search_entry_delete(project)
    record_changed(instance=project, action=ChangeAction.DELETED)
    project.delete()


@transaction.atomic
def project_party_add(
    *, project: Project, organisation=None, place=None, role: str = ProjectPartyRole.PARTNER
) -> ProjectParty:
    """Add an organisation or a place to a project in a role."""
    party = ProjectParty(project=project, organisation=organisation, place=place, role=role)
    party.full_clean()
    party.save()
    return party


@transaction.atomic
def project_party_update(
    *, party: ProjectParty, version: int | None = None, **fields
) -> ProjectParty:
    """Change the given fields of a project party after validating them."""
    return model_update(instance=party, data=fields, version=version)


@transaction.atomic
def project_party_delete(*, party: ProjectParty) -> None:
    """Take a party out of a project."""
    party.delete()


@transaction.atomic
def project_phase_set(
    *,
    project: Project,
    number: int,
    title: str = "",
    start: PartialDate | str | None = None,
    end: PartialDate | str | None = None,
    status: str = PhaseStatus.PLANNED,
    notes: str = "",
) -> ProjectPhase:
    """Create or change the phase of a project with the given number."""
    phase = ProjectPhase.objects.filter(project=project, number=number).first()
    phase = phase or ProjectPhase(project=project, number=number)
    phase.title = title
    phase.start = partial_date_or_error(start, "start")
    phase.end = partial_date_or_error(end, "end")
    phase.status = status
    phase.notes = notes
    phase.full_clean()
    phase.save()
    search_entry_update(phase)
    return phase


@transaction.atomic
def project_phase_create(
    *,
    project: Project,
    number: int,
    title: str = "",
    start: PartialDate | str | None = None,
    end: PartialDate | str | None = None,
    status: str = PhaseStatus.PLANNED,
    notes: str = "",
    **translations: str,
) -> ProjectPhase:
    """Add a phase with a number the project does not use yet."""
    phase = ProjectPhase(
        project=project,
        number=number,
        title=title,
        start=partial_date_or_error(start, "start"),
        end=partial_date_or_error(end, "end"),
        status=status,
        notes=notes,
        **translations,
    )
    phase.full_clean()
    phase.save()
    search_entry_update(phase)
    return phase


@transaction.atomic
def project_phase_update(
    *, phase: ProjectPhase, version: int | None = None, **fields
) -> ProjectPhase:
    """Change the given fields of a phase after validating them."""
    for field in {"start", "end"} & set(fields):
        fields[field] = partial_date_or_error(fields[field], field)
    phase = model_update(instance=phase, data=fields, version=version)
    search_entry_update(phase)
    return phase


@transaction.atomic
def project_phase_delete(*, phase: ProjectPhase) -> None:
    """Take a phase out of a project."""
    search_entry_delete(phase)
    phase.delete()
