from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.models import OwnedModel


class OrganisationKind(models.TextChoices):
    MUNICIPAL_DEPARTMENT = "municipal_department", _("municipal department")
    MUNICIPALITY = "municipality", _("municipal or regional government")
    COMPANY = "company", _("company")
    SCHOOL = "school", _("school")
    UNIVERSITY = "university", _("university")
    AGENCY = "agency", _("public agency")
    NETWORK = "network", _("network")
    EMBASSY = "embassy", _("embassy")
    NGO = "ngo", _("association or NGO")
    OTHER = "other", _("other")


class Organisation(OwnedModel):
    """A body that people work for: a department, company, school, agency or network."""

    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    name = models.CharField(_("name"), max_length=200)
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
    )
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="organisation_not_own_parent"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        ancestor, seen = self.parent, set()
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None or ancestor.pk in seen:
                raise ValidationError({"parent": _("An organisation cannot be part of itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def get_absolute_url(self):
        return reverse("organisations:detail", args=[self.pk])
