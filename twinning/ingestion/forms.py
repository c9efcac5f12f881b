"""Forms of ingestion: uploading documents and correcting a suggested fact before accepting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from twinning.accounts.selectors import editable_organisation_ids
from twinning.core.fields import PartialDateFormField
from twinning.extraction.documents import SUPPORTED_SUFFIXES
from twinning.ingestion.models import SuggestionKind
from twinning.organisations.models import Organisation
from twinning.partnerships.models import PartnershipKind, PartnershipStatus

EVENT_KINDS = [
    ("signing", _("signing")),
    ("delegation_visit", _("delegation visit")),
    ("meeting", _("meeting")),
    ("conference", _("conference")),
    ("exchange", _("exchange")),
    ("other", _("other")),
]
EVENT_AREAS = [
    ("", _("none")),
    ("overall", _("overall project")),
    ("education", _("education")),
    ("school", _("school")),
]


def _country_choices():
    return [("", "—"), *countries]


class FactForm(forms.Form):
    """The fields of one kind of fact, shown filled in from the suggestion."""

    # Form field name → record key, where the record's key is not a valid Python name.
    renamed: dict[str, str] = {}

    @classmethod
    def initial_from(cls, fields: dict[str, Any]) -> dict[str, Any]:
        """Return the form's initial data for a suggestion's fields."""
        back = {record: name for name, record in cls.renamed.items()}
        return {back.get(key, key): value for key, value in fields.items()}

    def to_fields(self) -> dict[str, Any]:
        """Return the cleaned data in the engine's record format, ready to store as JSON."""
        fields = {}
        for name, value in self.cleaned_data.items():
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            if value == "":
                value = None
            fields[self.renamed.get(name, name)] = value
        return fields


class PartnershipFactForm(FactForm):
    a = forms.CharField(label=_("Party"), max_length=200)
    a_country = forms.ChoiceField(label=_("Country of the party"), required=False)
    b = forms.CharField(label=_("Partner"), max_length=200)
    b_country = forms.ChoiceField(label=_("Country of the partner"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=PartnershipKind.choices)
    status = forms.ChoiceField(label=_("Status"), choices=PartnershipStatus.choices)
    since = PartialDateFormField(label=_("Since"), required=False)
    ended = PartialDateFormField(label=_("Ended"), required=False)
    focus = forms.CharField(
        label=_("Focus areas"),
        required=False,
        help_text=_("Topics separated by commas, e.g. water, education."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["a_country"].choices = _country_choices()
        self.fields["b_country"].choices = _country_choices()

    @classmethod
    def initial_from(cls, fields):
        initial = super().initial_from(fields)
        initial["focus"] = ", ".join(fields.get("focus") or [])
        if initial.get("status") not in PartnershipStatus.values:
            initial["status"] = PartnershipStatus.ACTIVE
        return initial

    def clean_focus(self):
        return [topic.strip() for topic in self.cleaned_data["focus"].split(",") if topic.strip()]

    def clean(self):
        cleaned = super().clean()
        since, ended = cleaned.get("since"), cleaned.get("ended")
        if since and ended and ended.last_day() < since.first_day():
            self.add_error("ended", _("A partnership cannot end before it begins."))
        return cleaned


class EventFactForm(FactForm):
    renamed = {"origin": "from", "destination": "to"}

    event = forms.ChoiceField(label=_("Kind"), choices=EVENT_KINDS)
    title = forms.CharField(label=_("Title"), max_length=300)
    date = PartialDateFormField(label=_("Date"))
    end_date = PartialDateFormField(label=_("End date"), required=False)
    origin = forms.CharField(label=_("From"), max_length=200, required=False)
    destination = forms.CharField(label=_("To"), max_length=200, required=False)
    area = forms.ChoiceField(label=_("Area"), choices=EVENT_AREAS, required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date"), cleaned.get("end_date")
        if start and end and end.last_day() < start.first_day():
            self.add_error("end_date", _("An event cannot end before it begins."))
        return cleaned


class PersonFactForm(FactForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.CharField(label=_("Role"), max_length=200)
    org = forms.CharField(label=_("Organisation or place"), max_length=200, required=False)


class AmountFactForm(FactForm):
    amount_min = forms.DecimalField(label=_("Amount (lowest)"), min_value=0)
    amount_max = forms.DecimalField(label=_("Amount (highest)"), min_value=0)
    currency = forms.CharField(label=_("Currency"), max_length=3, min_length=3)
    what = forms.CharField(label=_("For what"), max_length=300)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100, required=False)

    def clean_currency(self):
        return self.cleaned_data["currency"].upper()

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("amount_min"), cleaned.get("amount_max")
        if low is not None and high is not None and high < low:
            self.add_error("amount_max", _("The highest amount is below the lowest."))
        return cleaned

    def to_fields(self):
        fields = super().to_fields()
        for key in ("amount_min", "amount_max"):
            value = fields[key]
            fields[key] = int(value) if value == value.to_integral_value() else float(value)
        return fields


class InstitutionPairFactForm(FactForm):
    a = forms.CharField(label=_("Institution"), max_length=200)
    b = forms.CharField(label=_("Partner institution"), max_length=200)


FACT_FORMS: dict[str, type[FactForm]] = {
    SuggestionKind.PARTNERSHIP: PartnershipFactForm,
    SuggestionKind.EVENT: EventFactForm,
    SuggestionKind.PERSON: PersonFactForm,
    SuggestionKind.AMOUNT: AmountFactForm,
    SuggestionKind.INSTITUTION_PAIR: InstitutionPairFactForm,
}


def fact_form(suggestion, data=None) -> FactForm:
    """Return the form of the suggestion's kind, bound to data or filled in from its fields."""
    form_class = FACT_FORMS[suggestion.kind]
    return form_class(
        data, initial=form_class.initial_from(suggestion.fields), prefix=f"s{suggestion.pk}"
    )


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
    is_public = forms.BooleanField(label=_("Public"), required=False, initial=True)

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
