from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Left
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.fields import PartialDateField
from twinning.core.models import OwnedModel


class ActivityArea(models.TextChoices):
    """The columns of a coordinator's monthly overview, in the order they are written."""

    OVERALL = "overall", _("overall project")
    BUSINESS = "business", _("business")
    EDUCATION = "education", _("education")
    SCHOOL = "school", _("school")
    CULTURE_SPORT = "culture_sport", _("culture and sport")
    HEALTH = "health", _("health and care")
    ENVIRONMENT = "environment", _("environment and climate")
    OTHER = "other", _("other")


class ActivityKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    DELEGATION_VISIT = "delegation_visit", _("delegation visit")
    EXCHANGE = "exchange", _("exchange")
    CONFERENCE = "conference", _("conference")
    SIGNING = "signing", _("signing")
    RECEPTION = "reception", _("reception")
    STUDY_STAY = "study_stay", _("study stay")
    OTHER = "other", _("other")


class Activity(OwnedModel):
    """A dated happening within one or more partnerships: a meeting, visit or exchange."""

    start = PartialDateField(_("start"))
    end = PartialDateField(_("end"), null=True, blank=True)
    area = models.CharField(
        _("area"), max_length=20, choices=ActivityArea.choices, default=ActivityArea.OVERALL
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ActivityKind.choices, default=ActivityKind.MEETING
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    partnerships = models.ManyToManyField(
        "partnerships.Partnership",
        verbose_name=_("partnerships"),
        blank=True,
        related_name="activities",
    )
    people = models.ManyToManyField(
        "people.Person", verbose_name=_("people"), blank=True, related_name="activities"
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="activities",
    )
    evidence = GenericRelation("sources.Evidence", related_query_name="activity")

    history = HistoricalRecords(m2m_fields=[partnerships])

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["start", "title"]
        indexes = [models.Index(fields=["start"]), models.Index(fields=["area", "kind"])]
        constraints = [
            # The year is compared in the database; clean() compares the whole dates.
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=Left("start", 4)),
                name="activity_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=models.Q(area__in=ActivityArea.values), name="activity_area_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=ActivityKind.values), name="activity_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.start}: {self.title}"

    def clean(self):
        if self.start and self.end and self.end.last_day() < self.start.first_day():
            raise ValidationError({"end": _("An activity cannot end before it begins.")})

    def get_absolute_url(self):
        return reverse("activities:detail", args=[self.pk])

    def when(self, language: str | None = None) -> str:
        """Return the date or range as a reader would write it."""
        if self.end and self.end != self.start:
            return f"{self.start.format(language)} – {self.end.format(language)}"
        return self.start.format(language)


class ActivityHeadcount(models.Model):
    """How many people of one group took part, as a report states it ("11 Chinese players")."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="headcounts",
    )
    count = models.PositiveIntegerField(_("count"))
    group = models.CharField(_("group"), max_length=200)

    class Meta:
        verbose_name = _("head count")
        verbose_name_plural = _("head counts")
        ordering = ["activity", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(count__gte=1), name="headcount_positive")
        ]

    def __str__(self):
        return f"{self.count} {self.group}"

    def clean(self):
        if self.count is not None and self.count < 1:
            raise ValidationError({"count": _("A head count is at least one.")})
