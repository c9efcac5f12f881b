"""One set of checks for text, used by every path that writes: forms, API, import, ingest.

Text in the registry is read by people and copied into letters, spreadsheets and other
systems, so characters that cannot be seen are refused with a message naming them:
control characters (NUL and the rest of C0 and C1 except tab and line breaks), zero-width
characters, and the bidirectional embeddings, overrides and isolates that can make text
display in another order than it is stored. Long text is bounded as well.
"""

from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters but tab, LF and CR
    "\u200b-\u200d\u2060\ufeff"  # zero-width space, joiners, word joiner, BOM
    "\u202a-\u202e\u2066-\u2069]"  # bidirectional embeddings, overrides and isolates
)


def _name(character: str) -> str:
    return unicodedata.name(character, "") or {"\x00": "NULL"}.get(character, "CONTROL")


def validate_text(value: str) -> None:
    """Refuse text holding an invisible control, zero-width or bidi-override character."""
    if not isinstance(value, str):
        return
    found = _INVISIBLE.search(value)
    if found:
        character = found.group()
        raise ValidationError(
            _(
                "Contains the invisible character U+%(code)04X %(name)s at position "
                "%(position)d; remove it."
            ),
            code="invisible_character",
            params={
                "code": ord(character),
                "name": _name(character),
                "position": found.start() + 1,
            },
        )


def text_limit() -> int:
    """Return the most characters a long text field (notes, summaries) may hold."""
    return getattr(settings, "TWINNING_MAX_TEXT_LENGTH", 100_000)


def validate_text_length(value: str) -> None:
    """Refuse long text beyond :func:`text_limit`."""
    limit = text_limit()
    if isinstance(value, str) and len(value) > limit:
        raise ValidationError(
            _("Holds %(length)d characters; at most %(limit)d are allowed."),
            code="too_long",
            params={"length": len(value), "limit": limit},
        )


def text_field_errors(instance: models.Model, exclude=()) -> dict[str, list[ValidationError]]:
    """Return the text checks' refusals for every text field of a record, by field name."""
    errors: dict[str, list[ValidationError]] = {}
    for field in instance._meta.concrete_fields:
        if field.name in exclude or not isinstance(field, models.CharField | models.TextField):
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, str):
            continue
        checks = [validate_text]
        if isinstance(field, models.TextField):
            checks.append(validate_text_length)
        for check in checks:
            try:
                check(value)
            except ValidationError as exc:
                errors.setdefault(field.name, []).append(exc)
    return errors


def field_value_errors(model: type[models.Model], name: str, value) -> list[str]:
    """Return why a value may not be stored in a model's field (its own checks and ours)."""
    field = model._meta.get_field(name)
    messages: list[str] = []
    try:
        field.clean(value, None)
    except ValidationError as exc:
        messages.extend(exc.messages)
    for check in (validate_text, validate_text_length):
        if check is validate_text_length and not isinstance(field, models.TextField):
            continue
        try:
            check(value)
        except ValidationError as exc:
            messages.extend(exc.messages)
    return messages
