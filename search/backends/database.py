"""Harbour's database search backend: Wagtail's (django-modelsearch's), which picks the engine
for the database in use, with SQLite's relevance corrected.

On SQLite, modelsearch scores a query made of several parts (`And`, `Or`) by combining one
score per part, as it does on PostgreSQL: `(1 + a) * (1 + b) - 1` for "a and b". But every
part's score there is the same number, FTS5's `bm25()` of the whole row, and it is negative
(lower is better): with two required words, `(1 + b)^2 - 1` grows as the match gets better,
and the worst matches came first ("stay and play" listed the About page and four news
releases above the five "Stay and play" services). Here the row's score is that `bm25()`
once, whatever the query's shape, with the title column weighted above the rest of the text
as on Elasticsearch (search/backends/sqlite.py). PostgreSQL and MySQL are unchanged."""

from modelsearch.backends.database import SearchBackend as select_database_backend


def SearchBackend(params):  # the name Wagtail looks for in a backend's module
    backend = select_database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import RankedSQLiteSearchBackend

        return RankedSQLiteSearchBackend(params)
    return backend
