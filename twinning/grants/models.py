from decimal import Decimal

from babel.languages import get_official_languages
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.models import OwnedModel, VersionedModel
from twinning.grants.calls import call as find_call


class GrantStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    SUBMITTED = "submitted", _("submitted")
    AWARDED = "awarded", _("awarded")
    REJECTED = "rejected", _("rejected")
    REPORTED = "reported", _("reported")


class Grant(OwnedModel):
    """A grant applied for or awarded under a call, such as an EU town-twinning lump sum.

    The call's rules (participants, lump-sum range, duration, countries) are data
    (``calls.py``); the grant names its call by code.
    """

    call = models.CharField(
        _("call"),
        max_length=60,
        help_text=_("The call's code, such as CERV-2024-CITIZENS-TOWN-TT."),
    )
    reference = models.CharField(
        _("reference"), max_length=60, blank=True, help_text=_("The project or grant number.")
    )
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=10, choices=GrantStatus.choices, default=GrantStatus.PLANNED
    )
    lump_sum = models.DecimalField(
        _("lump sum"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("In the call's currency."),
    )
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grants",
    )
    visits = models.ManyToManyField(
        "visits.Visit", verbose_name=_("visits"), blank=True, related_name="grants"
    )
    activities = models.ManyToManyField(
        "activities.Activity", verbose_name=_("activities"), blank=True, related_name="grants"
    )
    results = models.TextField(
        _("results"), blank=True, help_text=_("What the project achieved, for the final report.")
    )

    history = HistoricalRecords(m2m_fields=[visits, activities])

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-start", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="grant_end_not_before_start"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=GrantStatus.values), name="grant_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(lump_sum__isnull=True) | models.Q(lump_sum__gte=0),
                name="grant_lump_sum_not_negative",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.call and find_call(self.call) is None:
            errors["call"] = _("No call %(code)s is known; add its figures first.") % {
                "code": self.call
            }
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("A grant cannot end before it begins.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("grants:detail", args=[self.pk])

    @property
    def call_rules(self):
        return find_call(self.call)


class TownRole(models.TextChoices):
    APPLICANT = "applicant", _("applicant (hosts)")
    PARTNER = "partner", _("invited partner")


class GrantTown(VersionedModel):
    """A town of a grant with the legal representative who certifies its participants."""

    grant = models.ForeignKey(
        Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="towns"
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("town"),
        on_delete=models.PROTECT,
        related_name="grant_towns",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=TownRole.choices, default=TownRole.PARTNER
    )
    representative = models.CharField(
        _("legal representative"), max_length=200, blank=True, help_text=_("Who signs for it.")
    )
    representative_title = models.CharField(
        _("title of the representative"), max_length=200, blank=True
    )
    language = models.CharField(
        _("language of its documents"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Empty: the official language of its country where twinning has it."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("grant town")
        verbose_name_plural = _("grant towns")
        ordering = ["grant", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["grant", "place"], name="granttown_unique_place"),
            models.UniqueConstraint(
                fields=["grant"],
                condition=models.Q(role="applicant"),
                name="granttown_one_applicant",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=TownRole.values), name="granttown_role_valid"
            ),
        ]

    def __str__(self):
        return self.place.name

    def clean(self):
        if self.role == TownRole.APPLICANT and self.grant_id:
            others = GrantTown.objects.filter(grant_id=self.grant_id, role=TownRole.APPLICANT)
            if others.exclude(pk=self.pk).exists():
                raise ValidationError({"role": _("The grant already has an applicant town.")})

    def document_language(self) -> str:
        """Return the language of the town's certification: its own where we have it."""
        if self.language:
            return self.language
        ours = {code for code, _name in settings.LANGUAGES}
        country = self.place.country.code if self.place.country else ""
        for language in get_official_languages(country) if country else ():
            if language in ours:
                return language
        return "en"
