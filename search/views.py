"""The search page and its JSON twin, both driven by the same query parameters (bookmarkable)."""

from collections import Counter

from django.db.models.functions import Length
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from forums.access import audience_of
from knowledge import dependencies
from knowledge.page_cache import digest
from knowledge.thaidate import fold_thai_digits

from .analysis import normalize
from .models import Kind, SearchEntry
from .query import CANDIDATES, FACETS, search

PER_PAGE = 10
LAST_PAGE = 1000  # no one reads 10,000 results; a bigger page number is read as this one
SUGGESTIONS = 8
FACET_VALUES_SHOWN = 12  # per facet, the most frequent first
RESULTS_SECONDS = 300  # kept results are also dropped at once when the index or the search terms change


def parameters(request):
    """Query, filters, sort and page from the URL; bad values fall back to defaults."""
    filters = {name: fold_thai_digits(request.GET.get(name, "")).strip() for name in FACETS}
    sort = "date" if request.GET.get("sort") == "date" else "relevance"
    try:
        page = min(max(1, int(fold_thai_digits(request.GET.get("page", "1")))), LAST_PAGE)
    except ValueError:
        page = 1
    return request.GET.get("q", "").strip()[:200], {k: v for k, v in filters.items() if v}, sort, page


def run(request):
    """The search the URL asks for. Its results are kept per query, filters, page, language and audience
    (what the reader may see) until the index or the search terms change: the same popular questions
    come from many readers, and each costs the ranking and snippets once."""
    query, filters, sort, page = parameters(request)
    as_typed = request.GET.get("spell") == "off"  # "search instead for" what was typed
    tokens = audience_of(request.user)
    audience = "all" if tokens is None else sorted(tokens)
    parts = (query, sorted(filters.items()), sort, page, as_typed, audience)
    results = dependencies.cached(
        f"search:{get_language()}:{digest(parts)}",
        lambda: search(
            query,
            user=request.user,
            filters=filters,
            sort=sort,
            page=page,
            per_page=PER_PAGE,
            correct=not as_typed,
        ),
        RESULTS_SECONDS,
        ["search", "search-terms"],
    )
    return query, filters, sort, page, results


@never_cache
def search_page(request):
    query, filters, sort, page, results = run(request)
    pages = (results.count + PER_PAGE - 1) // PER_PAGE
    spell = {"spell": "off"} if request.GET.get("spell") == "off" else {}
    base = {"q": query, **filters, **({"sort": sort} if sort == "date" else {}), **spell}
    context = {
        "query": query,
        "filters": filters,
        "sort": sort,
        "results": results,
        "page_number": page,
        "pages": pages,
        "facet_links": facet_links(results.facets, base),
        "facet_sample": CANDIDATES,
        "corrected_query": results.understood.corrected_query(query),
        "as_typed_url": f"?{urlencode({**base, 'spell': 'off'})}",
        "related": related_forms(results.understood),
        "previous_url": f"?{urlencode({**base, 'page': page - 1})}" if page > 1 else "",
        "next_url": f"?{urlencode({**base, 'page': page + 1})}" if page < pages else "",
        "sort_urls": {name: f"?{urlencode({**base, 'sort': name})}" for name in ("relevance", "date")},
    }
    return render(request, "search/search.html", context)


def related_forms(understood):
    """The other forms searched too, as the page lists them: [(typed, "form, form")]."""
    return [(typed, ", ".join(forms)) for typed, forms in understood.related.items()]


def facet_links(facets, base):
    """For each facet value: its link (toggling the filter) and whether it is selected."""
    links = {}
    for name, values in facets.items():
        links[name] = []
        for item in values[:FACET_VALUES_SHOWN]:
            selected = base.get(name) == item["value"]
            params = {k: v for k, v in base.items() if k != name}
            if not selected:
                params[name] = item["value"]
            links[name].append({**item, "selected": selected, "url": f"?{urlencode(params)}"})
    return links


@never_cache
def search_api(request):
    query, filters, sort, page, results = run(request)
    fields = ("kind", "title", "url", "snippet", "date", "strategies", "projects", "agency", "tags")
    return JsonResponse(
        {
            "count": results.count,
            "results": [
                {name: str(hit[name]) if name == "snippet" else hit[name] for name in fields}
                for hit in results.hits
            ],
            "facets": results.facets,
            "corrected": results.understood.corrected_query(query),
            "related": results.understood.related,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@never_cache
def suggest_api(request):
    """Titles containing what the user has typed so far, for autocomplete (public entries only). Titles
    that repeat (two editions of one manual) say which is which."""
    typed = normalize(request.GET.get("q", "")).strip()[:100]
    if len(typed) < 2:
        return JsonResponse({"results": []})
    entries = list(
        SearchEntry.objects.filter(is_public=True, title__icontains=typed)
        .order_by("-is_current", Length("title"), "title")
        .values("key", "title", "url", "kind", "is_current")[:SUGGESTIONS]
    )
    repeated = {title for title, count in Counter(entry["title"] for entry in entries).items() if count > 1}
    editions = edition_numbers([entry["key"] for entry in entries if entry["title"] in repeated])
    results = [
        {
            "title": entry["title"],
            "url": entry["url"],
            "kind": entry["kind"],
            "kind_label": str(Kind(entry["kind"]).label),
            "detail": detail(entry, editions) if entry["title"] in repeated else "",
        }
        for entry in entries
    ]
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})


def edition_numbers(keys):
    """{entry key: edition number} of the editions among these entries."""
    from knowledge.models import ManualPage, StandardPage

    ids = [int(key.split(":")[1]) for key in keys if key.startswith("page:")]
    editions = [*ManualPage.objects.filter(pk__in=ids), *StandardPage.objects.filter(pk__in=ids)]
    return {f"page:{page.pk}": page.edition for page in editions}


def detail(entry, editions):
    kind = str(Kind(entry["kind"]).label)
    if entry["key"] in editions:
        state = _("in force") if entry["is_current"] else _("superseded")
        return _("%(kind)s, edition %(number)s (%(state)s)") % {
            "kind": kind,
            "number": editions[entry["key"]],
            "state": state,
        }
    return kind
