"""What the search box knows of each kind of record, declared by the app that owns it.

Each app that has searchable records describes them in its own ``search.py``: one
``Indexer`` per model, passed to ``register()``. The indexer names the kind, its slot (a
number of its own, fixed once chosen: it places the kind's entries in the index), the
model, how to load everything its documents show (so that indexing many records takes a
fixed number of queries) and how to turn a record into a ``Document``. Nothing else needs
changing for a new kind of record to be found: the search app knows the kinds only
through this registry. The search app reads the registry
to build and query its index, and connects the writer that the apps' services reach
through ``search_entry_update()``, ``search_entry_delete()`` and
``search_entries_index()``: apps keep their entries current without importing the search
app, and without it installed these calls do nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django_countries import countries as country_names

# A kind's slot is shifted this far to make the first key of its range (see rank_key()).
KEY_BITS = 40
MAX_OBJECT_ID = 2**KEY_BITS - 1
MAX_SLOT = 2**22


@dataclass
class Document:
    """The searchable text and facts of one record.

    ``meta`` is the short line a hit shows under its title (kind, status, dates): a list
    of parts that are rendered in each language of the site, so that a Danish reader sees
    "venskabsby · aktiv" where an English one sees "sister city · active". A part is text,
    a lazily translated string, a choice (a TextChoices member), a date or anything with a
    ``format(language)`` method (a PartialDate). Every rendering is searchable.
    """

    title: str
    other_names: list[str] = field(default_factory=list)
    body: str = ""
    keywords: list[str] = field(default_factory=list)
    meta: list[Any] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    year: int | None = None
    focus_areas: list[int] = field(default_factory=list)
    partnerships: list[int] = field(default_factory=list)
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
    # The kind's own range of index keys; results are grouped by kind in slot order.
    slot: int
    # The page of one record, reversed with its id; or ``links``, for records shown
    # on another record's page: the address of each of a batch of ids.
    url_name: str = ""
    links: Callable[[list[int]], dict[int, str]] | None = None
    # What the kind is called in results ("agreements"); by default the model's plural.
    plural: Any = None
    queryset: Callable[[QuerySet], QuerySet] | None = None
    document: Callable[[Any], Document] | None = None
    documents: Callable[[list[int]], Iterable[tuple[int, Document]]] | None = None
    # Records of other models whose text this kind's entries show, by model label: for
    # each, the ids of this kind's records that show a given record's text.
    follows: dict[str, Callable[[Any], Iterable[int]]] = field(default_factory=dict)

    def model_class(self) -> type[Model]:
        return apps.get_model(self.model)

    def label(self) -> str:
        """Return what the kind is called, in the current language."""
        return str(self.plural or self.model_class()._meta.verbose_name_plural)

    def urls(self, ids: list[int]) -> dict[int, str]:
        """Return the address of each of these records."""
        if self.links is not None:
            return self.links(ids)
        return {pk: reverse(self.url_name, args=[pk]) for pk in ids}

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
        if not 1 <= indexer.slot < MAX_SLOT:
            raise ValueError(f"search kind {indexer.kind} needs a slot from 1 to {MAX_SLOT - 1}")
        taken = next(
            (
                i.kind
                for i in _INDEXERS.values()
                if i.slot == indexer.slot and i.kind != indexer.kind
            ),
            None,
        )
        if taken:
            raise ValueError(f"search kinds {taken} and {indexer.kind} share slot {indexer.slot}")
        if not indexer.url_name and indexer.links is None:
            raise ValueError(f"search kind {indexer.kind} needs url_name or links")
        _INDEXERS[indexer.kind] = indexer


def installed_indexers(kinds: Iterable[str] | None = None) -> list[Indexer]:
    """Return the registered indexers of installed apps in slot order, optionally of some kinds."""
    wanted = set(kinds) if kinds is not None else None
    return sorted(
        (
            indexer
            for indexer in _INDEXERS.values()
            if (wanted is None or indexer.kind in wanted)
            and indexer.model.split(".")[0] in apps.app_configs
        ),
        key=lambda indexer: indexer.slot,
    )


def kind_choices() -> list[tuple[str, str]]:
    """Return (kind, label) of every installed kind, for forms and documentation."""
    return [(indexer.kind, indexer.label()) for indexer in installed_indexers()]


def rank_key(kind: str, object_id: int) -> int:
    """Return the index key of one record: its kind's range, then its id."""
    return (indexer_of(kind).slot << KEY_BITS) | object_id


def kind_range(kind: str) -> tuple[int, int]:
    """Return the first and last index key of a kind's range."""
    low = indexer_of(kind).slot << KEY_BITS
    return low, low | MAX_OBJECT_ID


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


def _part_in(part, language: str) -> str:
    if part is None or part == "":
        return ""
    if isinstance(part, Enum):
        return _choice_in(type(part), part.value, language)
    if isinstance(part, Promise):
        return _in(language, part)
    if isinstance(part, str):
        return part
    if isinstance(part, dt.date):
        with translation.override(language):
            return date_format(part)
    if hasattr(part, "format"):
        return part.format(language)
    return str(part)


@lru_cache(maxsize=4096)
def _choice_in(choices: type, value: str, language: str) -> str:
    return _in(language, choices(value).label)


@dataclass(frozen=True)
class Span:
    """A period for a meta line: "2007–2012", "maj 2007–"; dates written per language."""

    start: Any = None
    end: Any = None

    def format(self, language: str) -> str:
        start = _part_in(self.start, language)
        end = _part_in(self.end, language)
        if not start and not end:
            return ""
        return start if start == end else f"{start}–{end}"


@dataclass(frozen=True)
class Translated:
    """Text given in several languages (such as a focus area's names) for a meta line."""

    texts: tuple[tuple[str, str], ...]

    def format(self, language: str) -> str:
        found = dict(self.texts)
        return found.get(language) or found.get(settings.LANGUAGE_CODE) or ""


def focus_area_names(areas: Iterable[Any]) -> Translated:
    """Return the names of focus areas in each language, comma-separated."""
    areas = list(areas)
    return Translated(
        (
            ("en", ", ".join(area.name_en for area in areas)),
            ("da", ", ".join(area.name_da for area in areas)),
        )
    )


def meta_in(parts: Iterable[Any], language: str) -> str:
    """Return a document's meta line in one language."""
    return join(*(_part_in(part, language) for part in parts))


def meta_lines(parts: list[Any]) -> dict[str, str]:
    """Return a document's meta line in every language of the site."""
    if not parts:
        return {}
    return {code: meta_in(parts, code) for code, _name in settings.LANGUAGES}


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
