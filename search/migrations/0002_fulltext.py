"""The full-text index over SearchEntry, built the way each database does it best.

SQLite: an FTS5 table whose rows are the entries' analysed words. Its tokenizer keeps Thai vowel and tone
marks inside words (categories 'L* N* Co M*'); stock unicode61 would cut words at them.
PostgreSQL: a GIN index on the 'simple' tsvector of the analysed words, titles weighted A, text B.
"""

from django.db import migrations

SQLITE = """CREATE VIRTUAL TABLE search_fulltext USING fts5(
    title, text, tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
)"""
POSTGRES = """CREATE INDEX search_entry_fulltext ON search_searchentry USING GIN ((
    setweight(to_tsvector('simple', title_words), 'A') || setweight(to_tsvector('simple', text_words), 'B')
))"""


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in ("sqlite", "postgresql"):
        schema_editor.execute(SQLITE if vendor == "sqlite" else POSTGRES)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE search_fulltext")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX search_entry_fulltext")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_entries")]
    operations = [migrations.RunPython(create, drop)]
