"""The forum index, a category page and a topic page cost the same SQL queries however big the forum is."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forums.models import Post, PostImage, Reaction, Topic
from tests.factories import reply, topic

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    client.get(url)  # warm per-process caches first
    cache.clear()  # then render in full: the page bodies' fragment cache would hide the growth
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_topics(category, author, n):
    now = timezone.now()
    Topic.objects.bulk_create(
        Topic(
            category=category, title=f"หัวข้อจำนวนมาก {i}", author=author, last_post_at=now, last_poster=author
        )
        for i in range(n)
    )


def add_replies(opened, author, n):
    opened.refresh_from_db()
    start = opened.post_count + 1
    posts = Post.objects.bulk_create(
        Post(topic=opened, number=start + i, author=author, body=f"คำตอบ {i}", html=f"<p>คำตอบ {i}</p>")
        for i in range(n)
    )
    Reaction.objects.bulk_create(Reaction(post=post, user=author, kind="like") for post in posts)
    PostImage.objects.bulk_create(
        PostImage(post=post, image="a.png", thumbnail="a.webp", alt="ภาพ", width=8, height=8)
        for post in posts
    )
    Topic.objects.filter(pk=opened.pk).update(post_count=start + n - 1, reply_count=start + n - 2)


@pytest.mark.parametrize("signed_in", [False, True])
def test_index_category_and_topic_pages_do_not_grow_with_topics_or_replies(
    client, no_page_cache, staff, team, category, signed_in
):
    if signed_in:
        client.force_login(staff)
    opened = topic(author=team, category=category)
    reply(opened, author=staff)
    urls = ["/forums/", category.get_absolute_url(), opened.get_absolute_url(), "/forums/topics/"]
    before = {url: queries_for(client, url) for url in urls}
    add_topics(category, team, 1000)
    add_replies(opened, staff, 200)
    after = {url: queries_for(client, url) for url in urls}
    assert after == before
    assert max(before.values()) <= 20
