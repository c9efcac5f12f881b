"""Writes shared by every app: changing a record without losing anyone's change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from twinning.core.changes import ChangeAction, record_changed
from twinning.core.translated import in_reader_language

M = TypeVar("M", bound=models.Model)


class StaleRecord(ValidationError):
    """Raised when a change was based on a version of a record that is no longer current.

    It is a ``ValidationError`` so that forms show it like any other refusal; ``current``
    is the record as stored now, so the page can show the other person's change.
    """

    def __init__(self, *, current: models.Model, version: int | None):
        self.current = current
        self.version = version
        super().__init__(
            _(
                "Someone else changed this record after you opened it (it is now at "
                "version %(now)d, you had version %(had)s). Nothing of yours was saved; "
                "the form shows their change: check it and save again."
            )
            % {"now": current.version, "had": version},
            code="stale",
        )


def _as_stored(field: models.Field, value: Any) -> Any:
    # Compare foreign keys by id, so that an instance and its id count as the same value.
    if field.is_relation and isinstance(value, models.Model):
        return value.pk
    return value


def _changes(stored: models.Model, data: Mapping[str, Any]):
    """Split data into the plain fields and the many-to-many lists that differ from stored."""
    plain: dict[str, Any] = {}
    many: dict[str, Any] = {}
    for name, value in data.items():
        field = stored._meta.get_field(name)
        if field.many_to_many:
            wanted = {_as_stored(field, item) for item in value}
            if wanted != set(getattr(stored, name).values_list("pk", flat=True)):
                many[name] = value
        elif _as_stored(field, value) != getattr(stored, field.attname):
            plain[name] = value
    return plain, many


# How often a change without a version is laid again on a record that others keep changing.
MERGE_ATTEMPTS = 5


@transaction.atomic
def model_update(*, instance: M, data: Mapping[str, Any], version: int | None = None) -> M:
    """Write the fields of ``data`` that differ from the stored record, and raise its version.

    With ``version`` (what an edit form or an ``If-Match`` header carries) the change is
    refused with :class:`StaleRecord` unless the record is still at that version. Without
    it the change is laid on the record as it is now: only the fields that differ are
    written, so two people changing different fields at once both keep their change.
    Many-to-many fields in ``data`` are replaced whole when they differ. A translated
    field named without a language (``title``) is the reader's language (``title_da``).

    Changes are judged against the row in the database, not against ``instance``, which a
    ModelForm may already have filled in. The version check and the raise are one
    conditional UPDATE, which also holds the row until the transaction ends. Return the
    instance, reloaded, with its new version.
    """
    model = type(instance)
    manager = model._default_manager
    data = in_reader_language(model, data)
    for _attempt in range(MERGE_ATTEMPTS):
        stored = manager.get(pk=instance.pk)
        if version is not None and stored.version != version:
            raise StaleRecord(current=stored, version=version)
        plain, many = _changes(stored, data)
        if not plain and not many:
            # Nothing differs from what is stored: nothing to write, lose or refuse.
            instance.refresh_from_db()
            return instance
        if manager.filter(pk=instance.pk, version=stored.version).update(version=F("version") + 1):
            break
        if version is not None:
            raise StaleRecord(current=manager.get(pk=instance.pk), version=version)
    else:
        raise StaleRecord(current=manager.get(pk=instance.pk), version=version)
    # The row is held now; lay this change on what is stored.
    instance.refresh_from_db()
    for name, value in plain.items():
        setattr(instance, name, value)
    instance.full_clean()
    names = [instance._meta.get_field(name).name for name in plain]
    if any(field.name == "updated_at" for field in instance._meta.concrete_fields):
        names.append("updated_at")
    # save() writes a history row with the whole record even when no plain field changed.
    instance.save(update_fields=names or None)
    for name, value in many.items():
        getattr(instance, name).set(value)
    record_changed(instance=instance, action=ChangeAction.UPDATED)
    return instance


# Between what was there and what is added, as between paragraphs.
APPEND_SEPARATOR = "\n\n"


@transaction.atomic
def model_append(*, instance: M, field: str, text: str) -> M:
    """Add ``text`` at the end of a text field, after whatever others added meanwhile.

    The version is raised first, in one UPDATE that holds the row until the transaction
    ends, and the field is read again only then: two people adding at the same moment
    both find their text in the record, one after the other. Return the instance, reloaded.
    """
    model = type(instance)
    if not model._default_manager.filter(pk=instance.pk).update(version=F("version") + 1):
        raise model.DoesNotExist
    instance.refresh_from_db()
    current = getattr(instance, field)
    setattr(instance, field, f"{current}{APPEND_SEPARATOR}{text}" if current else text)
    instance.full_clean()
    names = [field]
    if any(f.name == "updated_at" for f in instance._meta.concrete_fields):
        names.append("updated_at")
    instance.save(update_fields=names)
    return instance
