"""The Elasticsearch backend: its mapping and queries checked offline; a live suite when a server is set.

No Elasticsearch server can be installed on the project's machines, so the live suite runs only when
ELASTICSEARCH_URL is set and says so when it skips.
"""

import os

import pytest

from search.analysis import tokens
from search.backends.elastic import EntryDocument, build_search

# The analyser reads the administrators' terms from the database.
pytestmark = pytest.mark.django_db


def test_the_mapping_indexes_our_segmented_words_and_adds_the_thai_analyzer():
    index = EntryDocument._index.to_dict()
    assert index["settings"]["analysis"]["analyzer"]["moe_words"] == {
        "type": "custom",
        "tokenizer": "whitespace",
        "filter": ["lowercase"],
    }
    for field in ("title", "text"):
        mapping = index["mappings"]["properties"][field]
        assert mapping["analyzer"] == "moe_words"
        assert mapping["fields"]["thai"] == {"type": "text", "analyzer": "thai"}
    assert index["mappings"]["properties"]["kind"] == {"type": "keyword"}


def test_every_term_must_match_as_any_of_its_phrases_titles_weighted_first():
    terms = [[tuple(tokens("กระทรวงศึกษาธิการ"))], [("ดิจิทัล",), ("digital",)]]
    query = build_search(terms).to_dict()
    must = query["query"]["bool"]["must"]
    alternatives = [[clause["multi_match"] for clause in term["bool"]["should"]] for term in must]
    assert [[match["query"] for match in term] for term in alternatives] == [
        ["กระทรวง ศึกษาธิการ"],
        ["ดิจิทัล", "digital"],
    ]
    assert all(term["bool"]["minimum_should_match"] == 1 for term in must)
    assert all(match["type"] == "phrase" for term in alternatives for match in term)
    assert alternatives[0][0]["fields"][0] == "title^10"
    assert query["_source"] is False


live = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="ELASTICSEARCH_URL is not set: live Elasticsearch suite skipped (no server on this machine)",
)


@live
@pytest.mark.django_db
def test_live_cluster_finds_a_thai_word_inside_a_compound(settings):
    from search.backends.elastic import ElasticBackend
    from search.models import SearchEntry

    backend = ElasticBackend(os.environ["ELASTICSEARCH_URL"])
    backend.clear()
    backend.store(list(SearchEntry.objects.all()))
    found = SearchEntry.objects.filter(pk__in=backend.match([[tuple(tokens("ศึกษาธิการ"))]]))
    assert "สำนักงานปลัดกระทรวงศึกษาธิการ" in [entry.title for entry in found]
