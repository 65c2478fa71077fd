"""Running a search: match, keep only what the user may see, narrow by facets, count, rank, page."""

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.utils.safestring import mark_safe

from forums.access import audience_of

from .analysis import normalize, word_bounds
from .backends import get_backend
from .models import Kind, SearchEntry, SearchFacet
from .understanding import Understanding, understand

FACETS = ("kind", "plan", "strategy", "project", "agency", "tag", "year")
SNIPPET_CHARS = 220
EXACT_PHRASE_BOOST = 10
TITLE_BOOST = 3  # every term in the title: the entry is about it, not just mentioning it
# The plan's own pages answer with authority; a discussion about them comes after, a reply last. A KPI
# measures a project: the project, whose hub shows it, comes first unless the query asks for KPIs. News
# (updates) is of its day; a superseded edition is kept for the record, below the one in force.
KIND_WEIGHTS = {
    Kind.KPI: 0.6,
    Kind.UPDATE: 0.7,
    Kind.TOPIC: 0.5,
    Kind.CASE: 0.7,
    Kind.QUESTION: 0.5,
    Kind.REPLY: 0.25,
}
# Facets are counted among this many best matches (the total is always exact): counting every facet of
# 80,000 matches would cost more than the search itself.
CANDIDATES = 200
SUPERSEDED_WEIGHT = 0.3
# What a query names (search.understanding) lifts the entries that carry it: the agency itself most,
# its projects and their KPIs next; KPIs when it says ตัวชี้วัด/KPI; entries of the year it names.
AGENCY_BOOST, AGENCY_KIND_BOOST = 3, {Kind.AGENCY: 4, Kind.PROJECT: 2, Kind.KPI: 1.5}
LEAD_BOOST = 2  # projects (and their KPIs and pages) the agency leads, above those it only partners
KIND_BOOST = 3
YEAR_BOOST = 2
# Siblings of one reference list (the seven PMQA categories) would fill a page on their own: beyond the
# first CROWD of them, each further one steps CROWD_STEP places down, letting other answers in.
CROWD, CROWD_STEP = 3, 8


@dataclass
class Results:
    query: str
    count: int = 0
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # name → [{"value", "label", "count"}]
    facets_sampled: bool = False  # counted among the best CANDIDATES matches only
    understood: Understanding = field(default_factory=Understanding)
    partial: bool = False  # some results hold only part of the query


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def hidden(user):
    """SQL (on a match's entry_id, aliased m) leaving out the restricted entries (forum categories) this
    user may not see. They are found through the is_public index, never by reading what matched; only the
    few a member may read are listed (from their own partial index)."""
    tokens = audience_of(user)
    if tokens is None:
        return "", []  # moderators read every category
    # "is_public = false", not "NOT is_public": SQLite scans the whole index for the latter.
    restricted = f"SELECT id FROM {SearchEntry._meta.db_table} WHERE is_public = %s"
    allowed = []
    if tokens:
        candidates = SearchEntry.objects.filter(is_public=False).values_list("pk", "group_ids")
        allowed = [pk for pk, audience in candidates if tokens.intersection(audience)]
    if allowed:
        restricted += f" AND id NOT IN ({placeholders(allowed)})"
    return f" AND m.entry_id NOT IN ({restricted})", [False, *allowed]


def search(query, *, user, filters=None, sort="relevance", page=1, per_page=10, correct=True):
    understood = understand(query, correct=correct)
    results = Results(query=query, understood=understood)
    if not understood.terms:
        return results
    offset = (page - 1) * per_page
    limit = max(CANDIDATES, offset + per_page)
    where = conditions(hidden(user), filters or {})
    ranked, results.count, results.partial = rank(understood, where, sort, limit, offset + per_page)
    ranked = ranked if sort == "date" else uncrowded(ranked)
    results.facets = facet_counts(ranked[:CANDIDATES])
    results.facets_sampled = results.count > CANDIDATES
    results.hits = hits_for(ranked[offset : offset + per_page], understood.highlighted)
    return results


