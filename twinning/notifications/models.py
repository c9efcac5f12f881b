import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twinning.core.changes import ChangeAction


class Notification(models.Model):
    """Something due that a responsible user is told about in the app until it is read."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=30)
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("address"), max_length=300)
    due = models.DateField(_("due"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A daily run tells each user of each thing once.
            models.UniqueConstraint(
                fields=["user", "kind", "url", "due"],
                name="notification_once",
                nulls_distinct=False,
            )
        ]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.title


class WebhookKind(models.TextChoices):
    """The kinds of record whose changes a webhook can be told of (by model name)."""

    PARTNERSHIP = "partnership", _("partnerships")
    AGREEMENT = "agreement", _("agreements")
    ACTIVITY = "activity", _("activities")
    VISIT = "visit", _("visits")
    PROJECT = "project", _("projects")
    ATTACHMENT = "attachment", _("attachments")


def _new_secret() -> str:
    return secrets.token_hex(32)


class WebhookEndpoint(models.Model):
    """An address an organisation's systems listen on, told of changes of chosen records.

    Every delivery is signed with the endpoint's secret, so the receiver can tell that it
    comes from this site and was not replayed.
    """

    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="webhooks",
        help_text=_("Changes of this organisation's records are sent."),
    )
    url = models.URLField(_("address"), max_length=500)
    secret = models.CharField(_("secret"), max_length=64, default=_new_secret)
    kinds = models.JSONField(_("kinds of record"), default=list)
    actions = models.JSONField(_("changes"), default=list)
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["owner", "url", "pk"]

    def __str__(self):
        return self.url

    def get_absolute_url(self):
        return reverse("notifications:webhook", args=[self.pk])

    def clean(self):
        errors = {}
        if not self.kinds or set(self.kinds) - set(WebhookKind.values):
            errors["kinds"] = _("Choose one or more kinds of record.")
        if not self.actions or set(self.actions) - set(ChangeAction.values):
            errors["actions"] = _("Choose one or more of created, updated and deleted.")
        if self.url and not self.url.startswith(("https://", "http://")):
            errors["url"] = _("The address must start with https:// or http://.")
        if errors:
            raise ValidationError(errors)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("given up")


class WebhookDelivery(models.Model):
    """One change sent to one endpoint: the body as sent, and where its sending stands."""

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("webhook"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("event"), max_length=50)
    body = models.TextField(_("body"))
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=DeliveryStatus.values),
                name="webhookdelivery_status_valid",
            )
        ]

    def __str__(self):
        return f"{self.event} → {self.endpoint}"


class WebhookAttempt(models.Model):
    """One try to send a delivery: when, the answer's status code, how long it took."""

    delivery = models.ForeignKey(
        WebhookDelivery,
        verbose_name=_("delivery"),
        on_delete=models.CASCADE,
        related_name="attempts",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    at = models.DateTimeField(_("time"))
    response_code = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"))
    ok = models.BooleanField(_("delivered"))
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["delivery", "number"]
        constraints = [
            models.UniqueConstraint(fields=["delivery", "number"], name="webhookattempt_once")
        ]

    def __str__(self):
        return f"{self.delivery} #{self.number}"
