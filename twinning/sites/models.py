from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from twinning.core.models import OwnedModel

# Two-letter ISO 639-1 codes, comma-separated: short to type, easy to filter with a lookup.
languages_validator = RegexValidator(
    r"^\s*[a-z]{2}(\s*,\s*[a-z]{2})*\s*$",
    _("Enter two-letter language codes separated by commas, such as “da, en, de”."),
)


class ShowcaseSite(OwnedModel):
    """A place that hosts visiting delegations: a plant, a building, a school or a shop."""

    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        # A site is run by its organisation and goes with it.
        on_delete=models.CASCADE,
        related_name="showcase_sites",
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="showcase_sites",
        help_text=_("The municipality or city the site lies in; defaults to the organisation's."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    focus_areas = models.ManyToManyField(
        "focusareas.FocusArea",
        verbose_name=_("focus areas"),
        blank=True,
        related_name="showcase_sites",
    )
    what_visitors_see = models.TextField(_("what a visitor sees"), blank=True)
    languages = models.CharField(
        _("languages of guided tours"),
        max_length=60,
        blank=True,
        validators=[languages_validator],
        help_text=_("Two-letter codes separated by commas, such as “da, en, de”."),
    )
    capacity = models.PositiveSmallIntegerField(_("capacity (visitors)"), null=True, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    history = HistoricalRecords(m2m_fields=[focus_areas])

    class Meta:
        verbose_name = _("showcase site")
        verbose_name_plural = _("showcase sites")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="showcasesite_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="showcasesite_longitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="showcasesite_both_coordinates_or_neither",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1),
                name="showcasesite_capacity_positive",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Give both latitude and longitude, or neither."
            )
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            errors["latitude"] = _("Latitude must lie between -90 and 90.")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            errors["longitude"] = _("Longitude must lie between -180 and 180.")
        if self.capacity is not None and self.capacity < 1:
            errors["capacity"] = _("Capacity must be at least one visitor.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("sites:detail", args=[self.pk])

    def language_codes(self) -> list[str]:
        """Return the languages of guided tours as a list of codes."""
        return [code.strip() for code in self.languages.split(",") if code.strip()]
