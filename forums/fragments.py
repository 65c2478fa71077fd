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

FRAGMENT_SECONDS = 60


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
