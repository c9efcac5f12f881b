from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from twinning.core.models import TimeStampedModel, VersionedModel
from twinning.core.text import fold


class PlaceKind(models.TextChoices):
    COUNTRY = "country", _("country")
    REGION = "region", _("region")
    PROVINCE = "province", _("province")
    MUNICIPALITY = "municipality", _("municipality")
    CITY = "city", _("city")
    DISTRICT = "district", _("district")
    GROUP = "group", _("group of municipalities")


class PlaceResolution(models.TextChoices):
    RECORDED = "recorded", _("recorded by a person")
    MATCHED = "matched", _("matched in the gazetteer")
    AMBIGUOUS = "ambiguous", _("ambiguous: several places fit")
    UNRESOLVED = "unresolved", _("not found in the gazetteer")
    WITHIN = "within", _("placed at the town or area it lies in")


class Place(VersionedModel, TimeStampedModel):
    """A country, region, municipality or other body that can hold a partnership.

    A place of kind *group* stands for several municipalities acting together; its
    members are listed in ``members``.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    members = models.ManyToManyField(
        "self",
        verbose_name=_("members"),
        symmetrical=False,
        blank=True,
        related_name="groups",
        help_text=_("For a group: the places acting together."),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    geonames_id = models.PositiveIntegerField(_("GeoNames ID"), null=True, blank=True)
    wikidata_id = models.CharField(_("Wikidata ID"), max_length=20, blank=True)
    admin_area = models.CharField(_("first-level area"), max_length=200, blank=True)
    resolution = models.CharField(
        _("resolution"),
        max_length=12,
        choices=PlaceResolution.choices,
        default=PlaceResolution.RECORDED,
        help_text=_("How the place was found when it came from open data."),
    )
    data_sources = models.CharField(
        _("open data sources"),
        max_length=300,
        blank=True,
        help_text=_("The open data this place was built from, with their licences."),
    )
    search_key = models.CharField(max_length=200, editable=False, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["country", "search_key"]),
            # Read as the latest change by the cached partnership order.
            models.Index(fields=["updated_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_range",
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="place_not_own_parent"
            ),
            models.CheckConstraint(
                condition=models.Q(resolution__in=PlaceResolution.values),
                name="place_resolution_valid",
            ),
            models.UniqueConstraint(
                Lower("wikidata_id"),
                condition=~models.Q(wikidata_id=""),
                name="place_unique_wikidata_id",
            ),
        ]

    def __str__(self):
        if self.parent_id and self.kind == PlaceKind.DISTRICT:
            return f"{self.name}, {self.parent.name}"
        return self.name

    def save(self, *args, **kwargs):
        self.search_key = fold(self.name)
        super().save(*args, **kwargs)

    @property
    def country_code(self) -> str:
        """Return the ISO 3166 code as stored ("" when none).

        Reading ``country`` builds a Country object that looks up its translated name;
        lists and indexes that need only the code, for thousands of places, read this.
        """
        stored = self.__dict__.get("country")
        if isinstance(stored, str) and (stored == "" or (len(stored) == 2 and stored.isupper())):
            return stored
        # Deferred, or set to something other than a stored code: let the field say.
        return self.country.code or ""

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))
        ancestor, seen = self.parent, set()
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None or ancestor.pk in seen:
                raise ValidationError({"parent": _("A place cannot lie inside itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent

    def get_absolute_url(self):
        return reverse("places:detail", args=[self.pk])

    def ancestors(self) -> list["Place"]:
        """Return the chain of parents, nearest first."""
        chain, node = [], self.parent
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return chain


class PlaceName(models.Model):
    """Another name of a place: in a language, a script or a transliteration."""

    class Language(models.TextChoices):
        DANISH = "da", _("Danish")
        ENGLISH = "en", _("English")
        CHINESE = "zh", _("Chinese characters")
        PINYIN = "zh-Latn", _("Pinyin")
        LOCAL = "local", _("local language")
        OTHER = "other", _("other")

    place = models.ForeignKey(
        Place, verbose_name=_("place"), on_delete=models.CASCADE, related_name="names"
    )
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices)
    search_key = models.CharField(max_length=200, editable=False, db_index=True)

    class Meta:
        verbose_name = _("other name")
        verbose_name_plural = _("other names")
        ordering = ["language", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "language", "name"], name="placename_unique_per_language"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_language_display()})"

    def save(self, *args, **kwargs):
        self.search_key = fold(self.name)
        super().save(*args, **kwargs)
