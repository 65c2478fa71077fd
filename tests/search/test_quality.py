"""Search quality over the demo content: 43 Thai queries as staff type them, each with what it must find."""

import pytest

from search.quality import QUERIES, evaluate

pytestmark = pytest.mark.django_db


def test_the_query_set_is_large_enough_to_mean_something():
    assert len(QUERIES) >= 40


def test_thai_queries_find_what_staff_expect():
    report = evaluate()
    misses = [(row["q"], row["ranks"]) for row in report["rows"] if None in row["ranks"]]
    print(f"recall@10={report['recall_at_10']:.3f} MRR={report['mrr']:.3f} misses={misses}")
    assert report["recall_at_10"] >= 0.95, misses
    assert report["mrr"] >= 0.70
