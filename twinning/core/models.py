"""Abstract bases shared by the registry's models."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.core.validators import text_field_errors


class PublicFlagField(models.BooleanField):
    """Whether visitors who are not logged in see the record.

    Records read from public lists and documents are public by default; a form starts
    unticked, so that what a person types stays private until they choose to publish it.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"initial": False, **kwargs})

    def deconstruct(self):
        # Stored exactly as a BooleanField; only forms differ.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.BooleanField", args, kwargs


class CheckedTextModel(models.Model):
    """Refuse invisible characters in any text field, and overlong long text.

    ``full_clean()`` (which services and model forms call) runs the checks of
    ``core.validators`` on every character and text field, so that no field can be
    forgotten and the refusal names the field.
    """

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        errors: dict = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for name, problems in text_field_errors(self, exclude or ()).items():
            if name not in errors:
                errors[name] = problems
        if errors:
            raise ValidationError(errors)


class VersionedModel(CheckedTextModel):
    """Count the changes of a row, so that a write based on an old reading is refused.

    ``core.services.model_update`` raises the version by one in the same statement that
    checks it; the API derives its ETag from it and edit forms carry it.
    """

    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        db_default=1,
        editable=False,
        help_text=_("Raised by one at every change; a change based on an older one is refused."),
    )

    class Meta:
        abstract = True


class TimeStampedModel(models.Model):
    """Record when a row was created and last changed."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class OwnedModel(VersionedModel, TimeStampedModel):
    """A record that belongs to an organisation and may be shown to the public."""

    owner = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The organisation whose editors may change this record."),
    )
    is_public = PublicFlagField(
        _("public"), default=True, help_text=_("Shown to visitors who are not logged in.")
    )

    class Meta:
        abstract = True
