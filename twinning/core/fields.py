"""Model and form fields for partial dates."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.core.partialdates import InvalidPartialDate, PartialDate


class PartialDateFormField(forms.CharField):
    """Accept "2007", "2013-06" or "2012-10-02" and clean it to a PartialDate."""

    default_error_messages = {"invalid": _("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD.")}

    def __init__(self, **kwargs):
        # No max_length: Django's length validator would run on the cleaned PartialDate.
        kwargs.pop("max_length", None)
        kwargs.setdefault("help_text", _("YYYY, YYYY-MM or YYYY-MM-DD"))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "maxlength": "10", "placeholder": "YYYY-MM-DD"}

    def prepare_value(self, value):
        return value.isoformat() if isinstance(value, PartialDate) else value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return PartialDate.parse(value)
        except InvalidPartialDate as exc:
            raise ValidationError(str(exc), code="invalid") from exc


class PartialDateField(models.Field):
    """Store a PartialDate as its ISO prefix, which sorts in calendar order."""

    description = _("Date known to the year, month or day")

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 10
        super().__init__(*args, **kwargs)

    def get_internal_type(self):
        # A plain varchar(10) column, so that lookups compare the ISO text.
        return "CharField"

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return None
        return PartialDate.parse(value)

    def to_python(self, value):
        if value in (None, ""):
            return None
        try:
            return PartialDate.parse(value)
        except InvalidPartialDate as exc:
            raise ValidationError(str(exc), code="invalid") from exc

    def get_prep_value(self, value):
        value = self.to_python(value)
        return value.isoformat() if value is not None else None

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.isoformat() if value is not None else ""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PartialDateFormField, **kwargs})


def partial_date_or_error(value, field: str) -> PartialDate | None:
    """Return the value as a PartialDate, or raise a ValidationError naming the field."""
    try:
        return PartialDate.parse(value)
    except InvalidPartialDate as exc:
        raise ValidationError({field: str(exc)}, code="invalid") from exc
