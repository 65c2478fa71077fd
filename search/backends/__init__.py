"""Full-text backends behind one small interface: keep an entry's words, and find entries by phrases.

A query is a list of terms, each a list of phrases it may be written as (a phrase is a tuple of analysed
words: search.understanding); an entry matches when it holds every term, in any of its phrases.
`match_sql` gives SQL of (entry_id, score) rows, higher is better, so that filtering, counting and
ranking happen in the database; `match` runs it into {entry id: score}.
`among`, when given, is SQL of the only entry ids the caller will use (the best few hundred, say): a
backend restricts the match to them where that is cheaper, and may ignore it where its own index is faster.
"""

from django.conf import settings
from django.db import connection


def distinct_terms(terms):
    """The terms, each set of phrases once: two words of a query that are synonyms of each other (คลินิก,
    ให้คำปรึกษา) expand to the same phrases, and holding one of them is holding both, so the full-text
    index is asked once instead of twice."""
    return list({frozenset(phrases): phrases for phrases in terms}.values())


def get_backend():
    """Elasticsearch when ELASTICSEARCH_URL is set, else the database's own full text."""
    if settings.ELASTICSEARCH_URL:
        from .elastic import ElasticBackend

        return ElasticBackend()
    from .postgres import PostgresBackend
    from .sqlite import SQLiteBackend

    return {"sqlite": SQLiteBackend, "postgresql": PostgresBackend}[connection.vendor]()
