from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Left
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.fields import PartialDateField
from twinning.core.models import (
    CheckedTextModel,
    OwnedModel,
    TimeStampedModel,
    VersionedModel,
)


class StrategyKind(models.TextChoices):
    OWN = "own", _("own strategy")
    PARTNER_PLAN = "partner_plan", _("partner's plan")
    NATIONAL = "national", _("national strategy")


class Strategy(OwnedModel):
    """A party's strategy or plan with ranked focus areas, such as a five-year plan."""

    party = models.ForeignKey(
        "places.Place",
        verbose_name=_("party"),
        on_delete=models.CASCADE,
        related_name="strategies",
        help_text=_("A municipality, region, group, or a country for a national strategy."),
    )
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(
        _("kind"), max_length=20, choices=StrategyKind.choices, default=StrategyKind.OWN
    )
    start = PartialDateField(_("in force from"), null=True, blank=True)
    end = PartialDateField(_("in force until"), null=True, blank=True)
    focus_areas = models.ManyToManyField(
        "focusareas.FocusArea",
        verbose_name=_("focus areas"),
        through="StrategyFocusArea",
        blank=True,
        related_name="strategies",
    )
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["party__name", "start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=StrategyKind.values), name="strategy_kind_valid"
            ),
            # The year is compared in the database; clean() compares the whole dates.
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=Left("start", 4)),
                name="strategy_end_not_before_start",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.start and self.end and self.end.last_day() < self.start.first_day():
            raise ValidationError({"end": _("A strategy cannot end before it begins.")})

    def get_absolute_url(self):
        return reverse("strategies:detail", args=[self.pk])

    def period(self, language: str | None = None) -> str:
        """Return the period as a reader would write it ("2013–2016")."""
        start = self.start.format(language) if self.start else ""
        end = self.end.format(language) if self.end else ""
        return f"{start}–{end}" if start or end else ""


class StrategyFocusArea(models.Model):
    """A focus area named by a strategy, at its rank (1 is the strategy's first priority)."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("strategy"), on_delete=models.CASCADE, related_name="ranked_areas"
    )
    focus_area = models.ForeignKey(
        "focusareas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.CASCADE,
        related_name="strategy_rankings",
    )
    position = models.PositiveSmallIntegerField(_("rank"))
    wording = models.CharField(
        _("wording"),
        max_length=300,
        blank=True,
        help_text=_("How the strategy itself names the area."),
    )

    class Meta:
        verbose_name = _("focus area of a strategy")
        verbose_name_plural = _("focus areas of strategies")
        ordering = ["strategy", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["strategy", "focus_area"], name="strategyfocusarea_unique_area"
            ),
            models.UniqueConstraint(
                fields=["strategy", "position"], name="strategyfocusarea_unique_position"
            ),
            models.CheckConstraint(
                condition=models.Q(position__gte=1), name="strategyfocusarea_position_positive"
            ),
        ]

    def __str__(self):
        return f"{self.position}. {self.focus_area}"

    def clean(self):
        if self.position is not None and self.position < 1:
            raise ValidationError({"position": _("Ranks start at 1.")})


class GoalStatus(models.TextChoices):
    MET = "met", _("met")
    PARTLY_MET = "partly_met", _("partly met")
    NOT_MET = "not_met", _("not met")
    NOT_ASSESSED = "not_assessed", _("not assessed")


class Goal(VersionedModel, TimeStampedModel):
    """A goal of a strategy with its actions, deadline, success criteria and assessment."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("strategy"), on_delete=models.CASCADE, related_name="goals"
    )
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    title = models.CharField(_("title"), max_length=300)
    focus_area = models.ForeignKey(
        "focusareas.FocusArea",
        verbose_name=_("focus area"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goals",
    )
    actions = models.TextField(_("actions"), blank=True)
    deadline = PartialDateField(_("deadline"), null=True, blank=True)
    success_criteria = models.TextField(_("success criteria"), blank=True)
    status = models.CharField(
        _("assessed status"),
        max_length=20,
        choices=GoalStatus.choices,
        default=GoalStatus.NOT_ASSESSED,
    )
    assessment = models.TextField(_("assessment"), blank=True)
    assessed_on = models.DateField(_("assessed on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["strategy", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=GoalStatus.values), name="goal_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=GoalStatus.NOT_ASSESSED)
                | models.Q(assessed_on__isnull=True),
                name="goal_unassessed_has_no_date",
            ),
        ]

    def __str__(self):
        return self.title

    def derived_status(self) -> str:
        """Return the status the indicators give: met when every period with a target and an
        actual reached it, partly met when some did, not met when none did."""
        outcomes = [
            indicator.met(period)
            for indicator in self.indicators.all()
            for period in indicator.periods.all()
        ]
        outcomes = [outcome for outcome in outcomes if outcome is not None]
        if not outcomes:
            return GoalStatus.NOT_ASSESSED
        if all(outcomes):
            return GoalStatus.MET
        return GoalStatus.PARTLY_MET if any(outcomes) else GoalStatus.NOT_MET

    def get_absolute_url(self):
        return reverse("strategies:goal_detail", args=[self.pk])

    def derived_status_label(self) -> str:
        return str(GoalStatus(self.derived_status()).label)

    def clean(self):
        if self.status == GoalStatus.NOT_ASSESSED and self.assessed_on:
            raise ValidationError(
                {"assessed_on": _("A goal that is not assessed has no assessment date.")}
            )


