"""The full-text index in each database: an FTS5 table on SQLite, tsvector on PostgreSQL.

Both hold the same terms (``analysis.terms``) and answer the same question: the newest
entries of one kind whose terms match, that the reader may see, at most ``window`` of
them. Ranking is done afterwards on that bounded set, so a search costs about the same
with a hundred entries or a million; counting or ranking every match of a common word
(``bm25`` or ``ts_rank`` over all of them) is what would not stay fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q

from twinning.core.search import kind_range
from twinning.search.analysis import ParsedQuery
from twinning.search.models import SearchEntry, SearchTerm

FTS_TABLE = "search_entry_fts"
ENTRY_TABLE = SearchEntry._meta.db_table
TERM_TABLE = SearchTerm._meta.db_table
# Columns a result row needs; the body is read later, only for the entries shown.
ROW_COLUMNS = (
    "rank_key",
    "kind",
    "object_id",
    "title",
    "title_key",
    "title_terms",
    "countries",
    "year",
    "focus_areas",
    "partnerships",
)
_CHUNK = 500


@dataclass(frozen=True)
class Scope:
    """Which entries a search may return."""

    owner_ids: frozenset[int] | None  # None: every entry (superusers)
    country: str = ""
    year: int | None = None
    focus_area: int | None = None
    partnership: int | None = None


@dataclass(frozen=True)
class Window:
    """One bounded read: the newest matches of one kind, in the title or anywhere."""

    kind: str
    title_only: bool
    size: int


def _chunks(keys: Sequence[int]):
    for start in range(0, len(keys), _CHUNK):
        yield keys[start : start + _CHUNK]


class Backend:
    """Keep the index in step with the entries table and read windows from it."""

    def forget(self, keys: Sequence[int]) -> None:
        """Drop the index rows of entries about to be deleted or replaced."""

    def with_index(self, columns: Sequence[str], rows: list[tuple]) -> tuple:
        """Return the columns and rows of entries to write, with any index data they carry."""
        return columns, rows

    def remember(self, keys: Sequence[int]) -> None:
        """Index the entries with these keys, which are already saved."""

    def delete_entries(self, keys: Sequence[int]) -> None:
        """Delete the entries with these keys (their index rows are forgotten already)."""
        SearchEntry.objects.filter(rank_key__in=keys).delete()

    def add_terms(self, terms: Sequence[str]) -> None:
        """Add these words to the vocabulary of completions, skipping those it holds."""
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {TERM_TABLE} (term) VALUES (%s) ON CONFLICT DO NOTHING",
                [(term,) for term in terms],
            )

    def clear(self) -> None:
        """Drop every index row; the entries are about to be deleted."""

    def knows(self, forms: Sequence[str], *, prefix: bool) -> bool:
        """Return whether the vocabulary holds any of these words (or, with ``prefix``,
        a word that begins with one)."""
        condition = Q(term__in=list(forms))
        if prefix:
            for form in forms:
                condition |= Q(term__gte=form, term__lt=form + "\U0010ffff")
        return SearchTerm.objects.filter(condition).exists()

    def near_terms(self, word: str, limit: int) -> Sequence[str] | None:
        """Return the words of the vocabulary nearest a misspelt one, or None when the
        caller is to compare it with the whole vocabulary itself."""
        return None

    def match(self, query: ParsedQuery, windows: list[Window], scope: Scope) -> list[tuple]:
        """Return (part, *ROW_COLUMNS) rows: part is the window's position in the list."""
        raise NotImplementedError

    def _read(self, subqueries: list[str], params: list) -> list[tuple]:
        if not subqueries:
            return []
        union = " UNION ALL ".join(
            f"SELECT * FROM ({sql}) AS w{i}" for i, sql in enumerate(subqueries)
        )
        columns = ", ".join(f"e.{name}" for name in ROW_COLUMNS)
        sql = (
            f"SELECT w.part, {columns} FROM ({union}) AS w JOIN {ENTRY_TABLE} e ON e.rank_key = w.k"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


class SqliteBackend(Backend):
    """FTS5 with the entries table as external content, keyed by rank_key."""

    def forget(self, keys: Sequence[int]) -> None:
        with connection.cursor() as cursor:
            for chunk in _chunks(keys):
                marks = ",".join("%s" for _key in chunk)
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title_terms, terms, tags) "
                    f"SELECT 'delete', rank_key, title_terms, terms, tags FROM {ENTRY_TABLE} "
                    f"WHERE rank_key IN ({marks})",
                    list(chunk),
                )

    def remember(self, keys: Sequence[int]) -> None:
        with connection.cursor() as cursor:
            for chunk in _chunks(keys):
                marks = ",".join("%s" for _key in chunk)
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE}(rowid, title_terms, terms, tags) "
                    f"SELECT rank_key, title_terms, terms, tags FROM {ENTRY_TABLE} "
                    f"WHERE rank_key IN ({marks})",
                    list(chunk),
                )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")

    @staticmethod
    def expression(query: ParsedQuery, *, title_only: bool, scope: Scope) -> str:
        """Return the FTS5 MATCH expression; every term is a quoted folded word."""
        parts = []
        for term in query.terms:
            star = "*" if term.prefix else ""
            options = [f'"{a}"{star}' for a in term.alternatives]
            options += [
                "("
                + " AND ".join("(" + " OR ".join(f'"{a}"' for a in word) + ")" for word in phrase)
                + ")"
                for phrase in term.phrases
            ]
            parts.append("(" + " OR ".join(options) + ")")
        columns = "title_terms" if title_only else "{title_terms terms}"
        expression = f"{columns} : (" + " AND ".join(parts) + ")"
        if scope.owner_ids is not None:
            readers = ["zpub", *(f"zo{owner}" for owner in sorted(scope.owner_ids))]
            expression += " AND tags : (" + " OR ".join(readers) + ")"
        if scope.country:
            expression += f" AND tags : zc{scope.country.lower()}"
        if scope.year:
            expression += f" AND tags : zy{int(scope.year)}"
        if scope.focus_area:
            expression += f" AND tags : zf{int(scope.focus_area)}"
        if scope.partnership:
            expression += f" AND tags : zp{int(scope.partnership)}"
        return expression

    def match(self, query: ParsedQuery, windows: list[Window], scope: Scope) -> list[tuple]:
        subqueries, params = [], []
        for part, window in enumerate(windows):
            low, high = kind_range(window.kind)
            subqueries.append(
                f"SELECT rowid AS k, {part} AS part FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
                "AND rowid BETWEEN %s AND %s ORDER BY rowid DESC LIMIT %s"
            )
            params += [
                self.expression(query, title_only=window.title_only, scope=scope),
                low,
                high,
                window.size,
            ]
        return self._read(subqueries, params)


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_text(terms: Iterable[str]) -> str:
    """Return the tsvector of these terms in PostgreSQL's text form.

    Lexemes are taken as they are: the terms are folded and stemmed already, and
    PostgreSQL's own parser would split or change some of them (Chinese characters, for
    one).
    """
    return " ".join(_lexeme(term) for term in dict.fromkeys(terms))


