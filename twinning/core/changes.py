"""Changes of records, told to the apps that listen once the change is committed.

Services call ``record_changed()`` explicitly next to the write, as they call the search
index; nothing is done with signals. An app that acts on changes (outgoing webhooks)
connects a listener with ``listen()`` when it is ready, so that the apps whose records
change never import it. A change rolled back is never told.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

log = logging.getLogger(__name__)


class ChangeAction(models.TextChoices):
    """What happened to a record."""

    CREATED = "created", _("created")
    UPDATED = "updated", _("updated")
    DELETED = "deleted", _("deleted")


@dataclass(frozen=True)
class Change:
    """One committed change of a record, as it stood at the change."""

    action: str
    model: str
    pk: int
    owner_id: int | None
    title: str
    url: str
    version: int | None
    at: datetime


_listeners: list[Callable[[Change], None]] = []


def listen(listener: Callable[[Change], None]) -> None:
    """Call the listener with every change committed from now on."""
    if listener not in _listeners:
        _listeners.append(listener)


def owner_id_of(instance: models.Model) -> int | None:
    """Return the organisation a record belongs to: its own, or that of its parent record."""
    if hasattr(instance, "owner_id"):
        return instance.owner_id
    for field in instance._meta.concrete_fields:
        if field.many_to_one and hasattr(field.related_model, "owner"):
            parent = getattr(instance, field.name, None)
            if parent is not None:
                return parent.owner_id
    return None


def _tell(change: Change) -> None:
    for listener in list(_listeners):
        try:
            listener(change)
        except Exception:
            # The change is committed; a listener that fails must not undo the request.
            log.exception("a listener failed on %s %s %s", change.model, change.pk, change.action)


def record_changed(*, instance: models.Model, action: str) -> None:
    """Tell the listeners of a change of a record once the transaction commits.

    Call it before deleting a record, so that what it was is still known.
    """
    if not _listeners:
        return
    url = instance.get_absolute_url() if hasattr(instance, "get_absolute_url") else ""
    change = Change(
        action=ChangeAction(action).value,
        model=instance._meta.concrete_model._meta.label,
        pk=instance.pk,
        owner_id=owner_id_of(instance),
        title=str(instance)[:300],
        url=url,
        version=getattr(instance, "version", None),
        at=timezone.now(),
    )
    transaction.on_commit(lambda: _tell(change))
