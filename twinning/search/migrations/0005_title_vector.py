"""A vector of the title's words alone on PostgreSQL, with its own GIN index.

Searches of titles matched a weight within the one vector before; but lexemes without
positions lose their weights, so they matched words anywhere in an entry. The vectors of
existing entries are written anew.
"""

import django.contrib.postgres.search
from django.db import migrations

from twinning.search.backends import entry_vectors

CHUNK = 5000
GIN_CREATE = (
    "CREATE INDEX search_entry_title_vector_gin ON search_searchentry USING gin (title_vector)"
)


def fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT rank_key, title_terms, terms FROM search_searchentry")
        rows = cursor.fetchall()
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            vectors = [entry_vectors(title, terms) for _key, title, terms in chunk]
            cursor.execute(
                "UPDATE search_searchentry "
                "SET vector = v.vector::tsvector, title_vector = v.title_vector::tsvector "
                "FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(key, vector, title_vector) "
                "WHERE rank_key = v.key",
                [
                    [key for key, _title, _terms in chunk],
                    [vector for vector, _title_vector in vectors],
                    [title_vector for _vector, title_vector in vectors],
                ],
            )
        cursor.execute(GIN_CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_title_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("search", "0004_updated_index")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="title_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(fill, drop),
    ]
