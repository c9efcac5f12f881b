"""Record texts kept in several languages (django-modeltranslation).

Each app lists its translated fields in its ``translation.py`` with :func:`translated`.
A translated field ``title`` gains the columns ``title_en``, ``title_da`` and ``title_zh``;
reading ``record.title`` gives the reader's language, or the next language of
``MODELTRANSLATION_FALLBACK_LANGUAGES`` that has a text.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db import migrations, models
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname

# The record languages, as the translated columns are suffixed.
LANGUAGES: tuple[str, ...] = tuple(settings.MODELTRANSLATION_LANGUAGES)


def translated(model: type[models.Model], *fields: str) -> None:
    """Keep ``fields`` of ``model`` (and of its history, if it has one) in every language."""
    options = type(f"{model.__name__}Translation", (TranslationOptions,), {"fields": fields})
    translator.register(model, options)
    history = getattr(model._meta, "simple_history_manager_attribute", None)
    if history:
        # The history copies every column of the record, the translations among them.
        translator.register(getattr(model, history).model, options)


def record_languages() -> tuple[str, ...]:
    """Return the languages a record's texts can be kept in, the reader's first."""
    languages = tuple(settings.MODELTRANSLATION_LANGUAGES)
    reader = reader_language()
    return (reader, *(code for code in languages if code != reader))


def reader_language() -> str:
    """Return the record language that the active site language reads."""
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return active if active in settings.MODELTRANSLATION_LANGUAGES else settings.LANGUAGE_CODE


def translated_fields(model: type[models.Model]) -> tuple[str, ...]:
    """Return the names of ``model``'s translated fields (empty if it has none)."""
    try:
        return tuple(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return ()


def localized(field: str, language: str | None = None) -> str:
    """Return the column of ``field`` in ``language`` (the reader's by default)."""
    return build_localized_fieldname(field, language or reader_language())


def in_reader_language(model: type[models.Model], data: Mapping[str, Any]) -> dict[str, Any]:
    """Return ``data`` with each translated field named by its reader-language column."""
    fields = translated_fields(model)
    return {localized(name) if name in fields else name: value for name, value in data.items()}


def record_texts(record: models.Model) -> dict[str, dict[str, str]]:
    """Return the record's translated texts by language: ``{"da": {"title": …}}``."""
    fields = translated_fields(type(record))
    texts = {}
    for code in LANGUAGES:
        given = {
            name: value for name in fields if (value := getattr(record, localized(name, code)))
        }
        if given:
            texts[code] = given
    return texts


def every_language(record: models.Model) -> str:
    """Return the record's translated texts in every language, for full-text search."""
    return "\n".join(text for texts in record_texts(record).values() for text in texts.values())


def texts_as_fields(model: type[models.Model], texts: Mapping[str, Mapping[str, Any]]) -> dict:
    """Return ``{"da": {"title": …}}`` as the columns it names (``title_da``).

    Raise ``KeyError`` naming the first field that is not one of the model's translated
    fields.
    """
    fields = translated_fields(model)
    columns = {}
    for code, given in texts.items():
        for name, value in given.items():
            if name not in fields:
                raise KeyError(name)
            columns[localized(name, code)] = value or ""
    return columns


def other_languages(model: type[models.Model], item: Mapping[str, Any]) -> dict:
    """Return the texts a data file gives in other languages (``"da": {"title": …}``)."""
    texts = {code: item[code] for code in LANGUAGES if isinstance(item.get(code), Mapping)}
    return texts_as_fields(model, texts)


def _written_in(text: str) -> str:
    from twinning.extraction.language import detect_language

    code = detect_language(text) or settings.LANGUAGE_CODE
    if code == "zh" or code in settings.MODELTRANSLATION_LANGUAGES:
        return code
    # Norwegian and Swedish read closest to Danish among the record languages.
    return "da" if code in {"nb", "no", "sv"} else settings.LANGUAGE_CODE


def file_texts_by_language(app_label: str, fields: dict[str, tuple[str, ...]]):
    """Return a migration step that files each record's texts under their language.

    Texts written before records kept several languages sit in one column; the language
    of a record's texts taken together decides which language's columns receive them.
    The record's history is filed the same way, row by row.
    """

    def forward(apps, schema_editor):
        for model_name, names in fields.items():
            models_ = [apps.get_model(app_label, model_name)]
            with contextlib.suppress(LookupError):
                models_.append(apps.get_model(app_label, f"Historical{model_name}"))
            for model in models_:
                changed: dict[str, list] = {}
                for row in model._base_manager.only("pk", *names).iterator():
                    text = "\n".join(getattr(row, name) or "" for name in names)
                    if not text.strip():
                        continue
                    language = _written_in(text)
                    for name in names:
                        setattr(row, f"{name}_{language}", getattr(row, name))
                    changed.setdefault(language, []).append(row)
                for language, rows in changed.items():
                    localized = [f"{name}_{language}" for name in names]
                    model._base_manager.bulk_update(rows, localized, batch_size=500)

    return migrations.RunPython(forward, migrations.RunPython.noop)
