"""Insert many rows at once, with their history, for imports of tens of thousands.

The ORM's bulk_create builds a model instance and compiles every value of every row
through its fields; for an import of a national registry that took most of the time.
Here rows are plain tuples streamed to the database (COPY on PostgreSQL, executemany on
SQLite) in the caller's transaction, with ids reserved up front so that history rows and
links can be written in the same pass. Values that the database driver does not take as
they are (dates, partial dates, countries) still go through the field's own conversion.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

from django.db import connection
from django.db.models import Model
from django.utils import timezone

_PLAIN = (str, int, float, bool, type(None))
BATCH = 5000


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def reserve_ids(model: type[Model], count: int) -> list[int]:
    """Return ``count`` new primary keys of the model's table, never used before.

    Call inside a transaction that writes the table: on SQLite the transaction already
    holds the write lock, on PostgreSQL the keys come from the table's own sequence.
    """
    if count == 0:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # AUTOINCREMENT tables remember their highest key even after deletions, so that
        # history rows of a deleted record are never taken for a new one's.
        cursor.execute(f"SELECT MAX({_quote(column)}) FROM {_quote(table)}")
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        highest = max(highest, row[0] if row else 0)
    return list(range(highest + 1, highest + 1 + count))


def _prepare(fields, rows: Iterable[Sequence]) -> Iterator[tuple]:
    # Imports repeat the same few dates and timestamps on every row: each distinct value
    # is converted once.
    converted: dict = {}

    def convert(index: int, value):
        key = (index, value)
        try:
            return converted[key]
        except KeyError:
            result = converted[key] = fields[index].get_db_prep_save(value, connection)
            return result
        except TypeError:
            return fields[index].get_db_prep_save(value, connection)

    for row in rows:
        yield tuple(
            value if isinstance(value, _PLAIN) else convert(index, value)
            for index, value in enumerate(row)
        )


def write_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Write rows of database values into the named columns of a table; return how many.

    PostgreSQL takes them through COPY, a stream the server stores without parsing and
    planning a statement per row; SQLite, in-process, through executemany in batches.
    """
    names = ", ".join(_quote(column) for column in columns)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The raw cursor's COPY bypasses Django's wrapper; errors are translated here
            # so that callers see IntegrityError and friends as from any other write.
            sql = f"COPY {_quote(table)} ({names}) FROM STDIN"
            with connection.wrap_database_errors, cursor.cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
            return count
        marks = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})"
        rows = iter(rows)
        while batch := list(itertools.islice(rows, BATCH)):
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def insert_rows(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence]) -> int:
    """Insert rows of values for the given field attnames; return how many were inserted."""
    fields = [model._meta.get_field(name) for name in columns]
    return write_rows(
        model._meta.db_table, [field.column for field in fields], _prepare(fields, rows)
    )


def create_with_history(
    model: type[Model], records: Sequence[dict], *, history_user=None
) -> list[int]:
    """Create records given as {attname: value}, each with a "created" history row.

    Fields left out get their defaults, and ``created_at``/``updated_at`` style fields
    the current time. Return the new primary keys in the order of the records.
    """
    if not records:
        return []
    now = timezone.now()
    ids = reserve_ids(model, len(records))
    pk_name = model._meta.pk.attname
    fields = [f for f in model._meta.concrete_fields if f.attname != pk_name]

    def default(field):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        return field.get_default()

    defaults = {field.attname: default(field) for field in fields}
    columns = [pk_name, *(field.attname for field in fields)]
    rows = [
        (pk, *(record.get(name, defaults[name]) for name in columns[1:]))
        for pk, record in zip(ids, records, strict=True)
    ]
    insert_rows(model, columns, rows)

    history = getattr(model, "history", None)
    if history is not None:
        historical = history.model
        tracked = [field.attname for field in historical.tracked_fields]
        position = {name: index for index, name in enumerate(columns)}
        extra = {
            "history_date": now,
            "history_change_reason": "",
            "history_type": "+",
            "history_user_id": getattr(history_user, "pk", None),
        }
        history_columns = [*tracked, *extra]
        history_rows = [
            (*(row[position[name]] for name in tracked), *extra.values()) for row in rows
        ]
        insert_rows(historical, history_columns, history_rows)
    return ids
