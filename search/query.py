"""Running a search: match, keep only what the user may see, narrow by facets, count, rank, page."""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import normalize, tokens
from .backends import get_backend
from .models import Kind, SearchEntry, SearchFacet

FACETS = ("kind", "strategy", "project", "agency", "tag", "year")
SNIPPET_CHARS = 220
EXACT_PHRASE_BOOST = 10


@dataclass
class Results:
    query: str
    count: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # name → [{"value", "label", "count"}]


def phrases_of(query):
    """One phrase per word the user typed; a Thai word may analyse into several adjacent words."""
    return [words for words in (tokens(part) for part in query.split()) if words]


def visible_ids(ids, user):
    """The entries among `ids` this user may see: public ones, and restricted ones of their groups."""
    group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    rows = SearchEntry.objects.filter(pk__in=ids).values_list("pk", "is_public", "group_ids")
    return {pk for pk, public, groups in rows if public or group_ids.intersection(groups)}


def search(query, *, user, filters=None, sort="relevance", page=1, per_page=10):
    results = Results(query=query)
    phrases = phrases_of(query)
    if not phrases:
        return results
    scores = get_backend().match(phrases)
    if len(phrases) > 1:  # the words typed, in that order, beat the same words scattered
        for pk in get_backend().match([[word for phrase in phrases for word in phrase]]):
            scores[pk] *= EXACT_PHRASE_BOOST
    ids = visible_ids(scores, user)
    for name, value in (filters or {}).items():
        if name in FACETS and value:
            ids &= set(
                SearchFacet.objects.filter(entry__in=ids, name=name, value=value).values_list(
                    "entry", flat=True
                )
            )
    results.count = len(ids)
    results.facets = facet_counts(ids)
    dates = dict(SearchEntry.objects.filter(pk__in=ids).values_list("pk", "date"))
    if sort == "date":
        ordered = sorted(
            ids, key=lambda pk: (dates[pk] is not None, dates[pk] or 0, scores[pk]), reverse=True
        )
    else:  # relevance, then newer first
        ordered = sorted(
            ids, key=lambda pk: (scores[pk], dates[pk] is not None, dates[pk] or 0), reverse=True
        )
    start = (page - 1) * per_page
    results.hits = hits_for(ordered[start : start + per_page], phrases)
    return results


def facet_counts(ids):
    rows = SearchFacet.objects.filter(entry__in=ids).values_list("name", "value", "label")
    counts = Counter(rows)
    facets = {name: [] for name in FACETS}
    for (name, value, label), count in sorted(counts.items(), key=lambda item: (-item[1], item[0][2])):
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
