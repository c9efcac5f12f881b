"""Reads of the search index: one search box over every kind of record."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db.models import Q
from django.db.models.functions import Length
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from twinning.accounts.selectors import user_organisation_ids, visibility_scope, visible_to
from twinning.core.search import indexer_of, installed_indexers, rank_key
from twinning.core.selectors import data_stamp
from twinning.focusareas.models import FocusArea
from twinning.partnerships.models import Partnership
from twinning.search.analysis import (
    MAX_COMPLETIONS,
    MIN_COMPLETION,
    STOP_WORDS,
    ParsedQuery,
    QueryTerm,
    parse_query,
    phrase_of,
    snippet,
    stems,
    term_of,
    with_completions,
    words,
)
from twinning.search.backends import ROW_COLUMNS, Scope, Window, backend
from twinning.search.models import SearchEntry, SearchTerm
from twinning.search.thesaurus import synonyms_at

# How many of the newest matches of each kind are read and ranked. Below it every count
# is exact; above it the counts say "at least" and ranking covers the newest matches.
WINDOW = 200
# Meta lines are short; this many words shows any of them whole.
META_WORDS = 60
MAX_LIMIT = 50


@dataclass
class Hit:
    """One found record."""

    kind: str
    object_id: int
    title: str
    url: str
    countries: list[str]
    year: int | None
    snippet: SafeString | str = ""
    # Kind, status, dates and the like, in the reader's language.
    meta: str = ""


@dataclass
class Group:
    """The hits of one kind of record, best first."""

    kind: str
    count: int
    complete: bool
    items: list[Hit]

    @property
    def label(self) -> str:
        return indexer_of(self.kind).label()


FACETS = ("type", "country", "year", "focus_area", "partnership")


@dataclass
class SearchResult:
    """What a search found: groups by kind and counts by kind, country, year, focus area
    and partnership (each value with the number of matches that have it)."""

    query: str
    count: int = 0
    complete: bool = True
    # The query as corrected when the words typed found nothing ("Wuksi" -> "wuxi").
    suggestion: str = ""
    groups: list[Group] = field(default_factory=list)
    facets: dict[str, dict] = field(default_factory=lambda: {name: {} for name in FACETS})
    # Names of the focus areas and partnerships in the facets, by id.
    facet_labels: dict[str, dict] = field(
        default_factory=lambda: {"focus_area": {}, "partnership": {}}
    )


def _scope(user, country: str, year: int | None, focus_area=None, partnership=None) -> Scope:
    if getattr(user, "is_superuser", False):
        owners = None
    else:
        owners = frozenset(user_organisation_ids(user))
    return Scope(
        owner_ids=owners,
        country=(country or "").upper(),
        year=year,
        focus_area=focus_area,
        partnership=partnership,
    )


def _completions(query: ParsedQuery) -> dict[str, list[str]]:
    """Return the indexed terms that each long prefix of the query completes to (one query)."""
    prefixes = {
        alternative
        for term in query.terms
        if term.prefix and all(len(a) >= MIN_COMPLETION for a in term.alternatives)
        for alternative in term.alternatives
    }
    if not prefixes:
        return {}
    condition = Q()
    for prefix in prefixes:
        condition |= Q(term__gte=prefix, term__lt=prefix + "\U0010ffff")
    found = SearchTerm.objects.filter(condition).order_by(Length("term"), "term")
    completions: dict[str, list[str]] = {prefix: [] for prefix in prefixes}
    for term in found.values_list("term", flat=True)[: MAX_COMPLETIONS * len(prefixes)]:
        for prefix in prefixes:
            if term.startswith(prefix) and len(completions[prefix]) < MAX_COMPLETIONS:
                completions[prefix].append(term)
    return completions


def _score(row: dict, query: ParsedQuery) -> tuple:
    """Return a sort key: exact names first, then titles holding every term, then titles
    holding some, then the text; the most recent first among equals, then the shortest
    title (the closest to what was typed) and the newest record."""
    held = frozenset(row["title_terms"].split())
    in_title = sum(term.matches(held) for term in query.terms)
    exact = f"|{query.key}|" in row["title_key"]
    return (
        not exact,
        in_title < len(query.terms),
        -in_title,
        -(row["year"] or 0),
        len(row["title"]),
        -row["rank_key"],
    )


def search(
    *,
    q: str,
    user,
    kind: str = "",
    country: str = "",
    year: int | None = None,
    focus_area: int | None = None,
    partnership: int | None = None,
    limit: int = 10,
) -> SearchResult:
    """Search every kind of record the user may see; return hits grouped by kind.

    ``kind``, ``country``, ``year``, ``focus_area`` and ``partnership`` narrow the hits;
    the counts by kind ignore the kind chosen, so that the reader sees where else the
    words occur.

    Results are kept in the fragment cache until the data changes (``data_stamp``): a
    common word can match tens of thousands of entries, and is asked for again and again.
    """
    query = parse_query(q, synonyms=synonyms_at)
    if not query:
        return SearchResult(query=q or "")
    arguments = (q, kind, country, year, focus_area, partnership, limit, get_language())
    key = f"search:{data_stamp()}:{visibility_scope(user)}:{arguments!r}"
    key = "search:" + hashlib.blake2b(key.encode(), digest_size=16).hexdigest()
    found = caches["fragments"].get(key)
    if found is None:
        narrowing = {
            "kind": kind,
            "country": country,
            "year": year,
            "focus_area": focus_area,
            "partnership": partnership,
            "limit": limit,
        }
        found = _search(q=q, query=query, user=user, **narrowing)
        suggestion = suggest(q) if not found.count else ""
        if suggestion:
            found = _search(
                q=q,
                query=parse_query(suggestion, synonyms=synonyms_at),
                user=user,
                **narrowing,
            )
            found.suggestion = suggestion
        caches["fragments"].set(key, found)
    return found


def _search(
    *,
    q: str,
    query: ParsedQuery,
    user,
    kind: str,
    country: str,
    year: int | None,
    focus_area: int | None,
    partnership: int | None,
    limit: int,
) -> SearchResult:
    """Return the hits of a parsed query, read from the index (uncached)."""
    result = SearchResult(query=q or "")
    query = with_place_names(with_completions(query, _completions(query)))
    limit = max(1, min(limit, MAX_LIMIT))
    # Results come grouped by kind in the order of the kinds' slots.
    indexers = installed_indexers()
    kinds = [indexer.kind for indexer in indexers]
    windows = [
        Window(kind=each, title_only=title_only, size=WINDOW + 1)
        for each in kinds
        for title_only in (True, False)
    ]
    scope = _scope(user, country, year, focus_area, partnership)
    rows = backend().match(query, windows, scope)

    by_kind: dict[str, dict[int, dict]] = {each: {} for each in kinds}
    anywhere: Counter = Counter()
    for part, *values in rows:
        row = dict(zip(ROW_COLUMNS, values, strict=True))
        by_kind[row["kind"]][row["rank_key"]] = row
        if not windows[part].title_only:
            anywhere[row["kind"]] += 1

    chosen = [kind] if kind in kinds else kinds
    countries: Counter = Counter()
    years: Counter = Counter()
    areas: Counter = Counter()
    partnerships: Counter = Counter()
    shown: list[Hit] = []
    for each in kinds:
        found = by_kind[each]
        complete = anywhere[each] <= WINDOW
        count = len(found) if complete else max(WINDOW, len(found))
        if count:
            result.facets["type"][each] = count
        if each not in chosen or not count:
            continue
        result.count += count
        result.complete &= complete
        for row in found.values():
            countries.update(row["countries"].split())
            if row["year"]:
                years[row["year"]] += 1
            areas.update(int(pk) for pk in row["focus_areas"].split())
            partnerships.update(int(pk) for pk in row["partnerships"].split())
        best = sorted(found.values(), key=lambda row: _score(row, query))[:limit]
        urls = indexer_of(each).urls([row["object_id"] for row in best])
        items = [
            Hit(
                kind=each,
                object_id=row["object_id"],
                title=row["title"],
                url=urls.get(row["object_id"], ""),
                countries=row["countries"].split(),
                year=row["year"],
            )
            for row in best
        ]
        shown += items
        result.groups.append(Group(kind=each, count=count, complete=complete, items=items))
    result.facets["country"] = dict(sorted(countries.items(), key=lambda kv: (-kv[1], kv[0])))
    result.facets["year"] = dict(sorted(years.items(), reverse=True))
    _add_labelled_facets(result, user, areas, partnerships)
    _add_snippets(shown, query)
    return result


def _by_count(counts: Counter, labels: dict) -> dict:
    return {
        value: count
        for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], labels[kv[0]]))
        if value in labels
    }


def _add_labelled_facets(result: SearchResult, user, areas: Counter, partnerships: Counter):
    """Add the counts by focus area and by partnership, with the names to show.

    A partnership the reader may not see is left out of its facet even when records the
    reader may see belong to it: its name is not the reader's to know.
    """
    if areas:
        names = {area.pk: area.name for area in FocusArea.objects.filter(pk__in=areas)}
        result.facets["focus_area"] = _by_count(areas, names)
        result.facet_labels["focus_area"] = names
    if partnerships:
        visible = visible_to(Partnership.objects.filter(pk__in=partnerships), user)
        names = {p.pk: str(p) for p in visible.select_related("party_a", "party_b").order_by()}
        result.facets["partnership"] = _by_count(partnerships, names)
        result.facet_labels["partnership"] = names


def _add_snippets(hits: list[Hit], query: ParsedQuery) -> None:
    """Load the text of the hits shown (one query) and cut a marked passage from each.

    The meta line is shown whole, in the reader's language, its matches marked too.
    """
    if not hits:
        return
    keys = [rank_key(hit.kind, hit.object_id) for hit in hits]
    entries = SearchEntry.objects.filter(rank_key__in=keys).values_list("rank_key", "body", "meta")
    texts = {key: (body, meta) for key, body, meta in entries}
    language = (get_language() or "en").split("-")[0]
    for hit in hits:
        body, meta = texts.get(rank_key(hit.kind, hit.object_id), ("", {}))
        line = (meta or {}).get(language) or next(iter((meta or {}).values()), "")
        hit.meta = snippet(line, query, size=META_WORDS)
        hit.snippet = snippet(body, query)


# Places by any of their names --------------------------------------------------------------

PLACE = "place"
# How many places whose names hold the query's words are read to find those it names.
PLACE_WINDOW = 50
# Chinese place names are written with or without the kind of place after them (无锡 and
# 无锡市); these are the kinds of division a name may end in.
_CHINESE_DIVISIONS = frozenset("市县区省州镇乡村盟旗")


def _same_name(key: str, name: str) -> bool:
    if key == name:
        return True
    shorter, longer = sorted((key, name), key=len)
    return (
        len(longer) == len(shorter) + 1
        and longer.startswith(shorter)
        and longer[-1] in _CHINESE_DIVISIONS
        and not shorter.isascii()
    )


def place_names(query: ParsedQuery) -> list[str]:
    """Return every name (folded) of the places the whole query names, in any script."""
    if not query or not any(i.kind == PLACE for i in installed_indexers()):
        return []
    exact = ParsedQuery(
        text=query.text,
        key=query.key,
        terms=tuple(QueryTerm(t.alternatives, phrases=t.phrases) for t in query.terms),
        cjk_runs=query.cjk_runs,
    )
    window = Window(kind=PLACE, title_only=True, size=PLACE_WINDOW)
    rows = backend().match(exact, [window], Scope(owner_ids=None))
    position = 1 + ROW_COLUMNS.index("title_key")
    names: dict[str, None] = {}
    for row in rows:
        held = [name for name in row[position].strip("|").split("|") if name]
        if any(_same_name(query.key, name) for name in held):
            names.update(dict.fromkeys(held))
    return list(names)


def with_place_names(query: ParsedQuery) -> ParsedQuery:
    """Return the query matching what any name of the place it names is written in.

    "无锡" then finds the records that only say "Wuxi", and "Wuxi" those that say "无锡".
    """
    names = place_names(query)
    if not names:
        return query
    combined = term_of([phrase for phrase in map(phrase_of, names) if phrase])
    if len(query.terms) == 1:
        # Keep what the word typed found on its own (its completions, say).
        only = query.terms[0]
        combined = QueryTerm(
            tuple(dict.fromkeys([*only.alternatives, *combined.alternatives])),
            phrases=tuple(dict.fromkeys([*only.phrases, *combined.phrases])),
        )
    runs = tuple(dict.fromkeys([*query.cjk_runs, *(n for n in names if not n.isascii())]))
    return ParsedQuery(text=query.text, key=query.key, terms=(combined,), cjk_runs=runs)


# Did you mean ----------------------------------------------------------------------------------

_vocabulary: dict[str, tuple[str, ...]] = {}
# How many of the nearest words are weighed against each other for one word typed.
MAX_CANDIDATES = 20
# How many words the trigram index offers for one word typed, to be weighed by edits.
TRIGRAM_CANDIDATES = 100


def _terms() -> tuple[str, ...]:
    """Return the sorted vocabulary of the index, read again when the data changes."""
    stamp = data_stamp()
    held = _vocabulary.get(stamp)
    if held is None:
        held = tuple(SearchTerm.objects.order_by("term").values_list("term", flat=True))
        _vocabulary.clear()
        _vocabulary[stamp] = held
    return held


def _known(word: str, *, prefix: bool) -> bool:
    if len(word) < MIN_COMPLETION or not word.isascii() or word.isdigit():
        return True
    return backend().knows([word, *stems(word)], prefix=prefix)


def _nearest(form: str, cutoff: int) -> list[tuple[str, int]]:
    """Return (word, edits) for the indexed words within ``cutoff`` edits of a word.

    PostgreSQL offers the nearest words by trigram similarity (pg_trgm); on SQLite the
    whole vocabulary, held in memory until the data changes, is compared.
    """
    candidates = backend().near_terms(form, TRIGRAM_CANDIDATES)
    if candidates is None:
        candidates = _terms()
    found = process.extract(
        form,
        candidates,
        scorer=Levenshtein.distance,
        score_cutoff=cutoff,
        limit=MAX_CANDIDATES,
    )
    return [(term, distance) for term, distance, _index in found]


def suggest(q: str) -> str:
    """Return the query with each unknown word replaced by the nearest indexed word.

    A word of five letters or more may be off by two letters (typed, left out or swapped
    in), a shorter one by one. Accents and Danish letters need no correcting: the index
    and the query fold them alike. "" when every word is known or nothing is near.
    """
    folded = [w for w in words(q or "") if w not in STOP_WORDS]
    if not folded:
        return ""
    corrected, changed = [], False
    position = 0
    while position < len(folded):
        width, _phrases = synonyms_at(folded, position)
        if width:
            corrected += folded[position : position + width]
            position += width
            continue
        word = folded[position]
        position += 1
        if _known(word, prefix=position == len(folded)):
            corrected.append(word)
            continue
        # The index holds stems: a word is compared as typed and as stemmed. Among the
        # nearest, a word with the same first letter wins (slips are rarely made there),
        # then one near the word as typed, which reads better than a stem.
        found = [
            (distance, term[0] != word[0], stemmed, term)
            for stemmed, form in enumerate(dict.fromkeys((word, *stems(word))))
            for term, distance in _nearest(form, 2 if len(word) >= 5 else 1)
        ]
        if not found:
            corrected.append(word)
            continue
        corrected.append(min(found)[3])
        changed = True
    return " ".join(corrected) if changed else ""
