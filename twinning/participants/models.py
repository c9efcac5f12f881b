import datetime as dt
import secrets

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from twinning.core.models import OwnedModel, TimeStampedModel, VersionedModel


def new_signup_key() -> str:
    """Return an unguessable key for a register's public sign-up address."""
    return secrets.token_urlsafe(16)


class Register(OwnedModel):
    """The list of people taking part in one visit or one activity.

    An organiser keeps names (entered by hand or through the public sign-up form), or
    only a total when names are not kept. Once the retention period after the event has
    passed, names and contacts are removed and only the anonymous rows, and so the
    counts, stay.
    """

    visit = models.OneToOneField(
        "visits.Visit",
        verbose_name=_("visit"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="register",
    )
    activity = models.OneToOneField(
        "activities.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="register",
    )
    towns = models.ManyToManyField(
        "places.Place",
        verbose_name=_("towns taking part"),
        blank=True,
        related_name="participant_registers",
        help_text=_("The towns whose people take part; the sign-up form offers them."),
    )
    total = models.PositiveIntegerField(
        _("total when names are not kept"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the participants are listed by name."),
    )
    purpose = models.TextField(
        _("purpose of the personal data"),
        blank=True,
        help_text=_("What names and contacts are used for; the sign-up form shows it."),
    )
    signup_open = models.BooleanField(_("sign-up open"), default=False)
    signup_closes = models.DateField(
        _("sign-up closes"), null=True, blank=True, help_text=_("The last day to sign up.")
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("The most people who may sign up; empty for no limit."),
    )
    signup_key = models.CharField(
        _("sign-up key"), max_length=40, unique=True, default=new_signup_key, editable=False
    )
    names_removed_on = models.DateField(
        _("names removed on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The day the retention period ran out and names were removed."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participant register")
        verbose_name_plural = _("participant registers")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visit__isnull=False, activity__isnull=True)
                | models.Q(visit__isnull=True, activity__isnull=False),
                name="register_visit_or_activity",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="register_capacity_positive",
            ),
        ]

    def __str__(self):
        return str(_("Participants: %(event)s") % {"event": self.event})

    def clean(self):
        if (self.visit_id is None) == (self.activity_id is None):
            raise ValidationError(_("A register belongs to either a visit or an activity."))
        if self.signup_open and self.total is not None:
            raise ValidationError(
                {"signup_open": _("Sign-up lists people by name; clear the total first.")}
            )

    def get_absolute_url(self):
        return reverse("participants:register", args=[self.pk])

    def get_signup_url(self):
        return reverse("participants:signup", args=[self.signup_key])

    @property
    def event(self):
        """Return the visit or activity the register belongs to."""
        return self.visit if self.visit_id else self.activity

    @property
    def host(self):
        """Return the place that hosts the event, if known."""
        return self.visit.host if self.visit_id else self.activity.place

    def event_end(self) -> dt.date | None:
        """Return the last day of the event, from which the retention period counts."""
        if self.visit_id:
            return self.visit.end_date
        activity = self.activity
        return (activity.end or activity.start).last_day() if activity.start else None

    def is_signup_open(self, today: dt.date | None = None, taken: int | None = None) -> bool:
        """Tell whether the public form takes sign-ups now."""
        today = today or timezone.localdate()
        if not self.signup_open or self.names_removed_on:
            return False
        if self.signup_closes and today > self.signup_closes:
            return False
        return not (self.capacity and taken is not None and taken >= self.capacity)


class AgeGroup(models.TextChoices):
    """Age bands as exchange reports count them; the first two are minors."""

    CHILD = "0-12", _("12 or younger")
    TEEN = "13-17", _("13 to 17")
    YOUNG = "18-30", _("18 to 30")
    ADULT = "31-64", _("31 to 64")
    SENIOR = "65+", _("65 or older")


MINOR_AGE_GROUPS = (AgeGroup.CHILD, AgeGroup.TEEN)


class ParticipantRole(models.TextChoices):
    PUPIL = "pupil", _("pupil")
    STUDENT = "student", _("student")
    TEACHER = "teacher", _("teacher")
    HOST_FAMILY = "host_family", _("host family")
    OFFICIAL = "official", _("official")
    STAFF = "staff", _("staff")
    CITIZEN = "citizen", _("citizen")
    OTHER = "other", _("other")


class EntryChannel(models.TextChoices):
    ORGANISER = "organiser", _("entered by the organiser")
    SIGNUP = "signup", _("public sign-up")


class Participant(VersionedModel, TimeStampedModel):
    """One person taking part, with the consent the register's purpose needs.

    A minor (the first two age groups) takes part only with a guardian's consent. Name,
    contacts and the guardian's name are personal data: erasure and the retention purge
    blank them and keep the row, so the counts by town, country, age group and role stay.
    """

    register = models.ForeignKey(
        Register, verbose_name=_("register"), on_delete=models.CASCADE, related_name="participants"
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    town = models.ForeignKey(
        "places.Place",
        verbose_name=_("town"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
    )
    country = CountryField(_("country"), blank=True)
    age_group = models.CharField(_("age group"), max_length=5, choices=AgeGroup.choices)
    role = models.CharField(
        _("role"), max_length=12, choices=ParticipantRole.choices, default=ParticipantRole.CITIZEN
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_purpose = models.TextField(_("consent given for"), blank=True)
    guardian_name = models.CharField(_("guardian"), max_length=200, blank=True)
    guardian_consent_on = models.DateField(_("guardian's consent given on"), null=True, blank=True)
    channel = models.CharField(
        _("entered through"),
        max_length=10,
        choices=EntryChannel.choices,
        default=EntryChannel.ORGANISER,
    )
    erased_on = models.DateField(_("personal data removed on"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["name", "email", "phone", "guardian_name"])

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["register", "name", "pk"]
        indexes = [models.Index(fields=["register", "town"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(age_group__in=AgeGroup.values),
                name="participant_age_group_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=ParticipantRole.values), name="participant_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(channel__in=EntryChannel.values),
                name="participant_channel_valid",
            ),
            # A named person has consented; a named minor's guardian too.
            models.CheckConstraint(
                condition=models.Q(name="") | models.Q(consent_on__isnull=False),
                name="participant_named_has_consent",
            ),
            models.CheckConstraint(
                condition=models.Q(name="")
                | ~models.Q(age_group__in=[g.value for g in MINOR_AGE_GROUPS])
                | models.Q(guardian_consent_on__isnull=False),
                name="participant_minor_has_guardian_consent",
            ),
            models.CheckConstraint(
                condition=models.Q(erased_on__isnull=True)
                | models.Q(name="", email="", phone="", guardian_name=""),
                name="participant_erased_is_blank",
            ),
        ]

    def __str__(self):
        return self.name or str(_("participant %(number)s") % {"number": self.pk})

    @property
    def is_minor(self) -> bool:
        return self.age_group in MINOR_AGE_GROUPS

    @property
    def town_label(self) -> str:
        return self.town.name if self.town_id else ""

    def clean(self):
        errors = {}
        if self.name and not self.consent_on:
            errors["consent_on"] = _("Record when the participant consented.")
        if self.name and self.is_minor:
            if not self.guardian_consent_on:
                errors["guardian_consent_on"] = _(
                    "A participant under 18 needs a guardian's consent; record when it was given."
                )
            if not self.guardian_name:
                errors["guardian_name"] = _("Name the guardian who consented.")
        if not self.name and not self.erased_on:
            # Unnamed rows exist only after erasure; a count without names is the total.
            errors["name"] = _("Give the participant's name.")
        if self.erased_on and (self.name or self.email or self.phone or self.guardian_name):
            errors["name"] = _("A participant whose data were removed has no name or contact.")
        if self.town_id and not self.country and self.town.country:
            self.country = self.town.country
        if errors:
            raise ValidationError(errors)
