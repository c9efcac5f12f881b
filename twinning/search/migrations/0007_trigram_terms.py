"""pg_trgm and a GiST trigram index of the vocabulary, on PostgreSQL only.

"Did you mean" then asks the database for the words nearest a misspelt one instead of
comparing it with the whole vocabulary in Python, which SQLite goes on doing.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "search_term_trigram"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_searchterm "
            "USING gist (term gist_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0006_facets_and_meta")]

    operations = [
        # CreateExtension does nothing on other databases.
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index),
    ]
