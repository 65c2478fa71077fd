"""The exchange's pages as shared renderings: each page is rendered once for everyone who sees the same
thing (its audience), and each reader's own bits are filled in per request (knowledge.personal). Pieces
inside them (the rows of a topic list, the body of each post) are cached apart too, as they recur across
pages and audiences.

Each rendering keeps the dependency names it shows (config/dependencies.py: a topic, a category, the
forum's lists, who may read what) and is made again once one of them changes, so an edit, a hidden post or
a moved topic is never served stale, and a reply leaves every other topic's rendering alone. View counts
may lag by up to FRAGMENT_SECONDS; post bodies are keyed by their own edit and status.
"""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from knowledge import dependencies, page_cache, personal

from .access import audience_of
from .models import Topic, TopicStatus

FRAGMENT_SECONDS = 60
# What every rendering of the exchange shows: who may read which category, tag names, people's names.
FORUM = ("forum-access", "tags", "people")


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


def cached_object(name, pk, load, names):
    """A row every visit needs, read until one of `names` changes. `load` may return None (no such
    row); that is remembered too."""
    return dependencies.cached(f"{name}:{pk}", load, FRAGMENT_SECONDS, names)


def has_held_topics(user):
    """Asked on every list a member opens; changes only when one of their topics does."""

    def held():
        return Topic.objects.filter(author=user, status=TopicStatus.HELD).exists()

    return dependencies.cached(f"forum-held:{user.pk}", held, FRAGMENT_SECONDS, [f"author:{user.pk}"])


def shared_response(request, viewer, parts, template, context, names):
    """A page rendered once for everyone `parts` names (the page and its audience) and filled in for
    `viewer` (knowledge.personal); `context` is called only when that rendering is not cached, and the
    rendering lasts until one of `names` (or what it reads) changes."""
    names = (*FORUM, *names)
    return personal.shared_response(request, viewer, parts, template, context, names, FRAGMENT_SECONDS)


def topic_rows(topics):
    topics = list(topics)
    return page_cache.fragment(
        "forum-rows",
        [topic.pk for topic in topics],
        lambda: render_to_string("forums/includes/topic_table.html", {"topics": topics}),
        names=[*FORUM, *(f"topic-row:{topic.pk}" for topic in topics)],
    )


def with_bodies(posts, topic):
    """Set `post.body` (head, text and pictures, rendered) on each post, from the cache where possible."""
    prefix = f"forum-fragment:{get_language()}:post"
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
