"""What the search box knows of each kind of record, declared by the app that owns it.

Each app that has searchable records describes them in its own ``search.py``: one
``Indexer`` per model, passed to ``register()``. The indexer names the model, how to load
everything its documents show (so that indexing many records takes a fixed number of
queries) and how to turn a record into a ``Document``. The search app reads the registry
to build and query its index, and connects the writer that the apps' services reach
through ``search_entry_update()``, ``search_entry_delete()`` and
``search_entries_index()``: apps keep their entries current without importing the search
app, and without it installed these calls do nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Model, QuerySet
from django.utils import translation
from django_countries import countries as country_names


@dataclass
class Document:
    """The searchable text and facts of one record."""

    title: str
    other_names: list[str] = field(default_factory=list)
    body: str = ""
    keywords: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    year: int | None = None
    is_public: bool = True
    owner_id: int | None = None


@dataclass(frozen=True)
class Indexer:
    """How one model is indexed.

    Either ``queryset`` and ``document`` (load model instances with what their documents
    need, then turn each into a Document), or ``documents``, which reads plain values for
    a batch of ids: several times faster for the kinds that imports create by thousands.
    """

    kind: str
    model: str
    # The page of one record, reversed with its id.
    url_name: str
    queryset: Callable[[QuerySet], QuerySet] | None = None
    document: Callable[[Any], Document] | None = None
    documents: Callable[[list[int]], Iterable[tuple[int, Document]]] | None = None
    # Records of other models whose text this kind's entries show, by model label: for
    # each, the ids of this kind's records that show a given record's text.
    follows: dict[str, Callable[[Any], Iterable[int]]] = field(default_factory=dict)

    def model_class(self) -> type[Model]:
        return apps.get_model(self.model)

    def documents_of(self, ids: list[int]) -> Iterable[tuple[int, Document]]:
        """Yield (id, document) for the records with these ids that exist."""
        if self.documents is not None:
            yield from self.documents(ids)
            return
        records = self.queryset(self.model_class()._default_manager.filter(pk__in=ids))
        for obj in records:
            yield obj.pk, self.document(obj)


# The registry ----------------------------------------------------------------------------

_INDEXERS: dict[str, Indexer] = {}


def register(*indexers: Indexer) -> None:
    """Add indexers to the registry; an app calls this from its search.py."""
    for indexer in indexers:
        known = _INDEXERS.get(indexer.kind)
        if known is not None and known.model != indexer.model:
            raise ValueError(f"search kind {indexer.kind} is indexed by {known.model} already")
        _INDEXERS[indexer.kind] = indexer


def installed_indexers(kinds: Iterable[str] | None = None) -> list[Indexer]:
    """Return the registered indexers of installed apps, optionally only of some kinds."""
    wanted = set(kinds) if kinds is not None else None
    return [
        indexer
        for indexer in _INDEXERS.values()
        if (wanted is None or indexer.kind in wanted)
        and indexer.model.split(".")[0] in apps.app_configs
    ]


def indexer_for(obj: Model) -> Indexer:
    """Return the indexer of a record's model; LookupError if the model is not indexed."""
    label = obj._meta.concrete_model._meta.label
    for indexer in _INDEXERS.values():
        if indexer.model == label:
            return indexer
    raise LookupError(f"{label} is not indexed for search")


def indexer_of(kind: str) -> Indexer:
    """Return the indexer of a kind."""
    try:
        return _INDEXERS[kind]
    except KeyError:
        raise LookupError(f"no indexer for {kind}") from None


def dependents_of(obj: Model) -> dict[str, list[int]]:
    """Return the entries, by kind, that show this record's text besides its own."""
    label = obj._meta.concrete_model._meta.label
    found = {}
    for indexer in _INDEXERS.values():
        if label in indexer.follows:
            found[indexer.kind] = list(indexer.follows[label](obj))
    return found


# Writing entries: the search app connects the writer ------------------------------------


@dataclass(frozen=True)
class _Writer:
    update: Callable[[Model], None]
    delete: Callable[[Model], None]
    index: Callable[..., int]


_writer: _Writer | None = None


def connect_writer(
    *, update: Callable[[Model], None], delete: Callable[[Model], None], index: Callable[..., int]
) -> None:
    """Let the search app write the entries that the functions below ask for."""
    global _writer
    _writer = _Writer(update=update, delete=delete, index=index)


def search_entry_update(obj: Model) -> None:
    """Index one record (again) after it was saved, with the entries that show its text."""
    if _writer is not None:
        _writer.update(obj)


def search_entry_delete(obj: Model) -> None:
    """Remove a record from the index; call before deleting it, or after with its pk kept."""
    if _writer is not None:
        _writer.delete(obj)


def search_entries_index(*, kind: str, ids: Iterable[int]) -> int:
    """Index (again) the records of one kind with these ids; return how many were indexed."""
    return _writer.index(kind=kind, ids=ids) if _writer is not None else 0


# Labels and names for documents ----------------------------------------------------------


def _in(language: str, value) -> str:
    with translation.override(language):
        return str(value() if callable(value) else value)


@lru_cache(maxsize=2048)
def choice_words(choices: type, value: str) -> tuple[str, str]:
    """Return a choice's label in the site's language and the label in every language."""
    try:
        label = choices(value).label
    except ValueError:
        return value, value
    every = dict.fromkeys(_in(code, label) for code, _name in settings.LANGUAGES)
    return _in(settings.LANGUAGE_CODE, label), " ".join(every)


@lru_cache(maxsize=512)
def country_words(code: str) -> tuple[str, str]:
    """Return a country's name in the site's language and its names in every language."""
    if not code:
        return "", ""

    def name():
        return country_names.name(code)

    every = dict.fromkeys(_in(language, name) for language, _name in settings.LANGUAGES)
    return _in(settings.LANGUAGE_CODE, name), " ".join(every)


def join(*parts: str) -> str:
    """Join the non-empty parts of a document's text."""
    return " · ".join(part for part in parts if part)


def year_of(date) -> int | None:
    return date.year if date else None


def codes(*values) -> list[str]:
    """Return the distinct non-empty country codes, in order."""
    return list(dict.fromkeys(str(code) for code in values if code))


def owned(obj) -> dict:
    """Return who may see a record, as Document arguments."""
    return {"is_public": obj.is_public, "owner_id": obj.owner_id}
