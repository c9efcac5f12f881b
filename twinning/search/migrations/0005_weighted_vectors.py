"""Give PostgreSQL's vectors positions, so that words of a title keep their weight.

Vectors written before had lexemes without positions, which drop their weights: a search
of titles alone matched words anywhere in an entry.
"""

from django.db import migrations

from twinning.search.backends import tsvector_text

CHUNK = 5000


def weigh(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT rank_key, title_terms, terms FROM search_searchentry")
        rows = cursor.fetchall()
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            cursor.execute(
                "UPDATE search_searchentry SET vector = v.vector::tsvector "
                "FROM unnest(%s::bigint[], %s::text[]) AS v(key, vector) "
                "WHERE rank_key = v.key",
                [
                    [key for key, _title, _terms in chunk],
                    [tsvector_text(title, terms) for _key, title, terms in chunk],
                ],
            )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_updated_index")]

    operations = [migrations.RunPython(weigh, migrations.RunPython.noop)]
