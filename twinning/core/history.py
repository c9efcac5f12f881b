"""Read the change history that django-simple-history keeps for a record."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# Bookkeeping columns that change on every save and say nothing to a reader.
_IGNORED = {"created_at", "updated_at", "search_key"}

_KINDS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


@dataclass
class HistoryEntry:
    user: object
    date: object
    kind: str
    fields: list[str] = field(default_factory=list)


def change_history(obj, *, limit: int = 20) -> list[HistoryEntry]:
    """Return the latest changes of a record, newest first, naming the fields each changed."""
    records = list(
        obj.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : limit + 1
        ]
    )
    labels = {f.name: f.verbose_name for f in obj._meta.get_fields() if hasattr(f, "verbose_name")}
    entries = []
    for newer, older in zip(records[:limit], [*records[1:], None], strict=False):
        changed = []
        if older is not None and newer.history_type == "~":
            delta = newer.diff_against(older, excluded_fields=_IGNORED)
            changed = [str(labels.get(name, name)) for name in delta.changed_fields]
        entries.append(
            HistoryEntry(
                user=newer.history_user,
                date=newer.history_date,
                kind=str(_KINDS.get(newer.history_type, newer.history_type)),
                fields=changed,
            )
        )
    return entries
