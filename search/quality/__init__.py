"""A set of Thai queries with the results staff expect, and the measures of how well search finds them."""

import json
from pathlib import Path

from django.contrib.auth.models import AnonymousUser

from forums.models import Topic
from knowledge.models import (
    Agency,
    ChapterPage,
    Indicator,
    ManualPage,
    PlanPage,
    ProjectPage,
    StandardPage,
    UpdatePage,
)
from knowledge.models.taxonomy import ReferenceItem

from ..query import search

QUERIES = json.loads(Path(__file__).with_name("queries.json").read_text(encoding="utf-8"))["queries"]
TOP = 10


def expected_urls(expectation):
    """The addresses that meet one expectation: [kind, id], or {"any": [[kind, id], ...]}."""
    items = expectation["any"] if isinstance(expectation, dict) else [expectation]
    return [expected_url(kind, ident) for kind, ident in items]


def expected_url(kind, ident):
    """The address of the item a query must find, from its stable id."""
    objects = {
        "project": lambda: ProjectPage.objects.get(code=ident),
        "manual": lambda: ManualPage.objects.current().get(code=ident),
        "standard": lambda: StandardPage.objects.current().get(code=ident),
        "agency": lambda: Agency.objects.get(code=ident),
        "kpi": lambda: Indicator.objects.get(code=ident),
        "chapter": lambda: ChapterPage.objects.child_of(PlanPage.objects.get(slug="plan")).get(code=ident),
        "update": lambda: UpdatePage.objects.live().get(date=ident),
        "plan": lambda: PlanPage.objects.get(slug=ident),
        "reference": lambda: ReferenceItem.find(*ident.split(":", 1)),
        "topic": lambda: Topic.objects.get(title=ident),
    }
    obj = objects[kind]()
    if kind == "kpi":
        return f"{obj.project.url}#kpis"
    return obj.get_absolute_url() if kind in ("agency", "reference", "topic") else obj.url


def evaluate(queries=QUERIES):
    """Per query: the expected addresses and the ranks where they were found (None if not in the top
    10); overall and per kind of query, recall@10 and mean reciprocal rank."""
    rows = []
    for item in queries:
        urls = [hit["url"] for hit in search(item["q"], user=AnonymousUser(), per_page=TOP).hits]
        expected = [expected_urls(expectation) for expectation in item["expect"]]
        ranks = [
            min((urls.index(url) + 1 for url in group if url in urls), default=None) for group in expected
        ]
        rows.append({"q": item["q"], "kind": item.get("kind", "title"), "expected": expected, "ranks": ranks})
    kinds = {
        kind: measures([row for row in rows if row["kind"] == kind])
        for kind in dict.fromkeys(r["kind"] for r in rows)
    }
    return {"rows": rows, **measures(rows), "kinds": kinds}


def measures(rows):
    found = sum(rank is not None for row in rows for rank in row["ranks"])
    total = sum(len(row["ranks"]) for row in rows)
    reciprocal = [1 / min(r for r in row["ranks"] if r) if any(row["ranks"]) else 0 for row in rows]
    return {"queries": len(rows), "recall_at_10": found / total, "mrr": sum(reciprocal) / len(rows)}
