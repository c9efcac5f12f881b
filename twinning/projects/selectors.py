"""Reads of projects, with visibility applied to the projects and what they show."""

from django.db.models import Prefetch, Q, QuerySet

from twinning.accounts.selectors import visible_link, visible_to
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Partnership
from twinning.projects.models import Project, ProjectParty, ProjectPhase
from twinning.sources.models import Evidence, Source


def project_list(*, user) -> QuerySet[Project]:
    """Return the projects the user may see, with partnerships, parties and phases loaded."""
    partnerships = visible_to(Partnership.objects.all(), user).select_related("party_a", "party_b")
    # A party that is an organisation the user may not see is left out, name and all.
    parties = ProjectParty.objects.filter(
        visible_link("organisation_id", visible_to(Organisation.objects.all(), user))
        | Q(organisation__isnull=True)
    ).select_related("organisation", "place")
    return visible_to(Project.objects.all(), user).prefetch_related(
        Prefetch("partnerships", queryset=partnerships),
        Prefetch("parties", queryset=parties),
        Prefetch("phases", queryset=ProjectPhase.objects.order_by("number")),
    )


def project_detail(*, user, pk: int) -> Project:
    """Return one visible project with its sources."""
    evidence = Evidence.objects.filter(
        visible_link("source_id", visible_to(Source.objects.all(), user))
    ).select_related("source")
    return (
        project_list(user=user)
        .select_related("owner")
        .prefetch_related(Prefetch("evidence", queryset=evidence))
        .get(pk=pk)
    )


def partnership_projects(*, user, partnership: Partnership) -> list[Project]:
    """Return the visible projects of one partnership."""
    return list(project_list(user=user).filter(partnerships=partnership))
