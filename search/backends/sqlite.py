"""The SQLite half of search.backends.database (imported only on SQLite: modelsearch defines
its FTS5 table's model on SQLite alone)."""

from django.db.models import FloatField, Func

from modelsearch.backends.database.sqlite.query import SQLiteFTSIndexEntry
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)

# The weight of a match in each column of modelsearch's FTS5 table, in the order the table
# declares them: fts5(autocomplete, body, title). The autocomplete column is not searched here.
AUTOCOMPLETE_WEIGHT = 0.0
BODY_WEIGHT = 1.0
TITLE_WEIGHT = 8.0


class WeightedBM25(Func):
    """FTS5's bm25() for the matched row (negative: lower is better), a weight per column."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, function=None, template=None):
        table = SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, %s, %s, %s)", [AUTOCOMPLETE_WEIGHT, BODY_WEIGHT, TITLE_WEIGHT]


class RankedQueryCompiler(SQLiteSearchQueryCompiler):
    def get_index_vectors(self):
        # One score for the whole row. (modelsearch adds a second, multiplied by how short the
        # title is; with bm25() scoring the whole row both times, that multiplied the body's
        # score too, and a short title ranked a page that mentions the words in passing.)
        return [(None, 1.0)]

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        # One score for the row, not one per part of the query combined as if they differed.
        rank = WeightedBM25()
        return rank * boost if boost != 1.0 else rank


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedQueryCompiler
