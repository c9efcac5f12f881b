"""Writes of the search index: the only code that changes search entries.

Services of other apps call ``core.search.search_entry_update(obj)`` after saving a record
and ``core.search.search_entry_delete(obj)`` before deleting one, and bulk writers
(imports) ``core.search.search_entries_index(kind=..., ids=...)``: this app connects the
functions below to those (see apps.py). ``search_entries_rebuild()`` rebuilds it all.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from django.db import router, transaction
from django.db.models import Model
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone

from twinning.core.bulk import write_rows
from twinning.core.search import (
    Document,
    Indexer,
    dependents_of,
    indexer_for,
    indexer_of,
    installed_indexers,
    kind_range,
    meta_lines,
    rank_key,
)
from twinning.search.analysis import MAX_WORD, MIN_COMPLETION, fold_fast, terms
from twinning.search.backends import ENTRY_TABLE, backend
from twinning.search.models import SearchEntry, SearchTerm

BATCH = 2000
# Rows are streamed in as plain tuples (``write_rows``): the ORM's bulk_create spent more
# time compiling SQL than the database spent storing the rows.
COLUMNS = (
    "kind",
    "object_id",
    "rank_key",
    "title",
    "title_key",
    "body",
    "meta",
    "title_terms",
    "terms",
    "tags",
    "countries",
    "year",
    "focus_areas",
    "partnerships",
    "is_public",
    "owner_id",
    "updated_at",
)

_KEY, _TITLE_TERMS, _TERMS = (COLUMNS.index(name) for name in ("rank_key", "title_terms", "terms"))


def _tags(document: Document) -> str:
    # Visibility, country and year as index terms, so that SQLite's index applies them
    # itself instead of returning rows to be filtered afterwards.
    tags = ["zpub"] if document.is_public else []
    if document.owner_id is not None:
        tags.append(f"zo{document.owner_id}")
    tags += [f"zc{code.lower()}" for code in document.countries]
    if document.year:
        tags.append(f"zy{document.year}")
    tags += [f"zf{pk}" for pk in document.focus_areas]
    tags += [f"zp{pk}" for pk in document.partnerships]
    return " ".join(tags)


def _ids(values: list[int]) -> str:
    # Between spaces, so that " 12 " is looked up without matching 112.
    return f" {' '.join(str(pk) for pk in dict.fromkeys(values))} " if values else ""


def _row(indexer: Indexer, pk: int, document: Document, now) -> tuple:
    """Return the entry of one record as a row of COLUMNS."""
    names = [document.title, *document.other_names]
    keys = dict.fromkeys(key for key in map(fold_fast, names) if key)
    meta = meta_lines(document.meta)
    return (
        indexer.kind,
        pk,
        rank_key(indexer.kind, pk),
        document.title[:500],
        ("|" + "|".join(keys) + "|")[:1000],
        document.body,
        json.dumps(meta, ensure_ascii=False),
        " ".join(terms(" ".join(names))),
        " ".join(terms(" ".join([document.body, *document.keywords, *meta.values()]))),
        _tags(document),
        f" {' '.join(document.countries)} " if document.countries else "",
        document.year,
        _ids(document.focus_areas),
        _ids(document.partnerships),
        document.is_public,
        document.owner_id,
        now,
    )


def _insert(rows: list[tuple]) -> None:
    write_rows(ENTRY_TABLE, *backend().with_index(COLUMNS, rows))
    vocabulary = sorted(
        {
            term
            for row in rows
            for column in (row[_TITLE_TERMS], row[_TERMS])
            for term in column.split()
            if MIN_COMPLETION <= len(term) <= MAX_WORD
        }
    )
    backend().add_terms(vocabulary)
    backend().remember([row[_KEY] for row in rows])


def _rows(indexer: Indexer, ids: Sequence[int]) -> list[tuple]:
    now = timezone.now()
    return [_row(indexer, pk, document, now) for pk, document in indexer.documents_of(ids)]


def _remove(keys: Sequence[int]) -> None:
    backend().forget(keys)
    for start in range(0, len(keys), BATCH):
        backend().delete_entries(keys[start : start + BATCH])


@transaction.atomic
def search_entries_index(*, kind: str, ids: Iterable[int]) -> int:
    """Index (again) the records of one kind with these ids; return how many were indexed.

    Records that no longer exist lose their entries. Each batch of records is loaded in a
    fixed number of queries, so this is the way to index the output of an import.
    """
    indexer = indexer_of(kind)
    ids = list(dict.fromkeys(ids))
    indexed = 0
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        rows = _rows(indexer, batch)
        _remove([rank_key(kind, pk) for pk in batch])
        _insert(rows)
        indexed += len(rows)
    return indexed


@transaction.atomic
def search_entry_update(obj: Model) -> None:
    """Index one record (again) after it was saved, with the entries that show its text."""
    indexer = indexer_for(obj)
    search_entries_index(kind=indexer.kind, ids=[obj.pk])
    for kind, ids in dependents_of(obj).items():
        if ids:
            search_entries_index(kind=kind, ids=ids)


@transaction.atomic
def search_entry_delete(obj: Model) -> None:
    """Remove a record from the index, with the indexed records its deletion takes along.

    Call before deleting it: a project's phases and a partnership's agreements go with
    them, and Django's deletion collector names them before they are gone.
    """
    keys = [rank_key(indexer_for(obj).kind, obj.pk)]
    indexed = {indexer.model: indexer.kind for indexer in installed_indexers()}
    if obj.pk is not None and obj._state.adding is False:
        collector = Collector(using=router.db_for_write(type(obj)), origin=obj)
        try:
            collector.collect([obj])
        except (ProtectedError, RestrictedError):
            # The deletion itself will be refused, and nothing else with it.
            collector.data.clear()
            collector.fast_deletes.clear()
        doomed: dict[type, set[int]] = {}
        for model, records in collector.data.items():
            doomed.setdefault(model, set()).update(record.pk for record in records)
        for queryset in collector.fast_deletes:
            if queryset.model._meta.label in indexed:
                doomed.setdefault(queryset.model, set()).update(
                    queryset.values_list("pk", flat=True)
                )
        for model, ids in doomed.items():
            kind = indexed.get(model._meta.concrete_model._meta.label)
            if kind:
                keys += [rank_key(kind, pk) for pk in ids]
    _remove(list(dict.fromkeys(keys)))


@transaction.atomic
def search_entries_rebuild(*, kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Rebuild the index of the given kinds (default: all); return entries per kind."""
    counts = {}
    if kinds is None:
        backend().clear()
        SearchEntry.objects.all().delete()
        SearchTerm.objects.all().delete()
    for indexer in installed_indexers(kinds):
        low, high = kind_range(indexer.kind)
        if kinds is not None:
            in_range = SearchEntry.objects.filter(rank_key__range=(low, high))
            _remove(list(in_range.values_list("rank_key", flat=True)))
        ids = list(indexer.model_class()._default_manager.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            _insert(_rows(indexer, ids[start : start + BATCH]))
        counts[indexer.kind] = len(ids)
    return counts
