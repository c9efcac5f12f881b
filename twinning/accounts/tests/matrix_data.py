"""Two organisations' registries, built so that every URL can be tried against each kind.

Every record of one kind has the same id in every table: organisation A's own records
are ``OWN``, organisation B's public ones ``PUBLIC`` and B's private ones ``PRIVATE``, and
no table has a row ``MISSING``. A URL or body that takes ids is then tried with each of
these values without knowing which table it reads: with ``PRIVATE`` it must answer as
with ``MISSING``. Every text of B's private records (and of what only they link to)
carries ``SECRET``, so a leak is found by looking for that word in what A's users get.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from simple_history.manager import HistoryManager

from twinning.accounts.models import Role
from twinning.accounts.services import api_token_create, membership_set, user_create
from twinning.activities.models import Activity
from twinning.focusareas.models import FocusArea
from twinning.ingestion.models import IngestionJob, Suggestion
from twinning.institutions.models import (
    Exchange,
    InstitutionPair,
    Network,
    NetworkMeeting,
    NetworkMembership,
)
from twinning.notifications.models import Notification
from twinning.organisations.models import Organisation
from twinning.partnerships.models import Agreement, Partnership, PartnershipPerson
from twinning.people.models import Person, Post
from twinning.places.models import Place
from twinning.projects.models import Project, ProjectParty, ProjectPhase
from twinning.reports.models import EvaluationReport, ReportFile
from twinning.search.services import search_entries_rebuild
from twinning.sites.models import ShowcaseSite
from twinning.sources.models import Evidence, Source
from twinning.strategies.models import (
    Budget,
    BudgetAllocation,
    BudgetLine,
    Goal,
    Indicator,
    IndicatorPeriod,
    Strategy,
)
from twinning.visits.models import Commitment, Gift, ProgrammeItem, Visit, VisitMember

OWN, PUBLIC, PRIVATE, MISSING = 5555, 6666, 7777, 8888
SECRET = "zqxsecret"
# What anonymous visitors may not see even on a public record of its owner.
INTERNAL = "zqxinternal"
# The user who wrote B's records, whose name anonymous visitors may not read in histories.
B_USER = "b-editor"
ROLES = ("anonymous", Role.VIEWER, Role.EDITOR, Role.ADMIN)


@dataclass
class Matrix:
    """The users of organisation A by role, with an API token each."""

    users: dict = field(default_factory=dict)
    tokens: dict = field(default_factory=dict)


def _text(pk: int, what: str) -> str:
    if pk == PRIVATE:
        return f"{what} {SECRET}"
    if pk == PUBLIC:
        return f"{what} of B"
    return f"{what} of A"


def _records(pk: int, *, owner: Organisation, is_public: bool, places: dict, area, user):
    """Write one record of every kind with the id ``pk``."""
    owned = {"owner": owner, "is_public": is_public}
    other = {OWN: PUBLIC, PUBLIC: PRIVATE, PRIVATE: OWN}[pk]
    home = places[pk]
    organisation = (
        Organisation.objects.create(
            pk=pk, kind="municipality", name=_text(pk, "Office"), notes=_text(pk, "note"), **owned
        )
        if pk != OWN and pk != PUBLIC
        else owner
    )
    person = Person.objects.create(
        pk=pk, name=_text(pk, "Person"), email=f"p{pk}@example.org", notes=_text(pk, "n"), **owned
    )
    Post.objects.create(pk=pk, person=person, role=_text(pk, "Mayor"), organisation=organisation)
    source = Source.objects.create(
        pk=pk, title=_text(pk, "Source"), text=_text(pk, "text"), kind="report", **owned
    )
    partnership = Partnership.objects.create(
        pk=pk,
        party_a=home,
        party_b=places[other],
        kind="sister_city",
        status="active",
        notes=_text(pk, "notes"),
        **owned,
    )
    partnership.focus_areas.add(area)
    Agreement.objects.create(
        pk=pk, partnership=partnership, kind="founding", title=_text(pk, "Agreement")
    )
    PartnershipPerson.objects.create(pk=pk, partnership=partnership, person=person)
    Evidence.objects.create(
        pk=pk,
        source=source,
        content_type=ContentType.objects.get_for_model(Partnership),
        object_id=pk,
        quote=_text(pk, "quote"),
    )
    activity = Activity.objects.create(
        pk=pk, start="2024-05", title=_text(pk, "Activity"), description="", **owned
    )
    activity.partnerships.add(partnership)
    pair = InstitutionPair.objects.create(
        pk=pk,
        partnership=partnership,
        institution_a=organisation,
        institution_b=Organisation.objects.create(kind="school", name=_text(pk, "School"), **owned),
        kind="school",
        notes=_text(pk, "pair"),
    )
    Exchange.objects.create(pk=pk, pair=pair, start="2024", description=_text(pk, "exchange"))
    # Networks are shared like places; B's private office is only a member of one.
    if pk == OWN:
        Network.objects.create(pk=pk, name="Network", organisation=organisation)
        NetworkMeeting.objects.create(pk=pk, network_id=OWN, date="2024", title="Meeting")
    NetworkMembership.objects.create(pk=pk, network_id=OWN, organisation=organisation)
    project = Project.objects.create(pk=pk, title=_text(pk, "Project"), **owned)
    project.partnerships.add(partnership)
    ProjectParty.objects.create(pk=pk, project=project, organisation=organisation, role="lead")
    ProjectPhase.objects.create(pk=pk, project=project, number=1, title=_text(pk, "Phase"))
    site = ShowcaseSite.objects.create(
        pk=pk, name=_text(pk, "Site"), organisation=organisation, **owned
    )
    visit = Visit.objects.create(
        pk=pk,
        visiting_party=home,
        host=places[other],
        partnership=partnership,
        title=_text(pk, "Visit"),
        start_date=datetime.date(2024, 5, 1),
        end_date=datetime.date(2024, 5, 3),
        notes=f"{_text(pk, 'notes')} {INTERNAL}",
        report=f"{_text(pk, 'report')} {INTERNAL}",
        **owned,
    )
    VisitMember.objects.create(pk=pk, visit=visit, name=f"{_text(pk, 'Member')} {INTERNAL}")
    ProgrammeItem.objects.create(
        pk=pk, visit=visit, day=datetime.date(2024, 5, 2), topic=_text(pk, "Topic"), site=site
    )
    Gift.objects.create(pk=pk, visit=visit, direction="given", description=_text(pk, "Gift"))
    Commitment.objects.create(pk=pk, visit=visit, description=_text(pk, "Promise"))
    strategy = Strategy.objects.create(
        pk=pk, party=home, title=_text(pk, "Strategy"), kind="own", **owned
    )
    goal = Goal.objects.create(pk=pk, strategy=strategy, position=1, title=_text(pk, "Goal"))
    indicator = Indicator.objects.create(
        pk=pk, goal=goal, position=1, title=_text(pk, "Indicator"), unit="visits"
    )
    IndicatorPeriod.objects.create(
        pk=pk,
        indicator=indicator,
        start=datetime.date(2024, 1, 1),
        end=datetime.date(2024, 12, 31),
        evidence=_text(pk, "evidence"),
    )
    budget = Budget.objects.create(pk=pk, party=home, year=2024, notes=_text(pk, "budget"), **owned)
    BudgetAllocation.objects.create(pk=pk, budget=budget, partnership=partnership, amount=100)
    BudgetLine.objects.create(
        pk=pk, budget=budget, category="travel", description=_text(pk, "line")
    )
    report = EvaluationReport.objects.create(
        pk=pk,
        party=home,
        partnership=partnership,
        from_year=2023,
        to_year=2024,
        title=_text(pk, "Report"),
        summary=_text(pk, "summary"),
        **owned,
    )
    ReportFile.objects.create(pk=pk, report=report, fmt="pdf", requested_by=user)
    IngestionJob.objects.create(pk=pk, user=user, **owned)
    Suggestion.objects.create(
        pk=pk, source=source, kind="event", start=0, end=4, quote=_text(pk, "quote")
    )
    Notification.objects.create(
        pk=pk, user=user, kind="agreement_due", title=_text(pk, "Due"), url=f"/{pk}/"
    )


def _links() -> None:
    """Make B's public records refer to its private ones, as links only."""
    agreement = Agreement.objects.get(pk=PUBLIC)
    agreement.document_id = PRIVATE
    agreement.save(update_fields=["document"])
    agreement.signatories.add(Post.objects.get(pk=PRIVATE))
    PartnershipPerson.objects.create(partnership_id=PUBLIC, person_id=PRIVATE)
    Evidence.objects.create(
        source_id=PRIVATE,
        content_type=ContentType.objects.get_for_model(Partnership),
        object_id=PUBLIC,
        quote=f"quote {SECRET}",
    )
    Activity.objects.get(pk=PRIVATE).partnerships.add(PUBLIC)
    Project.objects.get(pk=PRIVATE).partnerships.add(PUBLIC)
    ProjectParty.objects.create(project_id=PUBLIC, organisation_id=PRIVATE, role="partner")
    ProgrammeItem.objects.create(
        visit_id=PUBLIC, day=datetime.date(2024, 5, 2), topic="Tour of B", site_id=PRIVATE
    )
    Visit.objects.filter(pk=PRIVATE).update(partnership_id=PUBLIC)
    Visit.objects.filter(pk=PUBLIC).update(host_organisation_id=PRIVATE)
    VisitMember.objects.create(visit_id=PUBLIC, name="Guest", person_id=PRIVATE)
    VisitMember.objects.create(visit_id=PUBLIC, name="Guest", organisation_id=PRIVATE)
    Commitment.objects.create(visit_id=PUBLIC, description="Reply", responsible_id=PRIVATE)
    ProgrammeItem.objects.create(
        visit_id=PUBLIC, day=datetime.date(2024, 5, 2), topic="Talk", host_organisation_id=PRIVATE
    )
    InstitutionPair.objects.filter(pk=PUBLIC).update(institution_b_id=PRIVATE)
    Exchange.objects.create(pair_id=PUBLIC, start="2024", description="Choir")
    Post.objects.create(person_id=PRIVATE, role="Adviser", organisation_id=PUBLIC)
    BudgetAllocation.objects.create(budget_id=PUBLIC, partnership_id=PRIVATE, amount=50)
    EvaluationReport.objects.filter(pk=PRIVATE).update(partnership_id=PUBLIC)
    EvaluationReport.objects.get(pk=PUBLIC).highlights.add(PRIVATE)
    IndicatorPeriod.objects.filter(pk=PUBLIC).update(source_id=PRIVATE)