class IndicatorDirection(models.TextChoices):
    INCREASE = "increase", _("higher is better")
    DECREASE = "decrease", _("lower is better")


class Indicator(VersionedModel, TimeStampedModel):
    """A measurable sign of a goal's progress: unit, direction, baseline and periods."""

    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, related_name="indicators"
    )
    position = models.PositiveSmallIntegerField(_("number"), default=1)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(_("unit"), max_length=60, help_text=_("e.g. pupils, DKK, visits"))
    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=IndicatorDirection.choices,
        default=IndicatorDirection.INCREASE,
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    baseline_date = PartialDateField(_("baseline date"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["goal", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(direction__in=IndicatorDirection.values),
                name="indicator_direction_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(baseline__isnull=True) | models.Q(baseline_date__isnull=False),
                name="indicator_baseline_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.unit})"

    def clean(self):
        if self.baseline is not None and not self.baseline_date:
            raise ValidationError({"baseline_date": _("A baseline needs the date it was taken.")})

    def get_absolute_url(self):
        return reverse("strategies:goal_detail", args=[self.goal_id]) + f"#indicator-{self.pk}"

    def met(self, period: IndicatorPeriod) -> bool | None:
        """Return whether a period's actual reaches its target, or None when one is missing."""
        if period.target is None or period.actual is None:
            return None
        if self.direction == IndicatorDirection.DECREASE:
            return period.actual <= period.target
        return period.actual >= period.target


class IndicatorPeriod(VersionedModel):
    """An indicator's target and actual for one period, with where the actual comes from."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="periods"
    )
    start = models.DateField(_("period start"))
    end = models.DateField(_("period end"))
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    source = models.ForeignKey(
        "sources.Source",
        verbose_name=_("source"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicator_periods",
    )
    evidence = models.TextField(
        _("evidence"), blank=True, help_text=_("The passage or note the actual rests on.")
    )

    class Meta:
        verbose_name = _("indicator period")
        verbose_name_plural = _("indicator periods")
        ordering = ["indicator", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "start"], name="indicatorperiod_unique_start"
            ),
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="indicatorperiod_end_not_before_start",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("A period cannot end before it starts.")})

    def met(self) -> bool | None:
        """Return whether the actual reaches the target, or None when one is missing."""
        return self.indicator.met(self)

    @property
    def label(self) -> str:
        """Return the period as a year when it is one calendar year, else as its two days."""
        whole_year = (self.start.month, self.start.day, self.end.month, self.end.day) == (
            1,
            1,
            12,
            31,
        )
        if whole_year and self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.isoformat()}–{self.end.isoformat()}"


class IndicatorBreakdown(CheckedTextModel):
    """Part of a period's actual (and target) for one category, such as pupils aged 13–15."""

    period = models.ForeignKey(
        IndicatorPeriod,
        verbose_name=_("indicator period"),
        on_delete=models.CASCADE,
        related_name="breakdown",
    )
    dimension = models.CharField(_("dimension"), max_length=60, help_text=_("e.g. age group"))
    category = models.CharField(_("category"), max_length=100, help_text=_("e.g. 13–15"))
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual"), max_digits=16, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("breakdown of an indicator")
        verbose_name_plural = _("breakdowns of indicators")
        ordering = ["period", "dimension", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "dimension", "category"], name="indicatorbreakdown_unique"
            )
        ]

    def __str__(self):
        return f"{self.dimension}: {self.category}"


def _not_negative(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True}) | models.Q(**{f"{field}__gte": 0}),
        name=name,
    )


