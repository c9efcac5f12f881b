from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.fields import PartialDateField
from twinning.core.models import OwnedModel


class SourceKind(models.TextChoices):
    WEB_PAGE = "web_page", _("web page")
    NEWS = "news", _("news item")
    REPORT = "report", _("report")
    AGREEMENT = "agreement", _("agreement text")
    COUNCIL_PAPER = "council_paper", _("council paper")
    DATASET = "dataset", _("dataset")
    OTHER = "other", _("other")


class Source(OwnedModel):
    """A document or web page that states facts held in the registry."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=SourceKind.choices, default=SourceKind.WEB_PAGE
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    published = PartialDateField(_("date"), null=True, blank=True)
    publisher = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("publisher"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="published_sources",
    )
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    content_hash = models.CharField(
        _("content hash"), max_length=64, blank=True, help_text=_("SHA-256 of the file.")
    )
    text = models.TextField(_("text"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-published", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~models.Q(content_hash=""),
                name="source_unique_content_hash",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sources:detail", args=[self.pk])


class Evidence(models.Model):
    """A passage of a source that supports one fact in the registry."""

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="evidence"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    fact = GenericForeignKey("content_type", "object_id")
    quote = models.TextField(_("quoted passage"), blank=True)
    start = models.PositiveIntegerField(_("start offset"), null=True, blank=True)
    end = models.PositiveIntegerField(_("end offset"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["source__title", "start"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__isnull=True, end__isnull=True)
                | models.Q(start__isnull=False, end__isnull=False, end__gte=models.F("start")),
                name="evidence_offsets_ordered",
            )
        ]

    def __str__(self):
        return f"{self.source}: {self.quote[:60]}"

    def clean(self):
        if (self.start is None) != (self.end is None):
            raise ValidationError(_("Give both offsets, or neither."))
        if self.start is not None and self.end < self.start:
            raise ValidationError({"end": _("The passage cannot end before it starts.")})
        text = self.source.text if self.source_id else ""
        if text and self.start is not None and text[self.start : self.end] != self.quote:
            raise ValidationError(_("The quoted passage does not match the source text."))
