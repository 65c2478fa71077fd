"""Wagtail's own search (the admin's page, image, document and snippet search), made to find Thai words.

Wagtail's database backend indexes text as written, and neither SQLite FTS5 nor PostgreSQL breaks Thai
into words, so an editor typing "ศึกษาธิการ" did not find "กระทรวงศึกษาธิการ". This backend adds our
analysed words after every Thai text it indexes, and turns a Thai query into the same words, each typed
word a phrase that must appear.

modelsearch has no setting for its indexer class (see ../shared/notes/thai-search.md), so the indexer
of the SQLite or PostgreSQL backend is replaced here, once, when Wagtail loads this backend.
"""

import re

from django.db import connection
from modelsearch.backends import database
from modelsearch.query import And, Phrase

from .analysis import analyze

THAI_LETTER = re.compile(r"[\u0E01-\u0E2E]")


def with_thai_words(indexer_class):
    class ThaiObjectIndexer(indexer_class):
        """Indexes each Thai text as written, followed by its words."""

        def prepare_value(self, value):
            text = super().prepare_value(value)
            if isinstance(value, str) and THAI_LETTER.search(value):
                return f"{text}\n{analyze(text)}"
            return text

    return ThaiObjectIndexer


def add_thai_words_to_indexer():
    """Replace the indexer of this database's backend module (each imports only on its own database)."""
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite import sqlite as module
    elif connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres import postgres as module
    else:
        return
    if not getattr(module.ObjectIndexer, "adds_thai_words", False):
        module.ObjectIndexer = with_thai_words(module.ObjectIndexer)
        module.ObjectIndexer.adds_thai_words = True


def thai_query(query):
    """A typed Thai query as phrases of analysed words; anything else unchanged."""
    if not isinstance(query, str) or not THAI_LETTER.search(query):
        return query
    phrases = [Phrase(words) for words in (analyze(part) for part in query.split()) if words]
    return phrases[0] if len(phrases) == 1 else And(phrases)


class ThaiQueries:
    def search(self, query, *args, **kwargs):
        return super().search(thai_query(query), *args, **kwargs)


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The database backend Wagtail would pick for this database, taking Thai queries."""
    add_thai_words_to_indexer()
    stock = type(database.SearchBackend(params))
    return type(f"Thai{stock.__name__}", (ThaiQueries, stock), {})(params)
