"""Reads shared by every app: change history and the stamp of the data."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import weakref
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection
from django.db.models import Model
from django.utils.translation import gettext_lazy as _

ACTIONS = {"+": _("created"), "~": _("changed"), "-": _("deleted")}


@dataclass
class Change:
    """One entry of a record's history, with the names of the fields it changed."""

    record: Model
    kind: str
    label: str
    url_name: str
    fields: list[str] = field(default_factory=list)

    @property
    def when(self) -> dt.datetime:
        return self.record.history_date

    @property
    def who(self):
        return self.record.history_user

    @property
    def action(self) -> str:
        return ACTIONS.get(self.record.history_type, self.record.history_type)

    @property
    def object_id(self) -> int:
        return self.record.id


def changed_fields(new, old, *, m2m_sets: dict | None = None) -> list[str]:
    """Return the verbose names of the fields that differ between two history records.

    Many-to-many fields are compared through ``m2m_sets`` ({field name: {history_id: set}})
    rather than by diff_against, which would query once per field and record.
    """
    model = new.instance_type
    m2m_names = [f.name for f in getattr(new, "_history_m2m_fields", [])]
    delta = new.diff_against(old, excluded_fields=m2m_names)
    names = list(delta.changed_fields)
    for name, sets in (m2m_sets or {}).items():
        if sets.get(new.history_id, set()) != sets.get(old.history_id, set()):
            names.append(name)
    return [str(model._meta.get_field(name).verbose_name) for name in sorted(names)]


def m2m_history_sets(records, field_name: str) -> dict[int, set[int]]:
    """Return {history_id: set of related ids} of an m2m field for the given records."""
    if not records:
        return {}
    model = records[0].instance_type
    # simple-history keeps each m2m field's rows per history record in a model of its own.
    through = getattr(records[0], field_name).model
    target = model._meta.get_field(field_name).related_model._meta.model_name
    sets: dict[int, set[int]] = defaultdict(set)
    rows = through.objects.filter(history__in=[r.history_id for r in records]).values_list(
        "history_id", f"{target}_id"
    )
    for history_id, related_id in rows:
        sets[history_id].add(related_id)
    return sets


def history_changes(records, *, kind: str, label, url_name: str) -> list[Change]:
    """Return changes for history records of one object, newest first.

    ``records`` must hold every record of the object that should be compared, newest
    first; each record is compared with the next older one.
    """
    records = list(records)
    m2m_sets = {
        f.name: m2m_history_sets(records, f.name)
        for f in (getattr(records[0], "_history_m2m_fields", []) if records else [])
    }
    changes = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        names = []
        if older is not None and newer.history_type == "~":
            names = changed_fields(newer, older, m2m_sets=m2m_sets)
        changes.append(
            Change(newer, kind=kind, label=label(newer), url_name=url_name, fields=names)
        )
    return changes


# Apps whose tables no page draws from: accounts (visibility is part of every cache key
# already) and the ingestion queue.
_UNSTAMPED_APPS = {"accounts", "ingestion"}


@functools.cache
def _stamp_sql() -> str:
    quote = connection.ops.quote_name
    parts = []
    for model in apps.get_models():
        if not model.__module__.startswith("twinning.") or model._meta.app_label in _UNSTAMPED_APPS:
            continue
        table = quote(model._meta.db_table)
        if model.__name__.startswith("Historical"):
            parts.append(f"(SELECT MAX(history_id) FROM {table})")
        elif not hasattr(model, "history"):
            parts.append(f"(SELECT MAX({quote(model._meta.pk.column)}) FROM {table})")
            # A large table that keeps its own time of change (the search index) is
            # stamped by it, through its index; the small ones by their size.
            if any(field.name == "updated_at" for field in model._meta.fields):
                parts.append(f"(SELECT MAX(updated_at) FROM {table})")
            else:
                parts.append(f"(SELECT COUNT(*) FROM {table})")
    if connection.vendor != "postgresql":
        return "SELECT " + ", ".join(parts)
    # A PostgreSQL snapshot (xmin:xmax:ids in progress) names exactly which transactions'
    # changes a statement sees: two equal snapshots see the same data, and any write
    # committed anywhere on the server gives a new one. It is read instead of the tables
    # unless this transaction has written something itself, which leaves its snapshot
    # as it was. The subqueries of the branch not taken are never run.
    values = ", ".join(f"({part})::text" for part in parts)
    return (
        "SELECT CASE WHEN pg_current_xact_id_if_assigned() IS NULL "
        "THEN 'snapshot ' || pg_current_snapshot()::text "
        f"ELSE concat_ws(',', {values}) END"
    )


def data_stamp() -> str:
    """Return a short stamp that changes whenever the records pages show change.

    Every create, change or delete of a tracked record, imports included, writes a
    history row, so the newest history id of each tracked model moves with it; the few
    untracked tables are stamped by their newest id and size. One query of index
    lookups: far cheaper than the pages it lets the fragment cache keep. On PostgreSQL
    a connection that has not written is stamped by its snapshot, cheaper still.
    """
    if connection.vendor == "postgresql":
        row = _prepared_row(_stamp_sql())
    else:
        with connection.cursor() as cursor:
            cursor.execute(_stamp_sql())
            row = cursor.fetchone()
    return hashlib.blake2b(repr(row).encode(), digest_size=8).hexdigest()


# Raw PostgreSQL connections on which the stamp statement has been prepared.
_PREPARED_ON: weakref.WeakSet = weakref.WeakSet()


def _prepared_row(sql: str) -> tuple:
    # PostgreSQL spends most of this query's time planning its fifty subqueries; a
    # statement prepared once per connection is planned once. Django's cursors bind on
    # the client and never prepare, so the statement is prepared by name in SQL.
    connection.ensure_connection()
    raw = connection.connection
    with connection.cursor() as cursor:
        if raw not in _PREPARED_ON:
            cursor.execute(
                "SELECT 1 FROM pg_prepared_statements WHERE name = 'twinning_data_stamp'"
            )
            if cursor.fetchone() is None:
                cursor.execute(f"PREPARE twinning_data_stamp AS {sql}")
            _PREPARED_ON.add(raw)
        cursor.execute("EXECUTE twinning_data_stamp")
        return cursor.fetchone()
