"""Reads for evaluation reports: the stored reports, their generated sections, and alerts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from twinning.accounts.selectors import visible_link, visible_to
from twinning.activities.models import Activity, ActivityArea
from twinning.activities.selectors import activity_overview
from twinning.core.selectors import history_changes
from twinning.institutions.models import Exchange
from twinning.institutions.selectors import partnership_institution_pairs
from twinning.partnerships.models import Agreement, AgreementDueKind, Partnership
from twinning.partnerships.selectors import (
    AgreementDue,
    agreements_due,
    partnership_detail,
    partnership_list,
)
from twinning.places.models import Place
from twinning.places.selectors import place_find
from twinning.projects.models import Project
from twinning.projects.selectors import partnership_projects
from twinning.reports.charts import BarChart, bar_chart_svg
from twinning.reports.models import EvaluationReport, ReportFile
from twinning.sources.models import Evidence, Source
from twinning.strategies.models import Budget, Goal, Indicator, Strategy, StrategyKind
from twinning.strategies.selectors import (
    Alignment,
    MoneySummary,
    alignment_matrix,
    budgets_in_period,
    partnership_money,
    strategies_in_period,
)
from twinning.visits.models import Visit, VisitStatus
from twinning.visits.selectors import commitments_due

# Commands (cron jobs, the report command) act for the whole registry, not for a person.
EVERYONE = SimpleNamespace(is_superuser=True, is_authenticated=True, pk=None)

# The monthly tables list every activity; a council reads the summary, so they come last.
SECTIONS = [
    ("summary", _("Summary")),
    ("history", _("History and agreements")),
    ("results", _("Results per area")),
    ("charts", _("Activities per area and year")),
    ("institutions", _("Institution pairs and exchanges")),
    ("projects", _("Projects and business results")),
    ("goals", _("Goals against results")),
    ("budget", _("Budget and resources")),
    ("alignment", _("Alignment of strategies and focus of the next agreement")),
    ("recommendation", _("Recommendation")),
    ("sources", _("Sources")),
    ("overview", _("Appendix: activity overview by month")),
]


def report_list(*, user) -> QuerySet[EvaluationReport]:
    """Return the reports the user may see, with party and partnership loaded."""
    partnerships = visible_to(Partnership.objects.all(), user)
    return (
        visible_to(EvaluationReport.objects.all(), user)
        .filter(visible_link("partnership_id", partnerships))
        .select_related("party", "partnership__party_a", "partnership__party_b", "author")
    )


def report_detail(*, user, pk: int) -> EvaluationReport:
    """Return one visible report."""
    return report_list(user=user).select_related("owner").get(pk=pk)


def report_file_detail(*, user, pk: int) -> ReportFile:
    """Return a report file the user asked for, while the user may still see its report."""
    return ReportFile.objects.select_related(
        "report__partnership__party_a", "report__partnership__party_b"
    ).get(pk=pk, requested_by_id=user.pk, report__in=report_list(user=user))


def report_history(*, report: EvaluationReport, limit: int = 50):
    """Return the report's changes, newest first."""
    records = list(
        report.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    return history_changes(
        records,
        kind=str(EvaluationReport._meta.verbose_name),
        label=lambda r: "",
        url_name="reports:detail",
    )[:limit]


def partnership_between(*, user, party_name: str, partner_name: str) -> Partnership | None:
    """Return the visible partnership between two places named as place_find names them."""
    party = place_find(name=party_name)
    partner = place_find(name=partner_name)
    if party is None or partner is None:
        return None
    return (
        partnership_list(user=user)
        .filter(Q(party_a=party, party_b=partner) | Q(party_a=partner, party_b=party))
        .order_by("pk")
        .first()
    )


@dataclass
class AreaResult:
    """The activities of one area in the period, and those the author picked out."""

    code: str
    label: str
    activities: list[Activity]
    highlights: list[Activity] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.activities)


@dataclass
class IndicatorResult:
    """One indicator of a goal with its targets and actuals drawn as a chart."""

    goal: Goal
    indicator: Indicator
    chart: BarChart
    chart_svg: str


@dataclass
class YearOverview:
    """One year's month-by-area table, as activity_overview returns it, with labels."""

    year: int
    areas: list[tuple[str, str]]
    months: list[dict]
    count: int