def uncrowded(ranked):
    """The ranked ids with the siblings of each reference list beyond CROWD moved down (see CROWD)."""
    references = SearchEntry.objects.filter(pk__in=ranked, kind=Kind.REFERENCE).values_list("pk", "key")
    lists = {pk: key.split(":")[0] for pk, key in references}
    seen, places = Counter(), {}
    for place, pk in enumerate(ranked):
        siblings_before = seen[lists[pk]] if pk in lists else 0
        seen[lists.get(pk)] += 1
        places[pk] = place + CROWD_STEP * max(0, siblings_before - CROWD + 1)
    return sorted(ranked, key=places.__getitem__)


def conditions(hidden, filters):
    """SQL on a match's entry_id (aliased m): not hidden from the user, inside every chosen facet."""
    where, params = "1 = 1" + hidden[0], list(hidden[1])
    for name, value in filters.items():
        if name in FACETS and value:
            where += (
                f" AND m.entry_id IN (SELECT entry_id FROM {SearchFacet._meta.db_table}"
                " WHERE name = %s AND value = %s)"
            )
            params += [name, value]
    return where, params


def rank(understood, conditions, sort, limit, needed):
    """The best `limit` matching entry ids, in order, how many match in all, and whether some hold only
    part of the query. Entries holding every term come first; when too few do to fill the page asked for
    (`needed` results), entries holding most of the terms follow, by how many they hold (a question's
    extra words never empty it). A partial match ranks below every complete one, so with the page full
    of complete ones the second, costlier match would change nothing shown but the count."""
    terms = [term.phrases for term in understood.terms]
    backend = get_backend()
    match_sql, params = backend.match_sql(terms)
    every = (f"SELECT entry_id, score, {len(terms)} AS covered FROM ({match_sql}) AS every", params)
    ranked, count = ranked_ids(every, understood, conditions, sort, limit)
    if count >= needed or len(terms) == 1:
        return ranked, count, False
    # Most of the query first (as Elasticsearch's minimum_should_match); any word of it if too few hold
    # that to fill the page (a lone entry holding three common words would otherwise hide every one that
    # holds the two rare ones). A term no entry holds cannot count towards either: left out, the match is
    # cheaper (one term left is a plain match, not a union grouped by entry).
    found = [term for term in terms if holds_any(backend, term)]
    ranked, partly = [], 0
    for least in dict.fromkeys([(len(terms) + 1) // 2, 1]):
        if least <= len(found) and partly < needed:
            ranked, partly = ranked_ids(coverage(backend, found, least), understood, conditions, sort, limit)
    return ranked, partly, partly > count


def holds_any(backend, term):
    """Whether any entry holds the term (the full-text index stops at the first)."""
    sql, params = backend.match_sql([term])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM ({sql}) AS m LIMIT 1", params)
        return cursor.fetchone() is not None


def coverage(backend, terms, least):
    """SQL of (entry_id, score, covered) for entries holding at least `least` terms: how many each holds."""
    if len(terms) == 1:
        sql, params = backend.match_sql(terms)
        return f"SELECT entry_id, score, 1 AS covered FROM ({sql}) AS only", params
    parts, params = [], []
    for i, term in enumerate(terms):
        sql, term_params = backend.match_sql([term])
        parts.append(f"SELECT entry_id, score FROM ({sql}) AS t{i}")
        params += term_params
    union = " UNION ALL ".join(parts)
    sql = (
        f"SELECT entry_id, SUM(score) AS score, COUNT(*) AS covered FROM ({union}) AS u "
        f"GROUP BY entry_id HAVING COUNT(*) >= {int(least)}"
    )
    return sql, params


def ranked_ids(match, understood, conditions, sort, limit):
    """One statement that runs the match once (materialised; a second match just to count costs a
    phrase query as much again), and its best `limit` ids with the count.

    By relevance, coverage and the full-text score pick the best `limit` (as a bare full-text query
    would), and only those are re-weighted by kind, exact phrase and what the query names, reading the
    entries through an index: the exact phrase is looked for among them alone. By date, every match is
    ordered by coverage, then its date."""
    backend = get_backend()
    match_sql, match_params = match
    where, where_params = conditions
    # The words typed, in that order, beat the same words scattered.
    words = tuple(understood.words)
    if len(words) > 1:
        exact_sql, exact_params = backend.match_sql([[words]], among="SELECT entry_id FROM top")
    else:  # one word typed: its phrase is the match itself
        exact_sql, exact_params = "SELECT 0 AS entry_id", []
    titles_sql, titles_params = backend.match_sql(
        [term.phrases for term in understood.terms], among="SELECT entry_id FROM top", titles=True
    )
    boost_sql, boost_params = boosts(understood)
    # Entries holding every term first; then the rest by score times how many terms they hold (the score
    # already weighs rare words above common ones, so two rare words beat three common ones).
    complete = f"(CASE WHEN covered = {len(understood.terms)} THEN 1 ELSE 0 END)"
    best = "" if sort == "date" else f"ORDER BY {complete} DESC, score * covered DESC LIMIT %s"
    weights = " ".join(f"WHEN '{kind}' THEN {weight}" for kind, weight in KIND_WEIGHTS.items())
    # IN, not a join: SQLite would scan the whole of x once per candidate.
    exact = f"(CASE WHEN top.entry_id IN (SELECT entry_id FROM x) THEN {EXACT_PHRASE_BOOST} ELSE 1 END)"
    score = (
        f"top.score * {exact}"
        f" * (CASE WHEN top.entry_id IN (SELECT entry_id FROM t) THEN {TITLE_BOOST} ELSE 1 END)"
        f" * (CASE e.kind {weights} ELSE 1 END)"
        f" * (CASE WHEN e.is_current THEN 1 ELSE {SUPERSEDED_WEIGHT} END){boost_sql}"
    )
    newest = "e.date IS NULL, e.date DESC"
    order = (
        f"{complete} DESC, {newest}, {score} DESC"
        if sort == "date"
        else f"{complete} DESC, {score} * top.covered DESC, {newest}"
    )
    # Materialised: left inline, SQLite re-runs the full-text match for every row it joins.
    sql = (
        f"WITH m(entry_id, score, covered) AS MATERIALIZED "
        f"(SELECT m.entry_id, m.score, m.covered FROM ({match_sql}) AS m WHERE {where}), "
        f"top(entry_id, score, covered) AS MATERIALIZED (SELECT entry_id, score, covered FROM m {best}), "
        f"x(entry_id) AS MATERIALIZED (SELECT entry_id FROM ({exact_sql}) AS x), "
        f"t(entry_id) AS MATERIALIZED (SELECT entry_id FROM ({titles_sql}) AS t) "
        f"SELECT top.entry_id, (SELECT COUNT(*) FROM m) FROM top "
        f"JOIN {SearchEntry._meta.db_table} AS e ON e.id = top.entry_id "
        f"ORDER BY {order}, top.entry_id LIMIT %s"
    )
    params = [
        *match_params,
        *where_params,
        *([limit] if best else []),
        *exact_params,
        *titles_params,
        *boost_params,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [row[0] for row in rows], (rows[0][1] if rows else 0)


def boosts(understood):
    """SQL factors (on entry e) for the agencies, kinds and years the query names."""
    factors = []
    if understood.agencies:
        kinds = " ".join(f"WHEN '{kind}' THEN {weight}" for kind, weight in AGENCY_KIND_BOOST.items())
        factors.append(
            facet_factor("agency", understood.agencies, f"{AGENCY_BOOST} * (CASE e.kind {kinds} ELSE 1 END)")
        )
        factors.append(facet_factor("lead", understood.agencies, LEAD_BOOST))
    if understood.kinds:
        kinds = list(understood.kinds)
        factors.append(
            (f" * (CASE WHEN e.kind IN ({placeholders(kinds)}) THEN {KIND_BOOST} ELSE 1 END)", kinds)
        )
    if understood.years:
        factors.append(facet_factor("year", understood.years, YEAR_BOOST))
    return "".join(sql for sql, _ in factors), [param for _, params in factors for param in params]


def facet_factor(name, values, factor):
    """SQL multiplying by `factor` the entries carrying one of these values of a facet."""
    table = SearchFacet._meta.db_table
    facet = f"SELECT entry_id FROM {table} WHERE name = %s AND value IN ({placeholders(values)})"
    return f" * (CASE WHEN e.id IN ({facet}) THEN {factor} ELSE 1 END)", [name, *values]


def facet_counts(entry_ids):
    """Facet values with how many of these entries carry each (plain SQL: the ORM takes longer to build
    an IN list of hundreds of ids than the database takes to count)."""
    facets = {name: [] for name in FACETS}
    if not entry_ids:
        return facets
    sql = (
        f"SELECT name, value, label, COUNT(*) FROM {SearchFacet._meta.db_table} "
        f"WHERE name IN ({placeholders(FACETS)}) AND entry_id IN ({placeholders(entry_ids)}) "
        "GROUP BY name, value, label"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*FACETS, *entry_ids])
        rows = cursor.fetchall()
    for name, value, label, count in sorted(rows, key=lambda row: (-row[3], row[2])):
        label = str(Kind(value).label) if name == "kind" else label
        facets[name].append({"value": value, "label": label, "count": count})
    return facets


def hits_for(page_ids, words):
    """The page's results, each entry read with its facet labels in one statement (plain SQL, as in
    facet_counts: building the ORM's join took longer than running it)."""
    entries, facets = {}, {}
    if page_ids:
        sql = (
            f"SELECT e.id, e.kind, e.title, e.text, e.url, e.date, f.name, f.label "
            f"FROM {SearchEntry._meta.db_table} AS e LEFT JOIN {SearchFacet._meta.db_table} AS f "
            f"ON f.entry_id = e.id WHERE e.id IN ({placeholders(page_ids)}) ORDER BY f.id"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, page_ids)
            rows = cursor.fetchall()
        for pk, kind, title, text, url, date, name, label in rows:
            entries[pk] = {"kind": kind, "title": title, "text": text, "url": url, "date": date}
            if name:
                facets.setdefault(pk, {}).setdefault(name, []).append(label)
    pattern = match_pattern(words)
    # An entry deleted since it was ranked is left out rather than failing the page.
    return [hit(entries[pk], facets.get(pk, {}), pattern) for pk in page_ids if pk in entries]


def hit(entry, facets, pattern):
    agencies = facets.get("agency", [])
    return {
        "kind": entry["kind"],
        "kind_label": str(Kind(entry["kind"]).label),
        "title": entry["title"],
        "title_html": highlight(entry["title"], pattern),
        "url": entry["url"],
        "snippet": snippet(entry["text"], pattern),
        "date": entry["date"],
        "strategies": facets.get("strategy", []),
        "projects": facets.get("project", []),
        "agency": agencies[0] if agencies else "",
        "tags": facets.get("tag", []),
    }


def highlight(text, pattern, bounds=None):
    """The text, HTML-escaped, with the words holding a searched word (`pattern`) marked whole."""
    if not pattern:
        return mark_safe(html.escape(text))  # noqa: S308 - escaped
    parts, last = [], 0
    for match in pattern.finditer(text):
        bounds = bounds if bounds is not None else word_bounds(text)  # only for text with a match
        start = max([bound for bound in bounds if bound <= match.start()], default=0)
        end = min([bound for bound in bounds if bound >= match.end()], default=len(text))
        if start < last:
            continue  # inside the word marked just before
        if parts and start == last:  # the next word of a marked run: one mark
            parts[-1] = parts[-1][: -len("</mark>")] + f"{html.escape(text[start:end])}</mark>"
        else:
            parts += [html.escape(text[last:start]), f"<mark>{html.escape(text[start:end])}</mark>"]
        last = end
    parts.append(html.escape(text[last:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


def snippet(text, pattern):
    """About SNIPPET_CHARS characters of the text around the first searched word, cut at word bounds,
    words marked."""
    text = " ".join(text.split())
    found = pattern.search(text) if pattern else None
    around = max(0, found.start() - SNIPPET_CHARS // 3) if found else 0
    window = text[max(0, around - 40) : around + SNIPPET_CHARS + 40]
    offset = max(0, around - 40)
    bounds = [offset + bound for bound in word_bounds(window)]
    start = min([bound for bound in bounds if bound >= around], default=around) if around else 0
    stop = max([bound for bound in bounds if bound <= start + SNIPPET_CHARS], default=len(text))
    stop = len(text) if start + SNIPPET_CHARS >= len(text) else max(stop, start + 1)
    piece = text[start:stop]
    prefix, suffix = ("… " if start else ""), (" …" if stop < len(text) else "")
    local = [bound - start for bound in bounds if start <= bound <= stop]
    return mark_safe(f"{prefix}{highlight(piece, pattern, local)}{suffix}")  # noqa: S308 - highlight escapes


def match_pattern(words):
    """Words as written in the original text: Thai digits, case and abbreviation dots vary."""
    alternatives = sorted({normalize(word) for word in words if len(word) > 1}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile("|".join(re.escape(word) for word in alternatives), re.IGNORECASE)