def matrix_build() -> Matrix:
    """Write both organisations' records and A's users; return the users."""
    # Places are shared by all: none has the id PRIVATE, which stands for private records.
    places = {
        key: Place.objects.create(pk=pk, kind="municipality", name=name, country=country)
        for key, pk, name, country in (
            (OWN, OWN, "Aarhus", "DK"),
            (PUBLIC, PUBLIC, "Bergen", "NO"),
            (PRIVATE, 9999, "Turku", "FI"),
        )
    }
    area = FocusArea.objects.create(slug="culture", name_en="Culture", name_da="Kultur")
    org_a = Organisation.objects.create(pk=OWN, kind="municipality", name="Office of A")
    org_b = Organisation.objects.create(pk=PUBLIC, kind="municipality", name="Office of B")
    Organisation.objects.filter(pk=OWN).update(owner=org_a)
    Organisation.objects.filter(pk=PUBLIC).update(owner=org_b)
    org_a.refresh_from_db()
    org_b.refresh_from_db()
    b_user = user_create(username=B_USER, password=None, email=f"b@{SECRET}.example.org")
    membership_set(user=b_user, organisation=org_b, role=Role.EDITOR)
    matrix = Matrix()
    for role in ROLES[1:]:
        user = user_create(username=f"a-{role}", password=None)
        membership_set(user=user, organisation=org_a, role=role)
        _token, key = api_token_create(user=user, name="matrix")
        matrix.users[role] = user
        matrix.tokens[role] = key
    matrix.users["anonymous"] = None
    _records(
        OWN, owner=org_a, is_public=False, places=places, area=area, user=matrix.users["admin"]
    )
    _records(PUBLIC, owner=org_b, is_public=True, places=places, area=area, user=b_user)
    _records(PRIVATE, owner=org_b, is_public=False, places=places, area=area, user=b_user)
    _links()
    for model in apps.get_models():
        if isinstance(getattr(model, "history", None), HistoryManager):
            model.history.all().update(history_user_id=b_user.pk)
    search_entries_rebuild()
    return matrix