@dataclass
class ReportContent:
    """Everything a report shows that is generated from the registry."""

    report: EvaluationReport
    partnership: Partnership
    party: Place
    partner: Place
    agreements: list[Agreement]
    overviews: list[YearOverview]
    results: list[AreaResult]
    chart: BarChart
    chart_svg: str
    pairs: list
    projects: list[Project]
    strategies: list[Strategy]
    budgets: list[Budget]
    alignment: Alignment
    evidence: list[tuple[str, list[Evidence]]] = field(default_factory=list)
    # The partnership's agreements that need attention today, by the shared rule.
    due: list[AgreementDue] = field(default_factory=list)
    indicators: list[IndicatorResult] = field(default_factory=list)
    money: MoneySummary | None = None
    sections: list[tuple[str, str]] = field(default_factory=lambda: list(SECTIONS))

    @property
    def activity_count(self) -> int:
        return sum(overview.count for overview in self.overviews)

    @property
    def goals(self) -> list[Goal]:
        return [goal for strategy in self.own_strategies for goal in strategy.goals.all()]

    @property
    def own_strategies(self) -> list[Strategy]:
        return [s for s in self.strategies if s.kind == StrategyKind.OWN]


def _area_labels() -> dict[str, str]:
    return {code: str(label) for code, label in ActivityArea.choices}


def _exchanges(pairs: list, first: int, last: int) -> None:
    """Attach to each pair the exchanges that begin in the period, in one query."""
    by_pair: dict[int, list[Exchange]] = defaultdict(list)
    exchanges = Exchange.objects.filter(
        pair__in=[pair.pk for pair in pairs],
        start__gte=f"{first:04d}",
        start__lt=f"{last + 1:04d}",
    ).order_by("start", "pk")
    for exchange in exchanges:
        by_pair[exchange.pair_id].append(exchange)
    for pair in pairs:
        pair.exchanges_in_period = by_pair.get(pair.pk, [])


def _evidence(*, user, groups: dict[str, list]) -> list[tuple[str, list[Evidence]]]:
    """Return, per section, the evidence from visible sources for the facts it uses."""
    wanted: dict[tuple[int, int], list[str]] = defaultdict(list)
    condition = Q(pk__in=[])
    for section, facts in groups.items():
        by_model: dict[type, set[int]] = defaultdict(set)
        for fact in facts:
            by_model[type(fact)].add(fact.pk)
        for model, ids in by_model.items():
            content_type = ContentType.objects.get_for_model(model)
            condition |= Q(content_type=content_type, object_id__in=ids)
            for pk in ids:
                wanted[(content_type.pk, pk)].append(section)
    found: dict[str, list[Evidence]] = {section: [] for section in groups}
    rows = (
        Evidence.objects.filter(
            condition, visible_link("source_id", visible_to(Source.objects.all(), user))
        )
        .select_related("source")
        .order_by("source__title", "start", "pk")
    )
    for evidence in rows:
        for section in wanted[(evidence.content_type_id, evidence.object_id)]:
            found[section].append(evidence)
    labels = dict(SECTIONS)
    return [(labels[section], items) for section, items in found.items()]