def entry_vectors(title_terms: str, terms: str) -> tuple[str, str]:
    """Return the two tsvectors of an entry: of all its words, and of its title's."""
    title = title_terms.split()
    return tsvector_text([*title, *terms.split()]), tsvector_text(title)


class PostgresBackend(Backend):
    """Two tsvector columns with GIN indexes, the title's words and all words of an entry.

    Titles have their own column rather than weights within one: the planner's estimate
    of a weighted match ignores the weight, and a word common in bodies but absent from
    titles then sent it scanning a whole kind for the newest title matches.
    """

    def with_index(self, columns: Sequence[str], rows: list[tuple]) -> tuple:
        title, body = columns.index("title_terms"), columns.index("terms")
        return (
            [*columns, "vector", "title_vector"],
            [(*row, *entry_vectors(row[title], row[body])) for row in rows],
        )

    def delete_entries(self, keys: Sequence[int]) -> None:
        # One array parameter instead of thousands spelled out in the statement.
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {ENTRY_TABLE} WHERE rank_key = ANY(%s)", [list(keys)])

    def add_terms(self, terms: Sequence[str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {TERM_TABLE} (term) SELECT unnest(%s::text[]) ON CONFLICT DO NOTHING",
                [list(terms)],
            )

    def near_terms(self, word: str, limit: int) -> Sequence[str] | None:
        # pg_trgm's distance operator walks the GiST trigram index nearest first, so the
        # vocabulary stays in the database however large it grows.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT term FROM {TERM_TABLE} ORDER BY term <-> %s LIMIT %s", [word, limit]
            )
            return [row[0] for row in cursor.fetchall()]

    @staticmethod
    def expression(query: ParsedQuery) -> str:
        """Return a tsquery; every lexeme is a quoted folded word."""
        parts = []
        for term in query.terms:
            suffix = ":*" if term.prefix else ""
            options = [f"'{a}'{suffix}" for a in term.alternatives]
            options += [
                "("
                + " & ".join("(" + " | ".join(f"'{a}'" for a in word) + ")" for word in phrase)
                + ")"
                for phrase in term.phrases
            ]
            parts.append("(" + " | ".join(options) + ")")
        return " & ".join(parts)

    def match(self, query: ParsedQuery, windows: list[Window], scope: Scope) -> list[tuple]:
        subqueries, params = [], []
        for part, window in enumerate(windows):
            low, high = kind_range(window.kind)
            column = "title_vector" if window.title_only else "vector"
            conditions = ["rank_key BETWEEN %s AND %s", f"{column} @@ %s::tsquery"]
            values: list = [low, high, self.expression(query)]
            if scope.owner_ids is not None:
                conditions.append("(is_public OR owner_id = ANY(%s))")
                values.append(sorted(scope.owner_ids))
            if scope.country:
                conditions.append("countries LIKE %s")
                values.append(f"% {scope.country.upper()} %")
            if scope.year:
                conditions.append("year = %s")
                values.append(int(scope.year))
            for column, value in (
                ("focus_areas", scope.focus_area),
                ("partnerships", scope.partnership),
            ):
                if value:
                    conditions.append(f"{column} LIKE %s")
                    values.append(f"% {int(value)} %")
            subqueries.append(
                f"SELECT rank_key AS k, {part} AS part FROM {ENTRY_TABLE} "
                f"WHERE {' AND '.join(conditions)} ORDER BY rank_key DESC LIMIT %s"
            )
            params += [*values, window.size]
        return self._read(subqueries, params)


def backend() -> Backend:
    """Return the index of the database in use."""
    if connection.vendor == "postgresql":
        return PostgresBackend()
    if connection.vendor == "sqlite":
        return SqliteBackend()
    raise NotImplementedError(f"search needs SQLite or PostgreSQL, not {connection.vendor}")
