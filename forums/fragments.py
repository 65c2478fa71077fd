"""Rendered pieces of forum pages kept in the cache, for signed-in members (whose pages are never cached
whole): the rows of a topic list and the body of each post look the same to everyone who may see them.

Keys hold the content generation (knowledge.page_cache.version(), which moves on every change), the
language and what the piece shows, so an edit, a hidden post or a moved topic is never served stale.
View and reaction counts may lag by up to FRAGMENT_SECONDS.
"""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from knowledge import page_cache

from .access import audience_of
from .models import Topic, TopicStatus

FRAGMENT_SECONDS = 60


def viewer_key(user):
    """Who sees the same lists: moderators, anonymous visitors, or one set of audience tokens. A member
    with topics waiting for approval sees those too, so their lists are their own until it is given."""
    tokens = audience_of(user)
    if tokens is None:
        return ["moderator"]
    key = sorted(tokens)
    if user.is_authenticated and Topic.objects.filter(author=user, status=TopicStatus.HELD).exists():
        key.append(f"author:{user.pk}")
    return key


def page_body(name, request, parts, template, context):
    """The main part of a list page, rendered once for everyone who sees the same thing.

    `context` is called only when the piece is not cached, so its queries run only then.
    """
    return page_cache.fragment(
        name,
        [*parts, *viewer_key(request.user)],
        lambda: render_to_string(template, {"request": request, "user": request.user, **context()}),
        seconds=FRAGMENT_SECONDS,
    )


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