def report_content(*, user, report: EvaluationReport) -> ReportContent:
    """Generate every section of a report from what the user may see in the registry."""
    partnership = partnership_detail(user=user, pk=report.partnership_id)
    party = report.party
    partner = partnership.party_b if partnership.party_a_id == party.pk else partnership.party_a
    labels = _area_labels()

    overviews = []
    for year in report.years():
        table = activity_overview(user=user, partnership=partnership, year=year)
        count = sum(len(cell) for row in table["months"] for cell in row["cells"].values())
        overviews.append(
            YearOverview(
                year=year,
                areas=[(code, labels[code]) for code in table["areas"]],
                months=table["months"],
                count=count,
            )
        )
    per_area: dict[str, list[Activity]] = defaultdict(list)
    for overview in overviews:
        for row in overview.months:
            for code, activities in row["cells"].items():
                per_area[code].extend(activities)
    picked = set(report.highlights.values_list("pk", flat=True)) if report.pk else set()
    results = [
        AreaResult(
            code=code,
            label=labels[code],
            activities=per_area[code],
            highlights=[a for a in per_area[code] if a.pk in picked],
        )
        for code in ActivityArea.values
        if per_area.get(code)
    ]
    chart = BarChart(
        title=str(_("Activities per area and year")),
        categories=[result.label for result in results],
        series=[
            (
                str(overview.year),
                [
                    sum(len(row["cells"].get(result.code, [])) for row in overview.months)
                    for result in results
                ],
            )
            for overview in overviews
        ],
    )

    pairs = partnership_institution_pairs(user=user, partnership=partnership)
    _exchanges(pairs, report.from_year, report.to_year)
    projects = partnership_projects(user=user, partnership=partnership)
    first = dt.date(report.from_year, 1, 1)
    last = dt.date(report.to_year, 12, 31)
    strategies = strategies_in_period(
        user=user, parties=[party, *party.ancestors()], first=first, last=last
    )
    budgets = budgets_in_period(
        user=user, party=party, first_year=report.from_year, last_year=report.to_year + 1
    )
    for budget in budgets:
        budget.allocation = next(
            (a for a in budget.allocations.all() if a.partnership_id == partnership.pk), None
        )
    # The next agreement starts after the period; compare the strategies in force then.
    alignment = alignment_matrix(
        user=user, party=party, partner=partner, on=dt.date(report.to_year + 1, 1, 1)
    )
    agreements = list(partnership.agreements.all())
    activities = [a for result in results for a in result.activities]
    goals = [goal for s in strategies for goal in s.goals.all()]
    evidence = _evidence(
        user=user,
        groups={
            "history": [partnership, *agreements],
            "results": activities,
            "projects": projects,
            "goals": [*strategies, *goals],
            "budget": budgets,
            "alignment": alignment.strategies,
        },
    )
    return ReportContent(
        report=report,
        partnership=partnership,
        party=party,
        partner=partner,
        agreements=agreements,
        overviews=overviews,
        results=results,
        chart=chart,
        chart_svg=bar_chart_svg(chart),
        pairs=pairs,
        projects=projects,
        strategies=strategies,
        budgets=budgets,
        alignment=alignment,
        evidence=evidence,
        due=[d for d in agreements_due(user=user) if d.agreement.partnership_id == partnership.pk],
        money=partnership_money(
            user=user,
            partnership=partnership,
            first_year=report.from_year,
            last_year=report.to_year,
        ),
        indicators=_indicator_results(
            [s for s in strategies if s.kind == StrategyKind.OWN], report.years()
        ),
    )


def _amount(value) -> int | float:
    """Return a Decimal as the plain number a chart draws (0 when it is missing)."""
    if value is None:
        return 0
    return int(value) if value == value.to_integral_value() else float(value)


def _indicator_results(strategies: list[Strategy], years: list[int]) -> list[IndicatorResult]:
    """Return a chart of target against actual for every indicator with periods in the years."""
    found = []
    for strategy in strategies:
        for goal in strategy.goals.all():
            for indicator in goal.indicators.all():
                periods = [
                    p
                    for p in indicator.periods.all()
                    if p.start.year <= years[-1] and p.end.year >= years[0]
                ]
                if not periods:
                    continue
                chart = BarChart(
                    title=f"{indicator.title} ({indicator.unit})",
                    categories=[p.label for p in periods],
                    series=[
                        (str(_("Target")), [_amount(p.target) for p in periods]),
                        (str(_("Actual")), [_amount(p.actual) for p in periods]),
                    ],
                )
                found.append(IndicatorResult(goal, indicator, chart, bar_chart_svg(chart)))
    return found


# Alerts ---------------------------------------------------------------------------------

VISIT_HORIZON_DAYS = 30
COMMITMENT_HORIZON_DAYS = 30

# Every kind of alert: the agreement kinds come from the one agreement-due rule.
AlertKind = models.TextChoices(
    "AlertKind",
    [
        *((kind.name, (kind.value, kind.label)) for kind in AgreementDueKind),
        ("COMMITMENT_DUE", ("commitment_due", _("commitment due"))),
        ("COMMITMENT_OVERDUE", ("commitment_overdue", _("commitment overdue"))),
        ("VISIT_SOON", ("visit_soon", _("visit soon"))),
    ],
)


@dataclass(frozen=True)
class Alert:
    """One thing due for attention, as the command, the API and the digest list it."""

    kind: str
    date: dt.date
    title: str
    partnership: str
    url: str
    owner_id: int | None
    subject: object

    def get_kind_display(self) -> str:
        return str(AlertKind(self.kind).label)