class Budget(OwnedModel):
    """A party's money and staff time for international cooperation in one year."""

    party = models.ForeignKey(
        "places.Place", verbose_name=_("party"), on_delete=models.CASCADE, related_name="budgets"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    total = models.DecimalField(
        _("total"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Left empty, it is computed from the rate and the population."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="DKK")
    rule = models.CharField(
        _("rule"), max_length=300, blank=True, help_text=_("e.g. 6 DKK per inhabitant")
    )
    rate_per_inhabitant = models.DecimalField(
        _("rate per inhabitant"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    staff_fte = models.DecimalField(
        _("staff time (full-time equivalents)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
    )
    spent_total = models.DecimalField(
        _("spent"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        ordering = ["party__name", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["party", "year"], name="budget_unique_party_year"),
            models.CheckConstraint(
                condition=models.Q(year__gte=1900, year__lte=2200), name="budget_year_range"
            ),
            _not_negative("total", "budget_total_not_negative"),
            _not_negative("rate_per_inhabitant", "budget_rate_not_negative"),
            _not_negative("staff_fte", "budget_fte_not_negative"),
            _not_negative("spent_total", "budget_spent_not_negative"),
        ]

    def __str__(self):
        return f"{self.party} {self.year}"

    def clean(self):
        errors = {}
        for field in ("total", "rate_per_inhabitant", "staff_fte", "spent_total"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("An amount cannot be negative.")
        if self.year is not None and not 1900 <= self.year <= 2200:
            errors["year"] = _("Give a year between 1900 and 2200.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("strategies:budget_detail", args=[self.pk])

    def computed_total(self) -> Decimal | None:
        """Return what the rule gives: the rate per inhabitant times the population."""
        if self.rate_per_inhabitant is None or self.population is None:
            return None
        return (self.rate_per_inhabitant * self.population).quantize(Decimal("0.01"))


class PartOfBudget:
    """Rules shared by the parts of a budget given as an amount, a share, or both."""

    def clean(self):
        errors = {}
        if self.amount is None and self.share is None:
            errors["amount"] = _("Give an amount, a share, or both.")
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _("An amount cannot be negative.")
        if self.share is not None and not 0 <= self.share <= 1:
            errors["share"] = _("A share lies between 0 and 1.")
        if errors:
            raise ValidationError(errors)

    def resolved_amount(self) -> Decimal | None:
        """Return the amount, or the share of the budget's total when only a share is known."""
        if self.amount is not None:
            return self.amount
        if self.share is not None and self.budget.total is not None:
            return (self.budget.total * self.share).quantize(Decimal("0.01"))
        return None


class BudgetAllocation(PartOfBudget, VersionedModel):
    """The part of a budget set aside for one partnership, as an amount or a share."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="allocations"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="budget_allocations",
    )
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    share = models.DecimalField(
        _("share"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("A fraction of the total, e.g. 0.5 for half."),
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("allocation to a partnership")
        verbose_name_plural = _("allocations to partnerships")
        ordering = ["budget", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "partnership"], name="budgetallocation_unique_partnership"
            ),
            _not_negative("amount", "budgetallocation_amount_not_negative"),
            models.CheckConstraint(
                condition=models.Q(share__isnull=True) | models.Q(share__gte=0, share__lte=1),
                name="budgetallocation_share_range",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=False) | models.Q(share__isnull=False),
                name="budgetallocation_amount_or_share",
            ),
        ]

    def __str__(self):
        return f"{self.budget}: {self.partnership}"


class BudgetCategory(models.TextChoices):
    SALARIES = "salaries", _("salaries")
    TRAVEL = "travel", _("travel")
    CONFERENCES = "conferences", _("conferences")
    MATERIAL = "material", _("material")
    OTHER = "other", _("other")


class BudgetLine(VersionedModel):
    """One line of a budget: what was planned and spent on one category."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="lines"
    )
    category = models.CharField(_("category"), max_length=20, choices=BudgetCategory.choices)
    description = models.CharField(_("description"), max_length=300, blank=True)
    planned = models.DecimalField(
        _("planned"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    spent = models.DecimalField(_("spent"), max_digits=14, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["budget", "category", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__in=BudgetCategory.values),
                name="budgetline_category_valid",
            ),
            _not_negative("planned", "budgetline_planned_not_negative"),
            _not_negative("spent", "budgetline_spent_not_negative"),
        ]

    def __str__(self):
        return f"{self.budget}: {self.get_category_display()}"

    def clean(self):
        errors = {}
        for field in ("planned", "spent"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("An amount cannot be negative.")
        if errors:
            raise ValidationError(errors)


class BudgetContribution(PartOfBudget, VersionedModel):
    """A member's share of a group's budget, when the members of a group pay together."""

    budget = models.ForeignKey(
        Budget, verbose_name=_("budget"), on_delete=models.CASCADE, related_name="contributions"
    )
    member = models.ForeignKey(
        "places.Place",
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="budget_contributions",
    )
    share = models.DecimalField(
        _("share"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("A fraction of the total, e.g. 0.4 for 40 %."),
    )
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("contribution of a member")
        verbose_name_plural = _("contributions of members")
        ordering = ["budget", "member__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "member"], name="budgetcontribution_unique_member"
            ),
            models.CheckConstraint(
                condition=models.Q(share__isnull=True) | models.Q(share__gte=0, share__lte=1),
                name="budgetcontribution_share_range",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=False) | models.Q(share__isnull=False),
                name="budgetcontribution_amount_or_share",
            ),
            _not_negative("amount", "budgetcontribution_amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.budget}: {self.member}"


class CostEntry(VersionedModel, TimeStampedModel):
    """Money actually spent on a partnership: a day, an amount, what it paid for."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="costs",
    )
    party = models.ForeignKey(
        "places.Place",
        verbose_name=_("paid by"),
        on_delete=models.CASCADE,
        related_name="costs_paid",
    )
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="DKK")
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=BudgetCategory.choices,
        default=BudgetCategory.OTHER,
    )
    description = models.CharField(_("what"), max_length=300)
    receipt = models.ForeignKey(
        "sources.Source",
        verbose_name=_("receipt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="costs",
    )

    class Meta:
        verbose_name = _("cost")
        verbose_name_plural = _("costs")
        ordering = ["partnership", "date", "pk"]
        constraints = [
            _not_negative("amount", "costentry_amount_not_negative"),
            models.CheckConstraint(
                condition=models.Q(category__in=BudgetCategory.values),
                name="costentry_category_valid",
            ),
        ]

    def __str__(self):
        return f"{self.date}: {self.description} ({self.amount} {self.currency})"

    def clean(self):
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": _("An amount cannot be negative.")})


class StaffTime(VersionedModel):
    """Time a person, or people in a role, gave to a partnership in a year."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="staff_time",
    )
    party = models.ForeignKey(
        "places.Place",
        verbose_name=_("party"),
        on_delete=models.CASCADE,
        related_name="staff_time",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_time",
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    fte = models.DecimalField(
        _("full-time equivalents"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    hours = models.DecimalField(_("hours"), max_digits=8, decimal_places=1, null=True, blank=True)
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("staff time")
        verbose_name_plural = _("staff time")
        ordering = ["partnership", "year", "role", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | ~models.Q(role=""),
                name="stafftime_person_or_role",
            ),
            models.CheckConstraint(
                condition=models.Q(fte__isnull=False) | models.Q(hours__isnull=False),
                name="stafftime_fte_or_hours",
            ),
            _not_negative("fte", "stafftime_fte_not_negative"),
            _not_negative("hours", "stafftime_hours_not_negative"),
            models.CheckConstraint(
                condition=models.Q(year__gte=1900, year__lte=2200), name="stafftime_year_range"
            ),
        ]

    def __str__(self):
        who = self.person.name if self.person_id else self.role
        return f"{who} {self.year}"

    def clean(self):
        errors = {}
        if not self.person_id and not self.role:
            errors["role"] = _("Name a person or a role.")
        if self.fte is None and self.hours is None:
            errors["fte"] = _("Give full-time equivalents, hours, or both.")
        for field in ("fte", "hours"):
            value = getattr(self, field)
            if value is not None and value < 0:
                errors[field] = _("An amount cannot be negative.")
        if errors:
            raise ValidationError(errors)


class ExchangeRate(VersionedModel):
    """What one unit of a currency was worth in the base currency in a year."""

    year = models.PositiveSmallIntegerField(_("year"))
    currency = models.CharField(_("currency"), max_length=3)
    base = models.CharField(_("base currency"), max_length=3, default="DKK")
    rate = models.DecimalField(_("rate"), max_digits=14, decimal_places=6)
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("e.g. the central bank's yearly average"),
    )

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["-year", "currency"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "currency", "base"], name="exchangerate_unique"
            ),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="exchangerate_positive"),
        ]

    def __str__(self):
        return f"{self.year}: 1 {self.currency} = {self.rate} {self.base}"
