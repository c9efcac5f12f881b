"""The engine's typed facts as the review sees them: their fields, labels and choices.

Everything about the shape of a fact is read from the engine's dataclasses, so a field
the engine gains appears in the review pages, the forms and the API without a change
here; this module only adds what the engine cannot know (labels, the registry's choice
lists, which fields are dates, countries or names of records).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from twinning.activities.models import ActivityArea, ActivityKind
from twinning.core.partialdates import InvalidPartialDate, PartialDate
from twinning.extraction.facts import Fact
from twinning.partnerships.models import PartnershipKind, PartnershipStatus

# The engine's fact types by kind; a suggestion stores the fields of one of them.
FACT_TYPES: dict[str, type[Fact]] = {cls.kind: cls for cls in Fact.__subclasses__()}
# Attributes every fact has that are not the fact's own fields.
SPAN_FIELDS = frozenset({"start", "end", "evidence"})

# Labels of the engine's fields; a field the engine gains later is shown under its name.
FIELD_LABELS = {
    "a": _("party"),
    "a_country": _("country"),
    "b": _("partner"),
    "b_country": _("country of the partner"),
    "relation": _("kind"),
    "event": _("kind"),
    "title": _("title"),
    "name": _("name"),
    "role": _("role"),
    "org": _("organisation or place"),
    "status": _("status"),
    "since": _("since"),
    "ended": _("ended"),
    "date": _("date"),
    "end_date": _("end date"),
    "origin": _("from"),
    "destination": _("to"),
    "area": _("area"),
    "focus": _("focus areas"),
    "status_reason": _("words that set the status"),
    "term_years": _("term in years"),
    "tacit_renewal": _("renews tacitly"),
    "notice_months": _("notice period in months"),
    "a_place": _("gazetteer place of the party"),
    "b_place": _("gazetteer place of the partner"),
    "amount_min": _("amount (lowest)"),
    "amount_max": _("amount (highest)"),
    "currency": _("currency"),
    "what": _("for what"),
    "year": _("year"),
}

# Fields whose values come from the registry's choice lists, per kind of fact.
FIELD_CHOICES: dict[tuple[str, str], type[models.TextChoices]] = {
    ("partnership", "relation"): PartnershipKind,
    ("partnership", "status"): PartnershipStatus,
    ("event", "event"): ActivityKind,
    ("event", "area"): ActivityArea,
}
# Fields holding partial dates ("2012", "2012-05", "2012-05-21"), as (start, end) pairs
# where one must not come before the other.
DATE_RANGES = (("since", "ended"), ("date", "end_date"))
DATE_FIELDS = frozenset(name for pair in DATE_RANGES for name in pair)
# Fields holding amounts of money.
AMOUNT_FIELDS = frozenset({"amount_min", "amount_max"})


class NameRole(models.TextChoices):
    """What kind of registry record a name in a fact refers to."""

    PLACE = "place", _("place")
    ORGANISATION = "organisation", _("organisation")
    PERSON = "person", _("person")


# Fields that name a registry record, per kind of fact: field → (role, the field with the
# country it lies in, the field with the engine's gazetteer id for it).
NAME_FIELDS: dict[str, dict[str, tuple[str, str, str]]] = {
    "partnership": {
        "a": (NameRole.PLACE, "a_country", "a_place"),
        "b": (NameRole.PLACE, "b_country", "b_place"),
    },
    "event": {"origin": (NameRole.PLACE, "", ""), "destination": (NameRole.PLACE, "", "")},
    "person": {"name": (NameRole.PERSON, "", ""), "org": (NameRole.ORGANISATION, "", "")},
}


def fact_field_names(kind: str) -> list[str]:
    """Return the names of the fields of a kind of fact, in the engine's order."""
    return [f.name for f in dataclasses.fields(FACT_TYPES[kind]) if f.name not in SPAN_FIELDS]


def fact_fields(fact: Fact) -> dict[str, Any]:
    """Return a fact's own fields as JSON-ready values, keyed by the engine's names."""
    return {name: _json(getattr(fact, name)) for name in fact_field_names(fact.kind)}


def fact_from(kind: str, fields: dict[str, Any], *, start: int, end: int, quote: str) -> Fact:
    """Return the typed fact of a kind with these fields, ignoring names the engine lacks."""
    known = set(fact_field_names(kind))
    values = {key: value for key, value in (fields or {}).items() if key in known}
    return FACT_TYPES[kind](start=start, end=end, evidence=quote, **values)


def _json(value: Any) -> Any:
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def field_label(name: str) -> str:
    """Return the label of a fact's field."""
    return str(FIELD_LABELS.get(name, name.replace("_", " ")))


def field_text(kind: str, name: str, value: Any) -> str:
    """Return a field's value as a reader of the active language expects to see it."""
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value))
    choices = FIELD_CHOICES.get((kind, name))
    if choices is not None and value in choices.values:
        return str(choices(value).label)
    if name in DATE_FIELDS:
        try:
            return PartialDate.parse(value).format()
        except (InvalidPartialDate, TypeError):
            return str(value)
    if name.endswith("_country") and isinstance(value, str):
        return str(countries.name(value.upper()) or value)
    if name in AMOUNT_FIELDS and isinstance(value, int | float):
        places = 0 if float(value).is_integer() else 2
        return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)
    return str(value)
