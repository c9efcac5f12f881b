import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.models import OwnedModel, TimeStampedModel, VersionedModel


class VisitDirection(models.TextChoices):
    INCOMING = "incoming", _("incoming")
    OUTGOING = "outgoing", _("outgoing")


class VisitStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    CONFIRMED = "confirmed", _("confirmed")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


class Visit(OwnedModel):
    """A delegation visit: a group from one place visiting another, with its programme.

    The direction is seen from the owner: an incoming visit is one the owner hosts, an
    outgoing one a trip the owner makes.
    """

    direction = models.CharField(
        _("direction"),
        max_length=10,
        choices=VisitDirection.choices,
        default=VisitDirection.INCOMING,
    )
    visiting_party = models.ForeignKey(
        "places.Place",
        verbose_name=_("visiting party"),
        # A visit cannot stand without the places it joins.
        on_delete=models.CASCADE,
        related_name="visits_made",
    )
    host = models.ForeignKey(
        "places.Place",
        verbose_name=_("host"),
        on_delete=models.CASCADE,
        related_name="visits_hosted",
    )
    host_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("host organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits_hosted",
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visits",
    )
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    dates_approximate = models.BooleanField(
        _("dates approximate"),
        default=False,
        help_text=_("The source gives only the week, month or season of the visit."),
    )
    purpose = models.TextField(_("purpose"), blank=True)
    interests = models.ManyToManyField(
        "focusareas.FocusArea",
        verbose_name=_("interests"),
        blank=True,
        related_name="visits",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=VisitStatus.choices, default=VisitStatus.PLANNED
    )
    notes = models.TextField(_("notes"), blank=True)
    report = models.TextField(_("report"), blank=True, help_text=_("What came of the visit."))

    history = HistoricalRecords(m2m_fields=[interests])

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-start_date", "title"]
        indexes = [models.Index(fields=["start_date"]), models.Index(fields=["status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="visit_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(visiting_party=models.F("host")),
                name="visit_two_different_places",
            ),
            models.CheckConstraint(
                condition=models.Q(direction__in=VisitDirection.values),
                name="visit_direction_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=VisitStatus.values), name="visit_status_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("A visit cannot end before it begins.")
        if self.visiting_party_id and self.visiting_party_id == self.host_id:
            errors["host"] = _("The host must be another place than the visiting party.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("visits:detail", args=[self.pk])

    def days(self) -> list[dt.date]:
        """Return every day of the visit, first to last."""
        if not (self.start_date and self.end_date):
            return []
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=n) for n in range(count)]


class VisitMember(VersionedModel, TimeStampedModel):
    """A member of a visiting delegation; at most one member leads it."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="members"
    )
    name = models.CharField(_("name"), max_length=200)
    native_name = models.CharField(
        _("name in own script"),
        max_length=200,
        blank=True,
        help_text=_("The name as the member writes it, such as 李明."),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_members",
    )
    organisation_name = models.CharField(
        _("organisation (if not registered)"), max_length=200, blank=True
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_memberships",
    )
    is_leader = models.BooleanField(_("leads the delegation"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["visit", "-is_leader", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit"],
                condition=models.Q(is_leader=True),
                name="visitmember_one_leader_per_visit",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.native_name})" if self.native_name else self.name

    def clean(self):
        if self.is_leader and self.visit_id:
            others = VisitMember.objects.filter(visit_id=self.visit_id, is_leader=True)
            if self.pk:
                others = others.exclude(pk=self.pk)
            if others.exists():
                raise ValidationError({"is_leader": _("This delegation already has a leader.")})

    @property
    def organisation_label(self) -> str:
        """Return the registered organisation's name, or the name typed in."""
        return self.organisation.name if self.organisation_id else self.organisation_name


class ProgrammeItem(VersionedModel, TimeStampedModel):
    """One point of a visit's programme: a meeting, a tour of a site, a dinner."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="programme_items"
    )
    day = models.DateField(_("day"))
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("to"), null=True, blank=True)
    site = models.ForeignKey(
        "sites.ShowcaseSite",
        verbose_name=_("showcase site"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_items",
    )
    host_organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("host organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programme_items_hosted",
    )
    location = models.CharField(_("location"), max_length=300, blank=True)
    topic = models.CharField(_("topic"), max_length=300)
    interpreter = models.CharField(_("interpreter"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # The item's place in its day: set by its time when it is added, changed by moving it
    # up or down. Items never moved keep 0 and follow their times.
    position = models.PositiveIntegerField(_("position"), default=0, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = [
            "day",
            "position",
            models.F("start_time").asc(nulls_last=True),
            "pk",
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_time__isnull=True)
                | models.Q(end_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="programmeitem_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True) | models.Q(start_time__isnull=False),
                name="programmeitem_end_needs_start",
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.topic}"

    def clean(self):
        errors = {}
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Give the start time when an end time is given.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The item must end after it starts.")
        visit = self.visit if self.visit_id else None
        if visit and self.day and not visit.start_date <= self.day <= visit.end_date:
            errors["day"] = _("The day must lie within the visit, %(start)s to %(end)s.") % {
                "start": visit.start_date.isoformat(),
                "end": visit.end_date.isoformat(),
            }
        if errors:
            raise ValidationError(errors)


class GiftDirection(models.TextChoices):
    GIVEN = "given", _("given")
    RECEIVED = "received", _("received")


class Gift(VersionedModel, TimeStampedModel):
    """A gift exchanged during a visit, kept for the record and for disclosure."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="gifts"
    )
    direction = models.CharField(_("direction"), max_length=10, choices=GiftDirection.choices)
    description = models.CharField(_("description"), max_length=300)
    giver = models.CharField(_("from"), max_length=200, blank=True)
    recipient = models.CharField(_("to"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("gift")
        verbose_name_plural = _("gifts")
        ordering = ["visit", "direction", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(direction__in=GiftDirection.values), name="gift_direction_valid"
            )
        ]

    def __str__(self):
        return self.description


class Commitment(VersionedModel, TimeStampedModel):
    """A follow-up promised during a visit, with who answers for it and by when.

    The one responsible is a registered person rather than a user account: promises are
    made by mayors, partners and consultants who mostly never log in, and a person stays
    in the registry when staff and accounts change.
    """

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="commitments"
    )
    description = models.TextField(_("description"))
    responsible = models.ForeignKey(
        "people.Person",
        verbose_name=_("responsible"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="visit_commitments",
    )
    due_date = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["visit", models.F("due_date").asc(nulls_last=True), "pk"]
        indexes = [models.Index(fields=["due_date", "done_on"])]

    def __str__(self):
        return self.description[:80]

    def is_overdue(self, today: dt.date | None = None) -> bool:
        """Return whether the commitment is still open after its due date."""
        today = today or timezone.localdate()
        return self.done_on is None and self.due_date is not None and self.due_date < today
