from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Left
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.fields import PartialDateField
from twinning.core.models import OwnedModel, VersionedModel


class ProjectStatus(models.TextChoices):
    IDEA = "idea", _("idea")
    NEGOTIATING = "negotiating", _("negotiating")
    CONTRACTED = "contracted", _("contracted")
    IN_PROGRESS = "in_progress", _("in progress")
    ON_HOLD = "on_hold", _("on hold")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


class Project(OwnedModel):
    """A business or public project that a partnership opened the door for."""

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        verbose_name=_("partnerships"),
        blank=True,
        related_name="projects",
    )
    value_min = models.DecimalField(
        _("lowest estimated value"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    value_max = models.DecimalField(
        _("highest estimated value"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="DKK",
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Write a three-letter ISO 4217 code."))],
        help_text=_("ISO 4217 code, such as DKK, EUR or CNY."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.IDEA
    )
    outcome = models.TextField(_("outcome"), blank=True)
    evidence = GenericRelation("sources.Evidence", related_query_name="project")

    history = HistoricalRecords(m2m_fields=[partnerships])

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value_min__isnull=True)
                | models.Q(value_max__isnull=True)
                | models.Q(value_max__gte=models.F("value_min")),
                name="project_value_max_not_below_min",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=ProjectStatus.values), name="project_status_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        known = self.value_min is not None and self.value_max is not None
        if known and self.value_max < self.value_min:
            raise ValidationError({"value_max": _("The highest value cannot be below the lowest.")})

    def get_absolute_url(self):
        return reverse("projects:detail", args=[self.pk])


class ProjectPartyRole(models.TextChoices):
    LEAD = "lead", _("lead")
    PARTNER = "partner", _("partner")
    CLIENT = "client", _("client")
    FUNDER = "funder", _("funder")


class ProjectParty(VersionedModel):
    """An organisation or place that takes part in a project, in a role."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="parties"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="project_parts",
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="project_parts",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=ProjectPartyRole.choices, default=ProjectPartyRole.PARTNER
    )

    class Meta:
        verbose_name = _("project party")
        verbose_name_plural = _("project parties")
        ordering = ["project", "role", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False, place__isnull=True)
                | models.Q(organisation__isnull=True, place__isnull=False),
                name="projectparty_organisation_or_place",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=ProjectPartyRole.values),
                name="projectparty_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.member} ({self.get_role_display()})"

    @property
    def member(self):
        return self.organisation or self.place

    def clean(self):
        if (self.organisation_id is None) == (self.place_id is None):
            raise ValidationError(
                {"organisation": _("Name either an organisation or a place, not both.")}
            )


class PhaseStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    CONTRACTED = "contracted", _("contracted")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    ON_HOLD = "on_hold", _("on hold")


class ProjectPhase(VersionedModel):
    """A numbered stage of a project, contracted and carried out on its own."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="phases"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    start = PartialDateField(_("start"), null=True, blank=True)
    end = PartialDateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PhaseStatus.choices, default=PhaseStatus.PLANNED
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("project phase")
        verbose_name_plural = _("project phases")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"], name="projectphase_unique_number"
            ),
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=Left("start", 4)),
                name="projectphase_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=PhaseStatus.values), name="projectphase_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}" if self.title else str(self.number)

    def clean(self):
        if self.start and self.end and self.end.last_day() < self.start.first_day():
            raise ValidationError({"end": _("A phase cannot end before it begins.")})
