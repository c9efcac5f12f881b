from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.models import OwnedModel


class ReportLanguage(models.TextChoices):
    DANISH = "da", _("Danish")
    ENGLISH = "en", _("English")


class EvaluationReport(OwnedModel):
    """A party's evaluation of a partnership over a period of years.

    Only what people write (summary and recommendation) is stored; every other section
    is generated from the registry when the report is shown or exported.
    """

    party = models.ForeignKey(
        "places.Place",
        verbose_name=_("party"),
        on_delete=models.CASCADE,
        related_name="evaluation_reports",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="evaluation_reports",
    )
    from_year = models.PositiveSmallIntegerField(_("from year"))
    to_year = models.PositiveSmallIntegerField(_("to year"))
    language = models.CharField(
        _("language"), max_length=2, choices=ReportLanguage.choices, default=ReportLanguage.DANISH
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    highlights = models.ManyToManyField(
        "activities.Activity",
        verbose_name=_("highlights"),
        blank=True,
        related_name="highlighted_in_reports",
        help_text=_("Activities to name under their area in the results."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluation_reports",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluation report")
        verbose_name_plural = _("evaluation reports")
        ordering = ["-to_year", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_year__gte=models.F("from_year")),
                name="evaluationreport_years_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(from_year__gte=1900, to_year__lte=2200),
                name="evaluationreport_years_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=ReportLanguage.values),
                name="evaluationreport_language_valid",
            ),
        ]

    def __str__(self):
        return self.title or f"{self.partnership} {self.from_year}–{self.to_year}"

    def clean(self):
        errors = {}
        if self.from_year and self.to_year and self.to_year < self.from_year:
            errors["to_year"] = _("The period cannot end before it begins.")
        for field in ("from_year", "to_year"):
            value = getattr(self, field)
            if value is not None and not 1900 <= value <= 2200:
                errors[field] = _("Give a year between 1900 and 2200.")
        if (
            self.party_id
            and self.partnership_id
            and self.party_id not in (self.partnership.party_a_id, self.partnership.party_b_id)
        ):
            errors["party"] = _("The party must be one of the partnership's two parties.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("reports:detail", args=[self.pk])

    def partner(self):
        """Return the partnership's other party."""
        p = self.partnership
        return p.party_b if p.party_a_id == self.party_id else p.party_a

    def years(self) -> list[int]:
        return list(range(self.from_year, self.to_year + 1))


class FileStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("being made")
    DONE = "done", _("ready")
    FAILED = "failed", _("failed")


class ReportFile(models.Model):
    """A PDF or Word file of a report, made by a background worker and kept for download.

    The file lives in the database, so that every web machine and worker sees it.
    """

    report = models.ForeignKey(
        EvaluationReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="files"
    )
    fmt = models.CharField(_("format"), max_length=4, choices=[("pdf", "PDF"), ("docx", "Word")])
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="report_files",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=FileStatus.choices, default=FileStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress in per cent"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    content = models.BinaryField(_("file"), null=True, blank=True, editable=False)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=FileStatus.values), name="reportfile_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(fmt__in=["pdf", "docx"]), name="reportfile_fmt_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="reportfile_progress_range"
            ),
        ]

    def __str__(self):
        return f"{self.report} ({self.fmt})"

    def get_absolute_url(self):
        return reverse("reports:file", args=[self.pk])

    @property
    def is_finished(self) -> bool:
        return self.status in (FileStatus.DONE, FileStatus.FAILED)
