import datetime as dt

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Left
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.fields import PartialDateField
from twinning.core.models import OwnedModel, TimeStampedModel, VersionedModel
from twinning.core.partialdates import PartialDate


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


class ClaimDataset(models.TextChoices):
    WIKIPEDIA = "wikipedia", _("Wikipedia lists of twin towns")
    WIKIDATA = "wikidata", _("Wikidata (twinned administrative body, P190)")


DATASET_LICENCES = {
    ClaimDataset.WIKIPEDIA: "CC BY-SA 4.0",
    ClaimDataset.WIKIDATA: "CC0 1.0",
}


class PartnershipClaim(TimeStampedModel):
    """What one open-data source states about a partnership, as it states it.

    Several sources may describe one partnership with other spellings, another order or
    another kind; each keeps its own statement here, so that disagreements show instead
    of becoming duplicate partnerships.
    """

    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="claims",
    )
    dataset = models.CharField(_("dataset"), max_length=20, choices=ClaimDataset.choices)
    source_name = models.CharField(_("source file"), max_length=200)
    licence = models.CharField(_("licence"), max_length=40)
    key = models.CharField(max_length=400, editable=False)
    name_a = models.CharField(_("first name as given"), max_length=200)
    country_a = models.CharField(_("first country as given"), max_length=200, blank=True)
    name_b = models.CharField(_("second name as given"), max_length=200)
    country_b = models.CharField(_("second country as given"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=PartnershipKind.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PartnershipStatus.choices, blank=True
    )
    since = PartialDateField(_("since"), null=True, blank=True)

    class Meta:
        verbose_name = _("sourced statement")
        verbose_name_plural = _("sourced statements")
        ordering = ["partnership", "dataset", "id"]
        # The data stamp reads the latest change of this untracked table.
        indexes = [models.Index(fields=["updated_at"])]
        constraints = [
            models.UniqueConstraint(fields=["dataset", "key"], name="claim_unique_statement"),
            models.CheckConstraint(
                condition=models.Q(dataset__in=ClaimDataset.values), name="claim_dataset_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(kind="") | models.Q(kind__in=PartnershipKind.values),
                name="claim_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status="") | models.Q(status__in=PartnershipStatus.values),
                name="claim_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_dataset_display()}: {self.name_a} – {self.name_b}"


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


# Kinds that frame the partnership as a whole; contracts and terminations do not.
FRAMEWORK_KINDS = (
    AgreementKind.FOUNDING,
    AgreementKind.RENEWAL,
    AgreementKind.AMENDMENT,
    AgreementKind.MEMORANDUM,
    AgreementKind.LETTER_OF_INTENT,
)


class AgreementDueKind(models.TextChoices):
    """Why an agreement needs attention."""

    RENEWAL_DUE = "renewal_due", _("renewal due")
    NOTICE_DEADLINE = "notice_deadline", _("notice deadline")
    AGREEMENT_LAPSED = "agreement_lapsed", _("agreement lapsed")


class Agreement(VersionedModel, TimeStampedModel):
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
    renews_tacitly = models.BooleanField(
        _("renews tacitly"),
        default=False,
        help_text=_("The agreement runs for another term unless one side gives notice."),
    )
    notice_given = models.DateField(
        _("notice given on"),
        null=True,
        blank=True,
        help_text=_("When one side gave notice to end a tacitly renewing agreement."),
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
            models.CheckConstraint(
                condition=models.Q(renews_tacitly=False) | models.Q(term_months__gt=0),
                name="agreement_tacit_renewal_has_term",
            ),
            models.CheckConstraint(
                condition=models.Q(notice_given__isnull=True) | models.Q(renews_tacitly=True),
                name="agreement_notice_only_when_tacit",
            ),
        ]

    def __str__(self):
        label = self.title or self.get_kind_display()
        return f"{label} ({self.signed})" if self.signed else label

    def clean(self):
        errors = {}
        if self.signed and self.expires and self.expires.last_day() < self.signed.first_day():
            errors["expires"] = _("An agreement cannot expire before it is signed.")
        if self.renews_tacitly and not self.term_months:
            errors["term_months"] = _("An agreement that renews tacitly needs a term.")
        if self.notice_given and not self.renews_tacitly:
            errors["notice_given"] = _("Notice is recorded only for a tacitly renewing agreement.")
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

    def term_end(self) -> PartialDate | None:
        """Return the end of the first term as precisely as it is known.

        The explicit expiry, or else the signing date moved on by the term.
        """
        if self.expires or not (self.signed and self.term_months):
            return self.expires
        end = self.signed.first_day() + relativedelta(months=self.term_months)
        if self.signed.month is None:
            # A year plus whole years is a year; plus odd months it is not known which.
            return PartialDate(end.year) if self.term_months % 12 == 0 else None
        if self.signed.day is None:
            return PartialDate(end.year, end.month)
        return PartialDate.parse(end)

    def first_term_end(self) -> tuple[dt.date, dt.date] | None:
        """Return the earliest and latest day the first term can end, or None if unknown.

        An explicit expiry wins; otherwise the end is the signing date plus the term, as
        wide as the signing date is vague ("2010" plus 36 months ends some day in 2013).
        """
        if self.expires:
            return self.expires.first_day(), self.expires.last_day()
        if self.signed and self.term_months:
            months = relativedelta(months=self.term_months)
            return self.signed.first_day() + months, self.signed.last_day() + months
        return None
