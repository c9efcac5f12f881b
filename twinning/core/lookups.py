"""What the searchable pickers of the edit forms offer, declared by the app that owns it.

An app whose records are picked in other apps' forms describes them in its own
``lookups.py``: one ``Lookup`` per kind, passed to ``register()``. A lookup says which
records a user may pick (visibility applied), how typed text finds them, how they are
named, and, where it makes sense to make one without leaving the form, which form and
service create a new record. The forms declare ``Picker("places")`` as a widget; the
widget, the JSON endpoint that feeds it and the small dialog that creates a record are
all built from the lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db.models import Model, QuerySet
from django.forms.models import ModelChoiceIterator
from django.urls import reverse
from django.utils.translation import gettext as _

# Up to this many choices a picker lists them all (and works as a plain select without
# JavaScript); beyond, it lists the chosen ones and finds the others as the user types.
MAX_OPTIONS = 500
# The most matches one lookup answers with.
MATCHES = 30


def _name_contains(queryset: QuerySet, text: str, limit: int) -> list:
    return list(queryset.filter(name__icontains=text)[:limit])


@dataclass(frozen=True)
class Lookup:
    """How records of one kind are offered in pickers."""

    name: str
    # The records the user may pick.
    queryset: Callable[[Any], QuerySet]
    # The records among those whose names match typed text, best first.
    matches: Callable[[QuerySet, str, int], list] = _name_contains
    label: Callable[[Any], str] = str
    # Inline creation: a form class taking ``user``, the fields the dialog keeps (the
    # others keep their defaults), and the service that creates from the cleaned data.
    title: str = ""  # the dialog's heading, e.g. "New place"
    form: type[forms.BaseForm] | None = None
    form_fields: Sequence[str] = ()
    create: Callable[..., Model] | None = None
    # Whether the user may create one at all.
    may_create: Callable[[Any], bool] = field(default=lambda user: False)

    def options(self, user, text: str) -> list[dict]:
        """Return the records matching the typed text as the picker's options."""
        text = text.strip()
        if not text:
            return []
        return [
            {"value": str(record.pk), "text": self.label(record)}
            for record in self.matches(self.queryset(user), text, MATCHES)
        ]

    def creation_form(self, user, data=None, initial=None) -> forms.BaseForm:
        """Return the app's form for a new record, cut down to the dialog's fields."""
        form = self.form(data, initial=initial or {}, user=user)
        for name in list(form.fields):
            if name not in self.form_fields:
                del form.fields[name]
        return form


_registry: dict[str, Lookup] = {}


def register(lookup: Lookup) -> Lookup:
    """Make a kind of record available to pickers under its name."""
    _registry[lookup.name] = lookup
    return lookup


def get(name: str) -> Lookup:
    """Return the lookup registered under a name (KeyError if none)."""
    return _registry[name]


class Picker(forms.Select):
    """A select enhanced into a searchable picker (tom-select) fed by a lookup.

    It renders a plain ``<select>``, so the form works without JavaScript while the
    choices are few; the script turns it into a combobox that searches as one types.
    """

    allow_multiple_selected = False

    def __init__(self, lookup: str, *, creatable: bool = False, attrs=None):
        super().__init__(attrs)
        self.lookup = lookup
        self.creatable = creatable
        self.user = None

    def _limited(self, value) -> bool:
        """List every choice when there are few, else only the chosen ones.

        The rows are read once, one more than the limit, so that the few need no count.
        """
        choices = self.choices
        if not isinstance(choices, ModelChoiceIterator):
            return False
        field = choices.field
        empty = [("", field.empty_label)] if field.empty_label is not None else []
        rows = list(choices.queryset[: MAX_OPTIONS + 1])
        limited = len(rows) > MAX_OPTIONS
        if limited:
            chosen = [v for v in value if v and str(v).isdigit()]
            rows = list(choices.queryset.filter(pk__in=chosen)) if chosen else []
        options = [(field.prepare_value(r), field.label_from_instance(r)) for r in rows]
        self.choices = empty + options
        return limited

    def get_context(self, name, value, attrs):
        limited = self._limited(self.format_value(value))
        context = super().get_context(name, value, attrs)
        picker = {
            "data-picker": "multiple" if self.allow_multiple_selected else "single",
            "data-lookup-url": reverse("core:lookup", args=[self.lookup]),
            "data-complete": "false" if limited else "true",
            "data-text-none": _("Nothing found. Type more of the name."),
            "data-text-remove": _("Remove"),
        }
        lookup = _registry.get(self.lookup)
        user = self.user
        if self.creatable and lookup and lookup.create and user and lookup.may_create(user):
            picker["data-create-url"] = reverse("core:lookup_create", args=[self.lookup])
            picker["data-text-create"] = _("New: “%s”…")
        context["widget"]["attrs"].update(picker)
        context["widget"]["limited"] = limited
        return context


class MultiPicker(Picker, forms.SelectMultiple):
    """A multiple choice picker: chosen records show as removable items."""

    allow_multiple_selected = True


def use_pickers(form: forms.BaseForm, user) -> None:
    """Give the form's picker fields the records the user may pick.

    Call it first in a form's ``__init__``; the form may narrow a queryset afterwards.
    """
    for form_field in form.fields.values():
        widget = form_field.widget
        if isinstance(widget, Picker) and widget.lookup in _registry:
            widget.user = user
            if hasattr(form_field, "queryset"):
                form_field.queryset = _registry[widget.lookup].queryset(user)
