from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Left
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.fields import PartialDateField
from twinning.core.models import OwnedModel, TimeStampedModel, VersionedModel


class Person(OwnedModel):
    """A named person who holds posts, signs agreements or takes part in activities."""

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:detail", args=[self.pk])


class Post(VersionedModel, TimeStampedModel):
    """A role a person holds at an organisation or for a place, for a period."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="posts"
    )
    role = models.CharField(_("role"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
    )
    start = PartialDateField(_("from"), null=True, blank=True)
    end = PartialDateField(_("to"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["person__name", "-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=Left("start", 4)),
                name="post_end_not_before_start",
            )
        ]

    def __str__(self):
        where = self.organisation or self.place
        return f"{self.person}, {self.role}" + (f", {where}" if where else "")

    def clean(self):
        if self.start and self.end and self.end.last_day() < self.start.first_day():
            raise ValidationError({"end": _("A post cannot end before it starts.")})