@dataclass
class Alerts:
    """What is due: agreements to renew or lapsed, visits coming up, commitments due."""

    today: dt.date
    agreements: list[AgreementDue]
    visits: list
    commitments: list
    # How many of each are due, when the lists above hold only the first few.
    totals: dict[str, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.agreements or self.visits or self.commitments)

    @property
    def count(self) -> int:
        return sum(self.total(kind) for kind in ("agreements", "visits", "commitments"))

    def total(self, kind: str) -> int:
        """Return how many alerts of a kind are due, shown or not."""
        return self.totals.get(kind, len(getattr(self, kind)))

    @property
    def truncated(self) -> bool:
        return self.count > len(self.agreements) + len(self.visits) + len(self.commitments)

    def of_kind(self, kind: str) -> list:
        """Return the shown items of one alert kind."""
        return [alert.subject for alert in self.items() if alert.kind == kind]

    def items(self) -> list[Alert]:
        """Return every shown alert with its kind, in the order of the kinds, soonest first."""
        found = []
        for due in self.agreements:
            agreement = due.agreement
            found.append(
                Alert(
                    kind=due.kind,
                    date=due.date,
                    title=agreement.title or agreement.get_kind_display(),
                    partnership=_pair(agreement.partnership),
                    url=agreement.get_absolute_url(),
                    owner_id=agreement.partnership.owner_id,
                    subject=due,
                )
            )
        for visit in self.visits:
            found.append(
                Alert(
                    kind=AlertKind.VISIT_SOON,
                    date=visit.start_date,
                    title=visit.title,
                    partnership="",
                    url=visit.get_absolute_url(),
                    owner_id=visit.owner_id,
                    subject=visit,
                )
            )
        for commitment in self.commitments:
            found.append(
                Alert(
                    kind=commitment_kind(commitment, self.today),
                    date=commitment.due_date,
                    title=commitment.description,
                    partnership="",
                    url=commitment.visit.get_absolute_url(),
                    owner_id=commitment.visit.owner_id,
                    subject=commitment,
                )
            )
        order = {kind: index for index, kind in enumerate(AlertKind.values)}
        return sorted(found, key=lambda a: (order[a.kind], a.date))


def _pair(partnership: Partnership) -> str:
    return f"{partnership.party_a.name} – {partnership.party_b.name}"


def commitment_kind(commitment, today: dt.date) -> str:
    """Return whether an open commitment is overdue or merely due soon."""
    if commitment.is_overdue(today):
        return AlertKind.COMMITMENT_OVERDUE
    return AlertKind.COMMITMENT_DUE


def upcoming_visits(*, user, today: dt.date | None = None, days: int = VISIT_HORIZON_DAYS):
    """Return the visible visits that begin within the coming days, soonest first."""
    today = today or timezone.localdate()
    return (
        # Alerts name a visit and its dates; the parties and counts a list shows are not read.
        visible_to(Visit.objects.all(), user)
        .filter(start_date__gte=today, start_date__lte=today + dt.timedelta(days=days))
        .exclude(status=VisitStatus.CANCELLED)
        .order_by("start_date", "pk")
    )


def _first(queryset, limit: int) -> tuple[list, int]:
    # The count is read only when the first page is full.
    shown = list(queryset[:limit])
    return shown, queryset.count() if len(shown) == limit else len(shown)


def alerts_due(*, user, today: dt.date | None = None, limit: int | None = None) -> Alerts:
    """Return everything the user may see that is due for attention today.

    With a limit, each list holds at most that many (the most pressing first) and the
    totals say how many there are in all: a dashboard card need not load every visit of
    a busy month.
    """
    today = today or timezone.localdate()
    agreements = agreements_due(user=user, today=today)
    visits = upcoming_visits(user=user, today=today)
    commitments = commitments_due(user=user, today=today, days=COMMITMENT_HORIZON_DAYS)
    if limit is None:
        return Alerts(today, agreements, list(visits), list(commitments))
    shown_visits, visit_total = _first(visits, limit)
    shown_commitments, commitment_total = _first(commitments, limit)
    return Alerts(
        today,
        agreements[:limit],
        shown_visits,
        shown_commitments,
        totals={
            "agreements": len(agreements),
            "visits": visit_total,
            "commitments": commitment_total,
        },
    )
