"""Elasticsearch 8 through elasticsearch-dsl, for a cluster when one machine is not enough.

Our own segmenter has already cut the Thai into words (so the ministry's dictionary applies here too):
the main fields split on whitespace; a `.thai` sub-field adds Elasticsearch's own Thai analyzer for
recall on text that reaches the index some other way.
"""

from django.conf import settings
from elasticsearch_dsl import Boolean, Date, Document, Keyword, Search, Text, analyzer, connections
from elasticsearch_dsl.query import Bool, MultiMatch

INDEX_NAME = "moe-search"
WORDS = analyzer("moe_words", tokenizer="whitespace", filter=["lowercase"])
MAX_HITS = 10_000


def words_field():
    return Text(analyzer=WORDS, fields={"thai": Text(analyzer="thai")})


class EntryDocument(Document):
    """The Elasticsearch copy of a SearchEntry's analysed words."""

    kind = Keyword()
    title = words_field()
    text = words_field()
    date = Date()
    is_public = Boolean()

    class Index:
        name = INDEX_NAME
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


TEXT_FIELDS = ["title^10", "text", "title.thai^5", "text.thai"]
TITLE_FIELDS = ["title", "title.thai"]


def phrase_query(terms, fields=TEXT_FIELDS):
    """Every term must match: any of its phrases, as a phrase, in the title (weighted ten times) or the
    text."""
    must = [
        Bool(
            should=[
                MultiMatch(
                    query=" ".join(words),
                    type="phrase",
                    fields=fields,
                )
                for words in phrases
            ],
            minimum_should_match=1,
        )
        for phrases in terms
    ]
    return Bool(must=must)


def build_search(terms, using=None):
    return Search(index=INDEX_NAME, using=using).query(phrase_query(terms)).source(False).extra(size=MAX_HITS)


class ElasticBackend:
    def __init__(self, url=None):
        self.alias = "moe"
        connections.create_connection(alias=self.alias, hosts=[url or settings.ELASTICSEARCH_URL])
        EntryDocument.init(using=self.alias)

    def store(self, entries):
        for entry in entries:
            document = EntryDocument(
                meta={"id": entry.pk},
                kind=entry.kind,
                title=entry.title_words,
                text=entry.text_words,
                date=entry.date,
                is_public=entry.is_public,
            )
            document.save(using=self.alias, refresh="wait_for")

    def forget(self, entry_ids):
        for entry_id in entry_ids:
            EntryDocument(meta={"id": entry_id}).delete(using=self.alias, ignore=404, refresh="wait_for")

    def clear(self):
        EntryDocument._index.delete(using=self.alias, ignore=404)
        EntryDocument.init(using=self.alias)

    def match(self, terms, titles=False):
        response = build_search(terms, using=self.alias, titles=titles).execute()
        return {int(hit.meta.id): hit.meta.score for hit in response}

    def match_sql(self, terms, among=None, titles=False):
        """The cluster's hits as (entry_id, score) rows the database can join (at most MAX_HITS); `among`
        is SQL the cluster cannot read, so it is ignored."""
        hits = self.match(terms, titles) or {0: 0.0}  # entry 0 does not exist: an empty match
        rows = ", ".join(["(%s, %s)"] * len(hits))
        sql = f"SELECT column1 AS entry_id, column2 AS score FROM (VALUES {rows}) AS hits"
        return sql, [value for pair in hits.items() for value in pair]
