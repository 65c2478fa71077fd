"""Running a search: match, keep only what the user may see, narrow by facets, count, rank, page."""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from forums.access import audience_of

from .analysis import normalize, tokens
from .backends import get_backend
from .models import Kind, SearchEntry, SearchFacet

FACETS = ("kind", "strategy", "project", "agency", "tag", "year")
SNIPPET_CHARS = 220
EXACT_PHRASE_BOOST = 10
# The plan's own pages answer with authority; a discussion about them comes after, a reply last.
KIND_WEIGHTS = {Kind.TOPIC: 0.5, Kind.CASE: 0.7, Kind.QUESTION: 0.5, Kind.REPLY: 0.25}


@dataclass
class Results:
    query: str
    count: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # name → [{"value", "label", "count"}]


def phrases_of(query):
    """One phrase per word the user typed; a Thai word may analyse into several adjacent words."""
    return [words for words in (tokens(part) for part in query.split()) if words]


def visible(entries, user):
    """Public entries, and restricted ones (forum categories) whose audience includes the user."""
    tokens = audience_of(user)
    if tokens is None:
        return entries  # moderators read every category
    restricted = SearchEntry.objects.filter(is_public=False).values_list("pk", "group_ids")
    allowed = [pk for pk, audience in restricted if tokens.intersection(audience)]
    return entries.filter(Q(is_public=True) | Q(pk__in=allowed))


def search(query, *, user, filters=None, sort="relevance", page=1, per_page=10):
    results = Results(query=query)
    phrases = phrases_of(query)
    if not phrases:
        return results
    backend = get_backend()
    match_sql, match_params = backend.match_sql(phrases)
    entries = SearchEntry.objects.filter(
        pk__in=RawSQL(f"SELECT entry_id FROM ({match_sql}) AS m", match_params)
    )
    entries = visible(entries, user)
    for name, value in (filters or {}).items():
        if name in FACETS and value:
            entries = entries.filter(
                pk__in=SearchFacet.objects.filter(name=name, value=value).values("entry")
            )
    results.count = entries.count()
    results.facets = facet_counts(entries)
    # The words typed, in that order, beat the same words scattered.
    exact = backend.match_sql([[word for phrase in phrases for word in phrase]]) if len(phrases) > 1 else None
    page_ids = ranked_ids(entries, (match_sql, match_params), exact, sort, per_page, (page - 1) * per_page)
    results.hits = hits_for(page_ids, phrases)
    return results


def ranked_ids(entries, match, exact, sort, limit, offset):
    """One page of matching entry ids, best first (or newest first), ranked in the database.

    The match and the allowed ids are materialised once: left inline, SQLite re-runs the full-text
    match for every candidate row (a minute at 20,000 hits instead of a fraction of a second)."""
    (match_sql, match_params), (exact_sql, exact_params) = match, exact or ("SELECT 0, 0", [])
    ids_sql, ids_params = entries.values("pk").query.sql_with_params()
    weights = " ".join(f"WHEN '{kind}' THEN {weight}" for kind, weight in KIND_WEIGHTS.items())
    score = (
        f"m.score * (CASE WHEN x.entry_id IS NULL THEN 1 ELSE {EXACT_PHRASE_BOOST} END)"
        f" * (CASE e.kind {weights} ELSE 1 END)"
    )
    newest = "e.date IS NULL, e.date DESC"
    order = f"{newest}, {score} DESC" if sort == "date" else f"{score} DESC, {newest}"
    sql = (
        f"WITH m(entry_id, score) AS MATERIALIZED ({match_sql}), allowed(id) AS MATERIALIZED ({ids_sql}), "
        f"x(entry_id, score) AS MATERIALIZED ({exact_sql}) "
        f"SELECT m.entry_id FROM m JOIN allowed ON allowed.id = m.entry_id "
        f"JOIN {SearchEntry._meta.db_table} AS e ON e.id = m.entry_id "
        f"LEFT JOIN x ON x.entry_id = m.entry_id "
        f"ORDER BY {order}, m.entry_id LIMIT %s OFFSET %s"
    )
    params = [*match_params, *ids_params, *exact_params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def facet_counts(entries):
    rows = (
        SearchFacet.objects.filter(entry__in=entries)
        .values_list("name", "value", "label")
        .annotate(count=Count("pk"))
        .order_by()
    )
    facets = {name: [] for name in FACETS}
    for name, value, label, count in sorted(rows, key=lambda row: (-row[3], row[2])):
        label = str(Kind(value).label) if name == "kind" else label
        facets[name].append({"value": value, "label": label, "count": count})
    return facets


def hits_for(page_ids, phrases):
    entries = SearchEntry.objects.in_bulk(page_ids)
    facets = {}
    for facet in SearchFacet.objects.filter(entry__in=page_ids).order_by("pk"):
        facets.setdefault(facet.entry_id, {}).setdefault(facet.name, []).append(facet.label)
    words = [word for phrase in phrases for word in phrase]
    return [hit(entries[pk], facets.get(pk, {}), words) for pk in page_ids]


def hit(entry, facets, words):
    agencies = facets.get("agency", [])
    return {
        "kind": entry.kind,
        "kind_label": entry.get_kind_display(),
        "title": entry.title,
        "title_html": highlight(entry.title, words),
        "url": entry.url,
        "snippet": snippet(entry.text, words),
        "date": entry.date,
        "strategies": facets.get("strategy", []),
        "projects": facets.get("project", []),
        "agency": agencies[0] if agencies else "",
        "tags": facets.get("tag", []),
    }


def highlight(text, words):
    """The text, HTML-escaped, with the searched words marked."""
    pattern = match_pattern(words)
    if not pattern:
        return escape(text)
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts += [escape(text[last : match.start()]), f"<mark>{escape(match.group())}</mark>"]
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


def snippet(text, words):
    """About SNIPPET_CHARS characters of the text around the first searched word, words marked."""
    text = " ".join(text.split())
    pattern = match_pattern(words)
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - SNIPPET_CHARS // 3) if found else 0
    piece = text[start : start + SNIPPET_CHARS]
    prefix, suffix = ("… " if start else ""), (" …" if start + SNIPPET_CHARS < len(text) else "")
    return mark_safe(f"{prefix}{highlight(piece, words)}{suffix}")  # noqa: S308 - highlight escapes


def match_pattern(words):
    """Words as written in the original text: Thai digits, case and abbreviation dots vary."""
    alternatives = sorted({normalize(word) for word in words if len(word) > 1}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile("|".join(re.escape(word) for word in alternatives), re.IGNORECASE)
