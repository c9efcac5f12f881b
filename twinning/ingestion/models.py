from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.models import TimeStampedModel
from twinning.extraction.facts import Fact
from twinning.ingestion.facts import fact_field_names, fact_from, field_label, field_text


class SuggestionKind(models.TextChoices):
    PARTNERSHIP = "partnership", _("partnership")
    EVENT = "event", _("event")
    PERSON = "person", _("person")
    AMOUNT = "amount", _("amount")
    INSTITUTION_PAIR = "institution_pair", _("institution pair")


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    ACCEPTED = "accepted", _("accepted")
    EDITED = "edited", _("accepted with changes")
    REJECTED = "rejected", _("rejected")


class Suggestion(TimeStampedModel):
    """A fact read from a source by the extraction engine, waiting for a person's review.

    Accepting it links or creates the registry record it describes (``record``) and
    records the quoted passage as evidence for that record.
    """

    source = models.ForeignKey(
        "sources.Source",
        verbose_name=_("source"),
        on_delete=models.CASCADE,
        related_name="suggestions",
    )
    kind = models.CharField(_("kind of fact"), max_length=20, choices=SuggestionKind.choices)
    fields = models.JSONField(_("fields"), default=dict, blank=True)
    extracted = models.JSONField(
        _("fields as extracted"),
        default=dict,
        blank=True,
        help_text=_("What the engine read, kept when a reviewer changes the fields."),
    )
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    quote = models.TextField(_("quoted passage"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.PENDING,
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_suggestions",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["source", "start", "pk"]
        indexes = [
            models.Index(fields=["source", "status"]),
            models.Index(fields=["content_type", "object_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="suggestion_offsets_ordered",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=SuggestionStatus.values),
                name="suggestion_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=SuggestionKind.values),
                name="suggestion_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(content_type__isnull=True, object_id__isnull=True)
                | models.Q(content_type__isnull=False, object_id__isnull=False),
                name="suggestion_record_complete",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="pending") | models.Q(object_id__isnull=True),
                name="suggestion_pending_has_no_record",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.quote[:60]}"

    def get_absolute_url(self):
        return reverse("ingestion:review", args=[self.source_id]) + f"#suggestion-{self.pk}"

    def clean(self):
        errors = {}
        if self.start is not None and self.end is not None and self.end < self.start:
            errors["end"] = _("The passage cannot end before it starts.")
        text = self.source.text if self.source_id else ""
        if text and self.start is not None and text[self.start : self.end] != self.quote:
            errors["quote"] = _("The quoted passage does not match the source text.")
        if (self.content_type_id is None) != (self.object_id is None):
            errors["object_id"] = _("Name both the kind and the id of the record, or neither.")
        if self.status == SuggestionStatus.PENDING and self.object_id is not None:
            errors["status"] = _("A pending suggestion cannot be linked to a record yet.")
        if errors:
            raise ValidationError(errors)

    @property
    def fact(self) -> Fact:
        """Return the suggestion as the engine's typed fact, with the current fields.

        Fields the engine does not know (from an older engine) are left out; fields it
        gained since keep their defaults.
        """
        return fact_from(self.kind, self.fields, start=self.start, end=self.end, quote=self.quote)

    def display_fields(self) -> list[tuple[str, str]]:
        """Return the fact's filled-in fields as (label, text) pairs for a page."""
        shown = []
        for name in fact_field_names(self.kind):
            value = (self.fields or {}).get(name)
            if value not in (None, "", []):
                shown.append((field_label(name), field_text(self.kind, name, value)))
        return shown

    @property
    def is_pending(self) -> bool:
        return self.status == SuggestionStatus.PENDING

    @property
    def is_accepted(self) -> bool:
        return self.status in (SuggestionStatus.ACCEPTED, SuggestionStatus.EDITED)


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class IngestionJob(models.Model):
    """A batch of uploaded documents read in the background into sources and suggestions."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ingestion_jobs",
    )
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ingestion_jobs",
        help_text=_("The organisation the new sources belong to."),
    )
    is_public = models.BooleanField(_("public"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    file_count = models.PositiveIntegerField(_("files"), default=0)
    processed_count = models.PositiveIntegerField(_("files processed"), default=0)
    errors = models.TextField(_("errors"), blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("ingestion job")
        verbose_name_plural = _("ingestion jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=JobStatus.values), name="ingestionjob_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(processed_count__lte=models.F("file_count")),
                name="ingestionjob_processed_within_files",
            ),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("ingestion:job", args=[self.pk])

    def clean(self):
        if self.processed_count > self.file_count:
            raise ValidationError(
                {"processed_count": _("More files processed than were uploaded.")}
            )

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)


class IngestionFile(models.Model):
    """One uploaded file of a job, kept in the database so that any worker can read it."""

    job = models.ForeignKey(
        IngestionJob, verbose_name=_("job"), on_delete=models.CASCADE, related_name="files"
    )
    file_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    # Emptied once the file is read; the source keeps its text.
    data = models.BinaryField(_("content"), blank=True)
    source = models.ForeignKey(
        "sources.Source",
        verbose_name=_("source"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")
        ordering = ["job", "pk"]

    def __str__(self):
        return self.file_name
