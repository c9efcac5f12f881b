"""Form pieces shared by every app's edit pages."""

from __future__ import annotations

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from twinning.core.services import StaleRecord


def _shown(record: models.Model, name: str) -> str:
    """Return a field's stored value as a person reads it."""
    field = record._meta.get_field(name)
    if field.many_to_many:
        return ", ".join(str(item) for item in getattr(record, name).all()) or "—"
    if field.choices:
        return str(getattr(record, f"get_{name}_display")()) or "—"
    value = getattr(record, name)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return "—" if value in (None, "") else str(value)


def _same(record: models.Model, name: str, value) -> bool:
    field = record._meta.get_field(name)
    if field.many_to_many:
        return {getattr(v, "pk", v) for v in value or ()} == set(
            getattr(record, name).values_list("pk", flat=True)
        )
    stored = getattr(record, field.attname)
    if field.is_relation:
        value = getattr(value, "pk", value)
    return stored == value or str(stored or "") == str(value or "")


class VersionedFormMixin:
    """Carry the version a record had when its edit form was opened.

    The version travels in a hidden field and reaches the update service with the rest
    of the cleaned data; the service refuses the save when someone else changed the record
    meanwhile (:class:`StaleRecord`). The form then comes back with the other person's
    value under each field they changed, and with the new version, so that saving again
    is a decision taken knowing their change.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and hasattr(self.instance, "version"):
            self.fields["version"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=self.instance.version, min_value=1, required=False
            )

    def add_error(self, field, error):
        if isinstance(error, StaleRecord) and "version" in self.fields:
            current = error.current
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = str(current.version)
            for name in self.fields:
                if name == "version" or name not in self.cleaned_data:
                    continue
                try:
                    current._meta.get_field(name)
                except FieldDoesNotExist:  # a form field that is not a model field
                    continue
                if not _same(current, name, self.cleaned_data[name]):
                    super().add_error(
                        name,
                        _("Saved meanwhile by someone else: %(value)s")
                        % {"value": _shown(current, name)},
                    )
        super().add_error(field, error)
