from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from twinning.core.models import OwnedModel
from twinning.profiles.matching import SIZE_BANDS, size_band


class SizeBand(models.TextChoices):
    """Bands of population, as partner-seeking lists group places."""

    SMALL = "small", _("small (under 20,000)")
    MEDIUM = "medium", _("medium (20,000 to 100,000)")
    LARGE = "large", _("large (100,000 to 1 million)")
    VERY_LARGE = "very_large", _("very large (over 1 million)")

    @classmethod
    def bounds(cls, band: str) -> tuple[int, int | None]:
        """Return the lowest population of a band and the lowest of the next (None: none)."""
        return SIZE_BANDS[band]


class PartnerProfile(OwnedModel):
    """What a place (or a group of places) offers and seeks in a partner.

    The contact is shown to visitors only when ``contact_public`` is ticked; the owning
    organisation's members always see it.
    """

    place = models.OneToOneField(
        "places.Place",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        related_name="partner_profile",
        help_text=_("The place or group of places the profile speaks for."),
    )
    summary = models.TextField(_("profile"), blank=True)
    population = models.PositiveBigIntegerField(
        _("population"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the place's population."),
    )
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    economy = models.TextField(_("economy"), blank=True)
    strengths = models.TextField(_("strengths"), blank=True)
    focus_sought = models.ManyToManyField(
        "focusareas.FocusArea",
        verbose_name=_("focus areas sought"),
        blank=True,
        related_name="profiles_seeking",
    )
    focus_offered = models.ManyToManyField(
        "focusareas.FocusArea",
        verbose_name=_("focus areas offered"),
        blank=True,
        related_name="profiles_offering",
    )
    desired_countries = CountryField(
        _("desired partner countries"), multiple=True, blank=True, max_length=746
    )
    desired_size = models.CharField(
        _("desired partner size"),
        max_length=12,
        choices=SizeBand.choices,
        blank=True,
        help_text=_("Leave empty for any size."),
    )
    languages = models.CharField(
        _("working languages"),
        max_length=200,
        blank=True,
        help_text=_("Languages the place can work in, such as Danish, English, German."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_public = models.BooleanField(
        _("show the contact to visitors"),
        default=False,
        help_text=_("Unticked, only your organisation sees the contact."),
    )
    seeking = models.BooleanField(
        _("seeking a partner now"),
        default=True,
        help_text=_("Listed under Seeking a partner while ticked."),
    )

    history = HistoricalRecords(m2m_fields=[focus_sought, focus_offered])

    class Meta:
        verbose_name = _("partner profile")
        verbose_name_plural = _("partner profiles")
        ordering = ["place__name"]
        indexes = [models.Index(fields=["seeking", "is_public"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area_km2__isnull=True) | models.Q(area_km2__gt=0),
                name="profile_area_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(desired_size="") | models.Q(desired_size__in=SizeBand.values),
                name="profile_desired_size_valid",
            ),
        ]

    def __str__(self):
        return str(self.place)

    def clean(self):
        if self.area_km2 is not None and self.area_km2 <= 0:
            raise ValidationError({"area_km2": _("An area must be above zero.")})

    def get_absolute_url(self):
        return reverse("profiles:detail", args=[self.pk])

    @property
    def size(self) -> int | None:
        """Return the population given here, or else the place's."""
        return self.population if self.population is not None else self.place.population

    @property
    def size_band(self) -> str:
        return size_band(self.size)

    def get_size_band_display(self) -> str:
        return SizeBand(self.size_band).label if self.size_band else ""
