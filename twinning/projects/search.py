"""Projects and their phases in the search index."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch
from django.urls import reverse

from twinning.core.search import Document, Indexer, Span, join, owned, register, year_of
from twinning.core.translated import every_language
from twinning.partnerships.search import partnership_facts
from twinning.projects.models import PhaseStatus, Project, ProjectPhase, ProjectStatus


def _project_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    phases = ProjectPhase.objects.order_by("number")
    projects = list(
        Project.objects.filter(pk__in=ids).prefetch_related(
            "partnerships", Prefetch("phases", queryset=phases)
        )
    )
    facts = partnership_facts(p.pk for project in projects for p in project.partnerships.all())
    for project in projects:
        within = [facts[p.pk] for p in project.partnerships.all() if p.pk in facts]
        starts = [phase.start for phase in project.phases.all() if phase.start]
        ends = [phase.end for phase in project.phases.all() if phase.end]
        first = min(starts) if starts else None
        yield (
            project.pk,
            Document(
                title=project.title,
                body=join(
                    # Only public partnerships are named: one entry serves every reader.
                    "; ".join(p.title for p in within if p.is_public),
                    project.description,
                    project.outcome,
                    every_language(project),
                    "; ".join(p.title for p in project.phases.all() if p.title),
                ),
                meta=[ProjectStatus(project.status), Span(first, max(ends) if ends else None)],
                countries=list(dict.fromkeys(c for p in within for c in p.countries)),
                focus_areas=list(dict.fromkeys(a.pk for p in within for a in p.focus_areas)),
                partnerships=[p.pk for p in within],
                year=year_of(first),
                **owned(project),
            ),
        )


def _phase_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    for phase in ProjectPhase.objects.filter(pk__in=ids).select_related("project"):
        project = phase.project
        yield (
            phase.pk,
            Document(
                title=f"{project.title}: {phase.title}" if phase.title else project.title,
                other_names=[project.title],
                body=phase.notes,
                meta=[PhaseStatus(phase.status), Span(phase.start, phase.end)],
                year=year_of(phase.start),
                # A phase is seen by whoever sees its project.
                **owned(project),
            ),
        )


def _phase_links(ids: list[int]) -> dict[int, str]:
    rows = ProjectPhase.objects.filter(pk__in=ids).values_list("pk", "project_id")
    return {
        pk: reverse("projects:detail", args=[project]) + "#phases-heading" for pk, project in rows
    }


register(
    Indexer(
        kind="project",
        slot=9,
        model="projects.Project",
        url_name="projects:detail",
        documents=_project_documents,
        # An entry shows the project's phases (their titles and dates).
        follows={
            "projects.ProjectPhase": lambda phase: [phase.project_id],
            "partnerships.Partnership": lambda p: p.projects.values_list("pk", flat=True),
        },
    ),
    Indexer(
        kind="phase",
        slot=10,
        model="projects.ProjectPhase",
        links=_phase_links,
        documents=_phase_documents,
        follows={"projects.Project": lambda project: project.phases.values_list("pk", flat=True)},
    ),
)
