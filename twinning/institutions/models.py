from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Left
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from twinning.core.fields import PartialDateField
from twinning.core.models import VersionedModel


def _end_not_before_start(start: str, end: str, name: str) -> models.CheckConstraint:
    # Compared on the year in the database; clean() compares whole partial dates.
    return models.CheckConstraint(
        condition=models.Q(**{f"{start}__isnull": True})
        | models.Q(**{f"{end}__isnull": True})
        | models.Q(**{f"{end}__gte": Left(start, 4)}),
        name=name,
    )


def _check_range(start, end, field: str, message) -> dict:
    if start and end and end.last_day() < start.first_day():
        return {field: message}
    return {}


class InstitutionPairKind(models.TextChoices):
    SCHOOL = "school", _("school")
    UPPER_SECONDARY = "upper_secondary", _("upper secondary school")
    VOCATIONAL = "vocational", _("vocational school")
    UNIVERSITY = "university", _("university")
    OTHER = "other", _("other")


class InstitutionPairStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    DORMANT = "dormant", _("dormant")
    ENDED = "ended", _("ended")


class InstitutionPair(VersionedModel):
    """Two schools or universities that cooperate under a partnership."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="institution_pairs",
    )
    institution_a = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="institution_pairs_as_a",
    )
    institution_b = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("partner institution"),
        on_delete=models.CASCADE,
        related_name="institution_pairs_as_b",
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=InstitutionPairKind.choices,
        default=InstitutionPairKind.SCHOOL,
    )
    since = PartialDateField(_("since"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InstitutionPairStatus.choices,
        default=InstitutionPairStatus.ACTIVE,
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("institution pair")
        verbose_name_plural = _("institution pairs")
        ordering = ["institution_a__name", "institution_b__name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(institution_a=models.F("institution_b")),
                name="institutionpair_two_different_institutions",
            ),
            models.UniqueConstraint(
                fields=["partnership", "institution_a", "institution_b"],
                name="institutionpair_unique",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=InstitutionPairKind.values),
                name="institutionpair_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=InstitutionPairStatus.values),
                name="institutionpair_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.institution_a} – {self.institution_b}"

    def get_absolute_url(self):
        return reverse("institutions:pair_detail", args=[self.pk])

    def clean(self):
        if self.institution_a_id and self.institution_a_id == self.institution_b_id:
            raise ValidationError(
                {"institution_b": _("An institution pair needs two different institutions.")}
            )


class ExchangeDirection(models.TextChoices):
    TO_A = "to_a", _("to the first institution")
    TO_B = "to_b", _("to the partner institution")
    BOTH = "both", _("both ways")


class Exchange(VersionedModel):
    """A stay of pupils, students or teachers of one institution of a pair at the other."""

    pair = models.ForeignKey(
        InstitutionPair,
        verbose_name=_("institution pair"),
        on_delete=models.CASCADE,
        related_name="exchanges",
    )
    start = PartialDateField(_("start"))
    end = PartialDateField(_("end"), null=True, blank=True)
    direction = models.CharField(
        _("direction"),
        max_length=4,
        choices=ExchangeDirection.choices,
        default=ExchangeDirection.BOTH,
    )
    description = models.TextField(_("description"), blank=True)
    pupils = models.PositiveIntegerField(_("pupils"), null=True, blank=True)
    students = models.PositiveIntegerField(_("students"), null=True, blank=True)
    teachers = models.PositiveIntegerField(_("teachers"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        ordering = ["pair", "start"]
        constraints = [
            _end_not_before_start("start", "end", "exchange_end_not_before_start"),
            models.CheckConstraint(
                condition=models.Q(direction__in=ExchangeDirection.values),
                name="exchange_direction_valid",
            ),
        ]

    def __str__(self):
        return f"{self.pair}: {self.start}"

    def clean(self):
        errors = _check_range(
            self.start, self.end, "end", _("An exchange cannot end before it begins.")
        )
        if errors:
            raise ValidationError(errors)


class NetworkScope(models.TextChoices):
    NATIONAL = "national", _("national")
    REGIONAL = "regional", _("regional")
    INTERNATIONAL = "international", _("international")


class Network(VersionedModel):
    """A standing group of municipalities, regions and others that meet about one country."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="networks",
        help_text=_("The organisation record of the network, if it has one."),
    )
    scope = models.CharField(
        _("scope"), max_length=15, choices=NetworkScope.choices, default=NetworkScope.NATIONAL
    )
    country = CountryField(_("country"), blank=True)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scope__in=NetworkScope.values), name="network_scope_valid"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("institutions:network_detail", args=[self.pk])


class NetworkMembership(VersionedModel):
    """That an organisation or a place belongs to a network, and since when."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_memberships",
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_memberships",
    )
    since = PartialDateField(_("since"), null=True, blank=True)
    until = PartialDateField(_("until"), null=True, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        ordering = ["network", "since", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organisation__isnull=False, place__isnull=True)
                | models.Q(organisation__isnull=True, place__isnull=False),
                name="networkmembership_organisation_or_place",
            ),
            _end_not_before_start("since", "until", "networkmembership_until_not_before_since"),
        ]

    def __str__(self):
        return f"{self.member} ({self.network})"

    @property
    def member(self):
        return self.organisation or self.place

    def clean(self):
        errors = {}
        if (self.organisation_id is None) == (self.place_id is None):
            errors["organisation"] = _("Name either an organisation or a place, not both.")
        errors |= _check_range(
            self.since, self.until, "until", _("A membership cannot end before it begins.")
        )
        if errors:
            raise ValidationError(errors)


class NetworkMeeting(VersionedModel):
    """A meeting of a network."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="meetings"
    )
    date = PartialDateField(_("date"))
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_meetings",
    )
    title = models.CharField(_("title"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")
        ordering = ["network", "date"]

    def __str__(self):
        return f"{self.date}: {self.title}"
