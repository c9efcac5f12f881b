from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from twinning.core.models import VersionedModel


class FocusArea(VersionedModel):
    """A topic of cooperation, such as cleantech or elder care, in a small tree."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    # Kept in every record language (translation.py): name_en, name_da, name_zh.
    name = models.CharField(_("name"), max_length=120)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("broader area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("id")), name="focusarea_not_own_parent"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnerships:list") + f"?focus={self.slug}"

    def clean(self):
        ancestor, seen = self.parent, set()
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None or ancestor.pk in seen:
                raise ValidationError({"parent": _("A focus area cannot lie inside itself.")})
            seen.add(ancestor.pk)
            ancestor = ancestor.parent
