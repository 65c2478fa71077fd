"""PostgreSQL full text over the analysed words ('simple' configuration: no stemming, no stop words).

Each entry's tsvector (titles weighted A, text B) is a stored generated column, `vector`, with a GIN
index (migration search/0006): matching and ranking read it instead of re-analysing the words.
"""

from django.db import connection

from . import distinct_terms

TITLES_ONLY = "ts_filter(vector, '{a}')"


class PostgresBackend:
    def store(self, entries):
        """Nothing to do: the GIN index follows the entry rows themselves."""

    def forget(self, entry_ids):
        """Nothing to do: deleting the entry rows removes them from the index."""

    def clear(self):
        """Nothing to do."""

    def match_sql(self, terms, among=None, titles=False):
        """SQL of (entry_id, score) rows for the entries holding every term (any of its phrases), and its
        parameters. Within `among`, the query is re-checked in a few hundred vectors instead of every
        candidate of the index. With `titles`, only the titles (weight A) count."""
        terms = distinct_terms(terms)
        query = " && ".join(
            "(" + " || ".join(["phraseto_tsquery('simple', %s)"] * len(phrases)) + ")" for phrases in terms
        )
        # ts_rank, not ts_rank_cd: half the CPU per match for the same quality on the Thai query set.
        # Weights D, C, B, A: titles (A) count 2.5 times the text (B).
        sql = (
            f"SELECT id AS entry_id, ts_rank('{{0.1, 0.2, 0.4, 1.0}}', vector, q) AS score "
            f"FROM search_searchentry, (SELECT {query}) AS query(q) "
            f"WHERE {TITLES_ONLY if titles else 'vector'} @@ q"
        )
        if among:
            sql += f" AND id IN ({among})"
        return sql, [" ".join(words) for phrases in terms for words in phrases]

    def match(self, terms):
        with connection.cursor() as cursor:
            cursor.execute(*self.match_sql(terms))
            return dict(cursor.fetchall())
