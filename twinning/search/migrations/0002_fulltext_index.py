"""The full-text index of search entries, which each database builds its own way."""

from django.db import migrations

FTS_CREATE = (
    "CREATE VIRTUAL TABLE search_entry_fts USING fts5("
    "title_terms, terms, tags, content='search_searchentry', content_rowid='rank_key', "
    "detail='column', prefix='2 3', tokenize='unicode61 remove_diacritics 0')"
)
GIN_CREATE = "CREATE INDEX search_entry_vector_gin ON search_searchentry USING gin (vector)"


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(FTS_CREATE)
    elif vendor == "postgresql":
        schema_editor.execute(GIN_CREATE)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_entry_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_entry_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
