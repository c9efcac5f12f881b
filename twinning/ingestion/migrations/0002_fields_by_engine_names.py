"""Key stored fact fields by the engine's attribute names ("relation", "origin", ...)."""

from django.db import migrations

# Old record key → the engine's attribute name, per kind of fact.
RENAMED = {
    "partnership": {"kind": "relation"},
    "event": {"from": "origin", "to": "destination"},
}


def _rename(fields, names):
    return {names.get(key, key): value for key, value in (fields or {}).items()}


def _undo(fields, names):
    back = {new: old for old, new in names.items()}
    return {back.get(key, key): value for key, value in (fields or {}).items()}


def forwards(apps, schema_editor, convert=_rename):
    Suggestion = apps.get_model("ingestion", "Suggestion")
    for kind, names in RENAMED.items():
        changed = []
        for suggestion in Suggestion.objects.filter(kind=kind).only("fields", "extracted"):
            suggestion.fields = convert(suggestion.fields, names)
            suggestion.extracted = convert(suggestion.extracted, names)
            changed.append(suggestion)
        Suggestion.objects.bulk_update(changed, ["fields", "extracted"], batch_size=500)


def backwards(apps, schema_editor):
    forwards(apps, schema_editor, convert=_undo)


class Migration(migrations.Migration):
    dependencies = [("ingestion", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
