from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Left
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.fields import PartialDateField
from twinning.core.models import OwnedModel, TimeStampedModel


class PartnershipKind(models.TextChoices):
    SISTER_CITY = "sister_city", _("sister city")
    FRIENDSHIP_CITY = "friendship_city", _("friendship city")
    COOPERATION_AGREEMENT = "cooperation_agreement", _("cooperation agreement")
    STRATEGIC_SECTOR_COOPERATION = (
        "strategic_sector_cooperation",
        _("strategic sector cooperation"),
    )
    STRATEGIC_PARTNERSHIP = "strategic_partnership", _("strategic partnership")
    MEMORANDUM = "memorandum", _("memorandum of understanding")
    LETTER_OF_INTENT = "letter_of_intent", _("letter of intent")
    NETWORK = "network", _("network")
    OTHER = "other", _("other")


class PartnershipStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACTIVE = "active", _("active")
    DORMANT = "dormant", _("dormant")
    SUSPENDED = "suspended", _("suspended")
    TERMINATED = "terminated", _("terminated")


def _end_not_before_start(start: str, end: str, name: str) -> models.CheckConstraint:
    # Compared on the year in the database; clean() compares whole partial dates.
    return models.CheckConstraint(
        condition=models.Q(**{f"{start}__isnull": True})
        | models.Q(**{f"{end}__isnull": True})
        | models.Q(**{f"{end}__gte": Left(start, 4)}),
        name=name,
    )


class Partnership(OwnedModel):
    """A standing tie between two parties, such as a sister-city relationship."""

    party_a = models.ForeignKey(
        "places.Place",
        verbose_name=_("party"),
        on_delete=models.PROTECT,
        related_name="partnerships_as_a",
    )
    party_b = models.ForeignKey(
        "places.Place",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="partnerships_as_b",
    )
    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=PartnershipKind.choices,
        default=PartnershipKind.SISTER_CITY,
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=PartnershipStatus.choices,
        default=PartnershipStatus.ACTIVE,
    )
    since = PartialDateField(_("since"), null=True, blank=True)
    until = PartialDateField(_("until"), null=True, blank=True)
    termination_reason = models.TextField(_("reason for ending"), blank=True)
    focus_areas = models.ManyToManyField(
        "focusareas.FocusArea",
        verbose_name=_("focus areas"),
        blank=True,
        related_name="partnerships",
    )
    people = models.ManyToManyField(
        "people.Person",
        verbose_name=_("people"),
        through="PartnershipPerson",
        blank=True,
        related_name="partnerships",
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords(m2m_fields=[focus_areas])

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["party_a__name", "party_b__name"]
        indexes = [
            models.Index(fields=["kind", "status"]),
            models.Index(fields=["since"]),
            # The list's cached order is keyed on the latest change, read on every page.
            models.Index(fields=["updated_at"]),
            # The dashboard counts public partnerships by status from this index alone.
            models.Index(fields=["is_public", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(party_a=models.F("party_b")),
                name="partnership_two_different_parties",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=PartnershipKind.values),
                name="partnership_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=PartnershipStatus.values),
                name="partnership_status_valid",
            ),
            _end_not_before_start("since", "until", "partnership_until_not_before_since"),
        ]

    def __str__(self):
        return f"{self.party_a} – {self.party_b}"

    def clean(self):
        errors = {}
        if self.party_a_id and self.party_a_id == self.party_b_id:
            errors["party_b"] = _("A partnership needs two different parties.")
        if self.since and self.until and self.until.last_day() < self.since.first_day():
            errors["until"] = _("A partnership cannot end before it begins.")
        if self.status != PartnershipStatus.TERMINATED and self.termination_reason:
            errors["termination_reason"] = _("Only a terminated partnership has a reason.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("partnerships:detail", args=[self.pk])

    def parties(self):
        return (self.party_a, self.party_b)


class PartnershipPerson(models.Model):
    """A person's part in a partnership: contact, coordinator, political lead."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="person_links"
    )
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, related_name="partnership_links"
    )
    role = models.CharField(_("role in the partnership"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("person in a partnership")
        verbose_name_plural = _("people in partnerships")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "person", "role"], name="partnershipperson_unique"
            )
        ]

    def __str__(self):
        return f"{self.person} ({self.role})" if self.role else str(self.person)


class AgreementKind(models.TextChoices):
    FOUNDING = "founding", _("founding agreement")
    RENEWAL = "renewal", _("renewal")
    AMENDMENT = "amendment", _("amendment")
    MEMORANDUM = "memorandum", _("memorandum of understanding")
    LETTER_OF_INTENT = "letter_of_intent", _("letter of intent")
    CONTRACT = "contract", _("contract")
    TERMINATION = "termination", _("termination")


class Agreement(TimeStampedModel):
    """A signed document within a partnership; renewals form a chain."""

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="agreements",
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=AgreementKind.choices, default=AgreementKind.FOUNDING
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    signed = PartialDateField(_("signed"), null=True, blank=True)
    place_of_signing = models.CharField(_("place of signing"), max_length=200, blank=True)
    signatories = models.ManyToManyField(
        "people.Post", verbose_name=_("signatories"), blank=True, related_name="agreements_signed"
    )
    term_months = models.PositiveSmallIntegerField(_("term in months"), null=True, blank=True)
    expires = PartialDateField(_("expires or renews"), null=True, blank=True)
    notice_months = models.PositiveSmallIntegerField(
        _("notice period in months"), null=True, blank=True
    )
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renews or replaces"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewed_by",
    )
    document = models.ForeignKey(
        "sources.Source",
        verbose_name=_("document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["partnership", "signed"]
        indexes = [models.Index(fields=["expires"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(renews=models.F("id")), name="agreement_not_renewing_itself"
            ),
            _end_not_before_start("signed", "expires", "agreement_expires_not_before_signed"),
        ]

    def __str__(self):
        label = self.title or self.get_kind_display()
        return f"{label} ({self.signed})" if self.signed else label

    def clean(self):
        errors = {}
        if self.signed and self.expires and self.expires.last_day() < self.signed.first_day():
            errors["expires"] = _("An agreement cannot expire before it is signed.")
        if self.renews_id and self.pk and self.renews_id == self.pk:
            errors["renews"] = _("An agreement cannot renew itself.")
        if (
            self.renews
            and self.partnership_id
            and self.renews.partnership_id != self.partnership_id
        ):
            errors["renews"] = _("The renewed agreement must belong to the same partnership.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return self.partnership.get_absolute_url() + f"#agreement-{self.pk}"
