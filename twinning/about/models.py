from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from twinning.core.models import TimeStampedModel

# Raster images only: an SVG opened on its own could run a script in the site's origin.
LOGO_FORMATS = ["png", "jpg", "jpeg", "webp"]


class PageKind(models.TextChoices):
    ACCESSIBILITY = "accessibility", _("accessibility statement")
    PRIVACY = "privacy", _("privacy notice")
    CONTACT = "contact", _("contact")


class SiteIdentity(TimeStampedModel):
    """The organisation that runs this site: its name and logo in the header, and how
    to reach it. The site has one; the administrator fills it in."""

    name = models.CharField(_("organisation name"), max_length=200, blank=True)
    logo = models.FileField(
        _("logo"),
        upload_to="about/",
        blank=True,
        validators=[FileExtensionValidator(LOGO_FORMATS)],
        help_text=_("PNG, JPEG or WebP, shown about 40 pixels high."),
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)

    class Meta:
        verbose_name = _("site identity")
        verbose_name_plural = _("site identity")

    def __str__(self):
        return self.name or str(_("site identity"))


class AboutPage(TimeStampedModel):
    """A page a public-sector site must carry (accessibility statement, privacy notice,
    contact), written by the site administrator in Danish and English. Until written,
    the site shows its own general text."""

    kind = models.CharField(_("page"), max_length=20, choices=PageKind.choices, unique=True)
    body_en = models.TextField(_("text in English"), blank=True)
    body_da = models.TextField(_("text in Danish"), blank=True)

    class Meta:
        verbose_name = _("page about the site")
        verbose_name_plural = _("pages about the site")
        ordering = ["kind"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=PageKind.values), name="aboutpage_kind_valid"
            )
        ]

    def __str__(self):
        return str(self.get_kind_display())

    @property
    def body(self) -> str:
        """Return the text in the reader's language, else in the other one."""
        first, second = (
            (self.body_da, self.body_en) if get_language() == "da" else (self.body_en, self.body_da)
        )
        return first or second
