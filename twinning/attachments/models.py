"""Files kept on a record: signed agreements, minutes, photos, brochures, receipts."""

from __future__ import annotations

import uuid

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.fields import PartialDateField
from twinning.core.models import PublicFlagField, TimeStampedModel, VersionedModel


class RecordKind(models.TextChoices):
    """The kinds of record that can hold attachments."""

    PARTNERSHIP = "partnership", _("partnership")
    AGREEMENT = "agreement", _("agreement")
    VISIT = "visit", _("visit")
    GIFT = "gift", _("gift")
    ACTIVITY = "activity", _("activity")
    PROJECT = "project", _("project")
    REPORT = "report", _("evaluation report")
    COST = "cost", _("cost")


# The model of each kind, and the path from it to the record whose organisation and
# visibility its attachments share ("" for a record that has its own). Named by label,
# so that this app does not import the apps whose records it holds files for.
RECORD_MODELS: dict[str, tuple[str, str]] = {
    RecordKind.PARTNERSHIP: ("partnerships.Partnership", ""),
    RecordKind.AGREEMENT: ("partnerships.Agreement", "partnership"),
    RecordKind.VISIT: ("visits.Visit", ""),
    RecordKind.GIFT: ("visits.Gift", "visit"),
    RecordKind.ACTIVITY: ("activities.Activity", ""),
    RecordKind.PROJECT: ("projects.Project", ""),
    RecordKind.REPORT: ("reports.EvaluationReport", ""),
    RecordKind.COST: ("strategies.CostEntry", "partnership"),
}


def record_model(kind: str) -> type[models.Model]:
    """Return the model of a kind of record."""
    return apps.get_model(RECORD_MODELS[kind][0])


def kind_of(record: models.Model) -> str | None:
    """Return the kind of a record that can hold attachments, or None."""
    label = record._meta.concrete_model._meta.label
    return next((kind for kind, (model, _path) in RECORD_MODELS.items() if model == label), None)


def owning_record(kind: str, record: models.Model) -> models.Model:
    """Return the record whose organisation and visibility the record's files share."""
    path = RECORD_MODELS[kind][1]
    for name in filter(None, path.split("__")):
        record = getattr(record, name)
    return record


def _stored_name(instance: Attachment, filename: str) -> str:
    # The uploader's file name stays in file_name; the stored name reveals nothing and
    # cannot collide.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"attachments/{uuid.uuid4().hex}.{suffix[:10]}"


class Attachment(VersionedModel, TimeStampedModel):
    """A file kept on a record, with what it is, its language and date, and who sees it.

    It belongs to the organisation of the record it is kept on and is private unless
    marked public; visitors who may not see the record never see its files.
    """

    record_kind = models.CharField(_("kind of record"), max_length=20, choices=RecordKind.choices)
    record_id = models.PositiveBigIntegerField(_("record"))
    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The organisation of the record the file is kept on."),
    )
    is_public = PublicFlagField(
        _("public"), default=False, help_text=_("Shown to visitors who may see the record.")
    )
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(
        _("language"), max_length=10, blank=True, help_text=_("e.g. da, en, zh")
    )
    date = PartialDateField(_("date"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=_stored_name, max_length=300)
    file_name = models.CharField(_("file name"), max_length=255)
    media_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, editable=False)
    text = models.TextField(_("text"), blank=True, help_text=_("The text read from the file."))
    thumbnail = models.FileField(_("thumbnail"), max_length=300, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["record_kind", "record_id", "-date", "title", "pk"]
        indexes = [models.Index(fields=["record_kind", "record_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(record_kind__in=RecordKind.values),
                name="attachment_record_kind_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(title=""), name="attachment_title_not_empty"
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.record_kind and self.record_kind not in RecordKind.values:
            raise ValidationError(
                {"record_kind": _("Files cannot be kept on this kind of record.")}
            )
        if not self.title.strip():
            raise ValidationError({"title": _("Give the file a title.")})

    def get_absolute_url(self):
        return reverse("attachments:detail", args=[self.pk])

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")
