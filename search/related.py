"""Related content: what shares the page's project, strategy or tags first, then what shares its words."""

import operator
from collections import Counter
from functools import reduce

from django.db.models import Q

from .analysis import tokens
from .backends import get_backend
from .models import Kind, SearchEntry, SearchFacet

# How much each shared facet counts: the same project says most, a shared tag a little less.
WEIGHTS = {"project": 3, "tag": 2, "strategy": 1}
LIMIT = 5


def related_entries(key, limit=LIMIT):
    entry = SearchEntry.objects.filter(key=key).first()
    if entry is None:
        return []
    own = list(entry.facets.filter(name__in=WEIGHTS).values_list("name", "value"))
    scores = Counter()
    if own:
        same_facet = reduce(operator.or_, (Q(name=name, value=value) for name, value in own))
        shared = SearchFacet.objects.filter(same_facet, entry__is_public=True, entry__is_current=True)
        for entry_id, name in shared.exclude(entry=entry).values_list("entry_id", "name"):
            scores[entry_id] += WEIGHTS[name]
    if len(scores) < limit:
        for entry_id, score in similar_text(entry).items():
            scores[entry_id] += min(score, 0.5)  # text similarity only fills in after shared facets
    scores.pop(entry.pk, None)
    # Only what anyone may see; replies would repeat their topic.
    candidates = (
        SearchEntry.objects.filter(pk__in=scores, is_public=True, is_current=True)
        .exclude(kind=Kind.REPLY)
        .in_bulk()
    )
    best = [pk for pk, _ in scores.most_common() if pk in candidates][:limit]
    return [candidates[pk] for pk in best]


def similar_text(entry):
    """Entries sharing the longest words of this entry's title (any one of them)."""
    words = sorted(set(tokens(entry.title)), key=len, reverse=True)[:4]
    matches = Counter()
    for word in words:
        for pk, score in get_backend().match([[(word,)]]).items():
            matches[pk] += max(score, 0) / (1 + max(score, 0))
    return matches
