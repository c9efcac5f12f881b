"""Forms of ingestion: uploading documents and correcting a suggested fact before accepting."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from twinning.accounts.selectors import editable_organisation_ids
from twinning.core.fields import PartialDateFormField
from twinning.extraction.documents import SUPPORTED_SUFFIXES
from twinning.ingestion.facts import (
    AMOUNT_FIELDS,
    DATE_FIELDS,
    DATE_RANGES,
    FACT_TYPES,
    FIELD_CHOICES,
    SPAN_FIELDS,
    field_label,
)
from twinning.organisations.models import Organisation


def _country_choices():
    return [("", "—"), *countries]


def _form_field(kind: str, spec: dataclasses.Field) -> forms.Field:
    """Return the form field for one of the engine's fact fields, from its type."""
    name = spec.name
    label = capfirst(field_label(name))
    annotation = str(spec.type)
    optional = "None" in annotation or spec.default in ("", None) or name in OPTIONAL_FIELDS
    required = not optional
    if (choices := FIELD_CHOICES.get((kind, name))) is not None:
        # Blank when the text does not tell ("unknown" from the engine).
        return forms.ChoiceField(label=label, choices=[("", "—"), *choices.choices], required=False)
    if name in DATE_FIELDS:
        return PartialDateFormField(label=label, required=required)
    if name.endswith("_country"):
        return forms.ChoiceField(label=label, choices=_country_choices, required=False)
    if name in AMOUNT_FIELDS or annotation.startswith("float"):
        return forms.DecimalField(label=label, min_value=0, required=required)
    if annotation.startswith("int"):
        return forms.IntegerField(label=label, required=required)
    if annotation.startswith("bool"):
        # Unknown (None) stays apart from no.
        field_class = forms.NullBooleanField if "None" in annotation else forms.BooleanField
        return field_class(label=label, required=False)
    if annotation.startswith("list"):
        return ListField(label=label, required=False)
    return forms.CharField(label=label, max_length=300, required=required)


class ListField(forms.CharField):
    """A list of short texts, typed separated by commas."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Separate them by commas."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return ", ".join(map(str, value)) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        items = value if isinstance(value, list | tuple) else str(value or "").split(",")
        return [str(item).strip() for item in items if str(item).strip()]


class FactForm(forms.Form):
    """The fields of one kind of fact, built from the engine's type, filled in from a suggestion."""

    fact_kind = ""

    def clean(self):
        cleaned = super().clean()
        for start_name, end_name in DATE_RANGES:
            start, end = cleaned.get(start_name), cleaned.get(end_name)
            if start and end and end.last_day() < start.first_day():
                self.add_error(end_name, _("It cannot end before it begins."))
        low, high = cleaned.get("amount_min"), cleaned.get("amount_max")
        if low is not None and high is not None and high < low:
            self.add_error("amount_max", _("The highest amount is below the lowest."))
        if currency := cleaned.get("currency"):
            cleaned["currency"] = currency.upper()
        return cleaned

    def to_fields(self) -> dict[str, Any]:
        """Return the cleaned data as the fact's JSON fields."""
        fields = {}
        for name, value in self.cleaned_data.items():
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            fields[name] = None if value == "" else value
        return fields


# Fields the engine always fills but a reviewer may leave empty.
OPTIONAL_FIELDS = frozenset({"title", "what", "currency", "area"})
_FORMS: dict[str, type[FactForm]] = {}


def fact_form_class(kind: str) -> type[FactForm]:
    """Return the form of a kind of fact, built once from the engine's dataclass."""
    if kind not in _FORMS:
        specs = [f for f in dataclasses.fields(FACT_TYPES[kind]) if f.name not in SPAN_FIELDS]
        attributes = {spec.name: _form_field(kind, spec) for spec in specs}
        attributes["fact_kind"] = kind
        _FORMS[kind] = type(f"{kind.title().replace('_', '')}FactForm", (FactForm,), attributes)
    return _FORMS[kind]


def fact_form(suggestion, data=None) -> FactForm:
    """Return the form of the suggestion's kind, bound to data or filled in from its fields."""
    form_class = fact_form_class(suggestion.kind)
    initial = dict(suggestion.fields or {})
    for (kind, name), choices in FIELD_CHOICES.items():
        if kind == suggestion.kind and initial.get(name) not in choices.values:
            initial[name] = ""
    return form_class(data, initial=initial, prefix=f"s{suggestion.pk}")


def review_links(data) -> dict[str, str]:
    """Return the reviewer's choice per name field, from the ``link-<field>`` inputs."""
    return {
        key.removeprefix("link-"): value
        for key, value in data.items()
        if key.startswith("link-") and value
    }


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Accept several files in one field."""

    def __init__(self, *args, **kwargs):
        accept = ",".join(sorted(SUPPORTED_SUFFIXES))
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else single(data, initial)


class UploadForm(forms.Form):
    """Upload documents to be read in the background."""

    files = MultipleFileField(
        label=_("Documents"),
        required=False,
        help_text=_("Text, HTML or PDF files; several at once."),
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Organisation.objects.none())
    # Private unless the uploader says otherwise: documents may hold what is not public.
    is_public = forms.BooleanField(label=_("Public"), required=False, initial=False)

    def __init__(self, *args, user, too_large=(), max_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = list(too_large)
        self.max_bytes = max_bytes
        owners = Organisation.objects.order_by("name")
        allowed = editable_organisation_ids(user)
        if allowed is not None:
            owners = owners.filter(pk__in=allowed)
        self.fields["owner"].queryset = owners
        if allowed is not None and len(allowed) == 1:
            self.fields["owner"].initial = next(iter(allowed))

    def _limit(self) -> str:
        return filesizeformat(self.max_bytes)

    def clean_files(self):
        files = self.cleaned_data["files"] or []
        # Files the upload handler stopped reading never reach the form; name them here.
        problems = [
            _("%(name)s is larger than the limit of %(limit)s.")
            % {"name": name, "limit": self._limit()}
            for name in self.too_large
        ]
        if not files and not problems:
            raise forms.ValidationError(_("Choose at least one document."))
        for upload in files:
            suffix = Path(upload.name).suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                problems.append(
                    _("%(name)s: unsupported file type %(suffix)s; use .txt, .html or .pdf.")
                    % {"name": upload.name, "suffix": suffix or "—"}
                )
            elif upload.size > self.max_bytes:
                problems.append(
                    _("%(name)s is larger than the limit of %(limit)s.")
                    % {"name": upload.name, "limit": self._limit()}
                )
        if problems:
            raise forms.ValidationError(problems)
        return files
