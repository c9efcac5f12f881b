"""Form pieces shared by every app's edit pages."""

from __future__ import annotations

import copy

from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext as _

from twinning.core.services import StaleRecord
from twinning.core.translated import localized, record_languages, translated_fields


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


class TranslatedFormMixin:
    """Let an editor keep a record's texts in every record language.

    Each translated field of the form (``title``) holds the reader's language; each other
    record language gets a field of its own (``title_en``, ``title_zh``), which pages show
    together under "Translations" (``includes/translations.html``). A field the record
    requires needs a text in one language at least, not in the reader's: an English
    record stays editable by a Danish reader without translating it first.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._needs_text: list[str] = []
        self.translation_names: list[str] = []
        reader, *others = record_languages()
        translated = translated_fields(self._meta.model)
        for name in [name for name in self.fields if name in translated]:
            main = self.fields[name]
            if main.required:
                main.required = False
                self._needs_text.append(name)
            if self.instance.pk is not None:
                self.initial[name] = getattr(self.instance, localized(name, reader)) or ""
            for code in others:
                extra = copy.deepcopy(main)
                extra.label = format_lazy(
                    "{} ({})", main.label, settings.RECORD_LANGUAGE_NAMES[code]
                )
                extra.help_text = ""
                if code == "zh":
                    extra.widget.attrs["lang"] = "zh"
                column = localized(name, code)
                self.fields[column] = extra
                self.translation_names.append(column)
                if self.instance.pk is not None:
                    self.initial[column] = getattr(self.instance, column) or ""

    def _post_clean(self):
        # The record is validated with every language's text, so that a text in another
        # language satisfies a field the record requires.
        for column in self.translation_names:
            if column in self.cleaned_data:
                setattr(self.instance, column, self.cleaned_data[column])
        super()._post_clean()

    def visible_fields(self):
        # The other languages are shown apart, folded under "Translations".
        return [f for f in super().visible_fields() if f.name not in self.translation_names]

    @property
    def translation_fields(self):
        """Return the bound fields of the other languages, for the translations fieldset."""
        return [self[name] for name in self.translation_names]

    @property
    def translations_open(self) -> bool:
        """Return whether the translations should show unfolded (an error or a text in them)."""
        return any(f.errors or f.value() for f in self.translation_fields)

    def clean(self):
        cleaned = super().clean()
        for column in self.translation_names:
            # A page that does not show the other languages leaves them as they are.
            if self.add_prefix(column) not in self.data:
                cleaned.pop(column, None)
        for name in self._needs_text:
            texts = [cleaned.get(name)] + [
                cleaned.get(localized(name, code)) for code in record_languages()[1:]
            ]
            if not any(texts) and name not in self.errors:
                self.add_error(name, forms.Field.default_error_messages["required"])
        return cleaned
