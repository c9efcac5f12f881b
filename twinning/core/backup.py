"""Copy the whole database to one file and back: SQLite's online backup, or pg_dump.

A backup is taken while the site runs: SQLite's backup API copies a consistent snapshot
page by page, and pg_dump reads inside one transaction. A restore replaces everything in
the configured database with the file's contents, all or nothing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.cache import caches
from django.db import connection

from twinning.core.exports import atomic_path


class BackupError(RuntimeError):
    """Raised when a backup cannot be written or a file cannot be restored."""


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        arguments += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        arguments += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        arguments += ["--username", settings["USER"]]
    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return arguments, environment


def _run(program: str, arguments: list[str], environment: dict[str, str]) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed; install the PostgreSQL client tools.")
    done = subprocess.run(
        [executable, *arguments], env=environment, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()}")


def backup_database(path: Path) -> None:
    """Write a complete copy of the database to ``path``; the file appears only when whole."""
    path = Path(path)
    connection.ensure_connection()
    with atomic_path(path) as temporary:
        if _is_sqlite():
            target = sqlite3.connect(temporary)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            arguments, environment = _pg_environment()
            _run(
                "pg_dump",
                ["--format=custom", "--no-owner", "--no-privileges", "--file", str(temporary)]
                + arguments,
                environment,
            )


def _check_sqlite_backup(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise BackupError(f"{path}: {exc.strerror}") from exc
    if header != b"SQLite format 3\x00":
        raise BackupError(f"{path} is not an SQLite backup of twinning.")
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = source.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'django_migrations'"
        ).fetchone()
    finally:
        source.close()
    if not found:
        raise BackupError(f"{path} is not an SQLite backup of twinning.")


def restore_database(path: Path) -> None:
    """Replace the whole database with the backup in ``path``, all or nothing."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    connection.ensure_connection()
    if _is_sqlite():
        _check_sqlite_backup(path)
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            # The backup API swaps the pages in one step; readers see before or after.
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        arguments, environment = _pg_environment()
        connection.close()
        _run(
            "pg_restore",
            ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
            + arguments
            + [str(path)],
            environment,
        )
    for cache in caches.all():
        cache.clear()


def table_fingerprints() -> dict[str, tuple[int, str]]:
    """Return every table's row count and a checksum of its rows, in primary-key order."""
    fingerprints = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY 1")
            digest = hashlib.sha256()
            count = 0
            for row in cursor.fetchall():
                count += 1
                digest.update(repr(tuple(_plain(value) for value in row)).encode())
            fingerprints[table] = (count, digest.hexdigest())
    return fingerprints


def _plain(value):
    # Drivers hand back memoryview for binary columns; compare their bytes.
    return bytes(value) if isinstance(value, memoryview) else value
