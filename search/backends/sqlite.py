"""SQLite FTS5: the embedded default. Ranked with bm25, titles weighted ten times the text."""

from django.db import connection

from . import distinct_terms

TITLE_WEIGHT, TEXT_WEIGHT = 10.0, 1.0


class SQLiteBackend:
    def store(self, entries):
        """Replace the full-text rows of these entries."""
        with connection.cursor() as cursor:
            self.forget([entry.pk for entry in entries], cursor=cursor)
            cursor.executemany(
                "INSERT INTO search_fulltext (rowid, title, text) VALUES (%s, %s, %s)",
                [(entry.pk, entry.title_words, entry.text_words) for entry in entries],
            )

    def forget(self, entry_ids, cursor=None):
        if not entry_ids:
            return
        placeholders = ", ".join(["%s"] * len(entry_ids))
        sql = f"DELETE FROM search_fulltext WHERE rowid IN ({placeholders})"
        if cursor:
            cursor.execute(sql, entry_ids)
        else:
            with connection.cursor() as own_cursor:
                own_cursor.execute(sql, entry_ids)

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fulltext")

    def match_sql(self, terms, among=None, titles=False):
        """SQL of (entry_id, score) rows for the entries holding every term (in their titles, if
        `titles`), and its parameters. FTS5 finds a phrase through its index faster than it checks given
        rows one by one, so `among` only says the caller reads ids alone: bm25, half the cost, is skipped."""
        column = "title : " if titles else ""
        expression = " AND ".join(
            f"{column}(" + " OR ".join('"' + " ".join(words) + '"' for words in phrases) + ")"
            for phrases in distinct_terms(terms)
        )
        if among:
            return (
                "SELECT rowid AS entry_id, 0 AS score FROM search_fulltext WHERE search_fulltext MATCH %s",
                [expression],
            )
        sql = (
            "SELECT rowid AS entry_id, -bm25(search_fulltext, %s, %s) AS score FROM search_fulltext "
            "WHERE search_fulltext MATCH %s"
        )
        return sql, [TITLE_WEIGHT, TEXT_WEIGHT, expression]

    def match(self, terms):
        with connection.cursor() as cursor:
            cursor.execute(*self.match_sql(terms))
            return dict(cursor.fetchall())
