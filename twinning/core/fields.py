"""Model and form fields for partial dates."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from twinning.core.partialdates import InvalidPartialDate, PartialDate, Precision


class PartialDateFormField(forms.CharField):
    """Accept a year, a month or a day as people write them ("2007", "maj 2007",
    "3.12.2026", "2012-10-02") and clean it to a PartialDate."""

    default_error_messages = {"invalid": _("Enter a year, a month or a day.")}

    def __init__(self, **kwargs):
        # No max_length: Django's length validator would run on the cleaned PartialDate.
        kwargs.pop("max_length", None)
        kwargs.setdefault("help_text", _("A year, a month or a day: 2007, May 2007 or 3.12.2026"))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "maxlength": "30", "placeholder": _("d.m.yyyy")}

    def prepare_value(self, value):
        # Shown back as the reader writes it, so that it reads back the same.
        return value.format(numeric=True) if isinstance(value, PartialDate) else value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return PartialDate.read(value)
        except InvalidPartialDate as exc:
            raise ValidationError(str(exc), code="invalid") from exc


class DayFormField(forms.DateField):
    """Accept a day as people write it ("3.12.2026", "3. december 2026", ISO)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("A day, such as 3.12.2026"))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "placeholder": _("d.m.yyyy")}

    def prepare_value(self, value):
        if isinstance(value, dt.date):
            return PartialDate.parse(value).format(numeric=True)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.date):
            return value
        try:
            date = PartialDate.read(str(value))
        except InvalidPartialDate as exc:
            raise ValidationError(str(exc), code="invalid") from exc
        if date.precision != Precision.DAY:
            raise ValidationError(_("Give the day as well, such as 3.12.2026."), code="invalid")
        return date.first_day()


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
