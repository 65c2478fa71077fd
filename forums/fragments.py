"""The exchange's pages as shared renderings: each page is rendered once for everyone who sees the same
thing (its audience), and each reader's own bits are filled in per request (knowledge.personal). Pieces
inside them (the rows of a topic list, the body of each post) are cached apart too, as they recur across
pages and audiences.

Keys hold the content generation (knowledge.page_cache.version(), which moves on every change), the
language and what the piece shows, so an edit, a hidden post or a moved topic is never served stale.
View and reaction counts may lag by up to FRAGMENT_SECONDS.
"""

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from knowledge import page_cache, personal

from .access import audience_of
from .models import Topic, TopicStatus

FRAGMENT_SECONDS = 60
MISSING = object()


def viewer_key(user):
    """Who sees the same lists: moderators, anonymous visitors, or one set of audience tokens. A member
    with topics waiting for approval sees those too, so their lists are their own until it is given."""
    tokens = audience_of(user)
    if tokens is None:
        return ["moderator"]
    key = sorted(tokens)
    if user.is_authenticated and has_held_topics(user):
        key.append(f"author:{user.pk}")
    return key


def cached_object(name, pk, load):
    """A row every visit needs, read once per content generation (any change starts a new one).
    `load` may return None (no such row); that is remembered too."""
    key = f"{name}:{page_cache.version()}:{pk}"
    found = cache.get(key, MISSING)
    if found is MISSING:
        found = load()
        cache.set(key, found, FRAGMENT_SECONDS)
    return found


def has_held_topics(user):
    """Asked on every list a member opens; held topics change only with content (a new generation)."""
    key = f"forum-held:{page_cache.version()}:{user.pk}"

    def held():
        return Topic.objects.filter(author=user, status=TopicStatus.HELD).exists()

    return cache.get_or_set(key, held, FRAGMENT_SECONDS)


def shared_response(request, viewer, parts, template, context):
    """A page rendered once for everyone `parts` names (the page and its audience) and filled in for
    `viewer` (knowledge.personal); `context` is called only when that rendering is not cached."""
    return HttpResponse(personal.shared_page(request, viewer, parts, template, context, FRAGMENT_SECONDS))


def topic_rows(topics):
    topics = list(topics)
    return page_cache.fragment(
        "forum-rows",
        [topic.pk for topic in topics],
        lambda: render_to_string("forums/includes/topic_table.html", {"topics": topics}),
    )


def with_bodies(posts, topic):
    """Set `post.body` (head, text and pictures, rendered) on each post, from the cache where possible."""
    prefix = f"forum-fragment:{page_cache.version()}:{get_language()}:post"
    keys = {
        post.pk: f"{prefix}:{post.pk}:{post.edited_at}:{post.status}:{topic.accepted_post_id}"
        for post in posts
    }
    found, missing = cache.get_many(keys.values()), {}
    for post in posts:
        html = found.get(keys[post.pk])
        if html is None:
            html = missing[keys[post.pk]] = render_to_string(
                "forums/includes/post_body.html", {"post": post, "topic": topic}
            )
        post.body_html = mark_safe(html)
    cache.set_many(missing, FRAGMENT_SECONDS)
    return posts
