"""A cached page is dropped when something it shows changes, and only then (config/dependencies.py).

Each test warms the pages an anonymous visitor opens (page cache on), makes one kind of change the way
users make it, and looks at which pages are made again: those that show the change must be (and show it),
every other one must still be served from the cache.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone
from taggit.models import Tag

from forums import services
from forums.models import ReactionKind
from knowledge.models import Agency, ManualPage, ProjectPage, ProjectTeamMember
from monitoring.services import report_review, report_submit
from tests.factories import IndicatorFactory, UpdatePageFactory, UserFactory, reply, topic

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]

MANUAL = "/plan/s3/s3-p2/clinic-manual-e2/"
STANDARD = "/plan/s2/s2-p3/ea-standard-e1/"


@pytest.fixture
def pages(project, category, django_capture_on_commit_callbacks):
    """The watched pages: the plan's, and the exchange's around one discussion linked to project S1-P1."""
    author = UserFactory(role="ทีมโครงการ")
    with django_capture_on_commit_callbacks(execute=True):
        discussed = topic(author=author, category=category, title="หัวข้อที่มีคนตอบ", projects=[project])
        other = topic(author=author, category=category, title="หัวข้ออื่นที่ไม่มีใครแตะ")
    urls = {
        "home": "/",
        "plan": "/plan/",
        "strategy": "/plan/s1/",
        "hub": project.url,
        "other hub": ProjectPage.objects.get(code="S3-P2").url,
        "manual": MANUAL,
        "standard": STANDARD,
        "updates": "/updates/",
        "forum": "/forums/",
        "category": f"/forums/c/{category.pk}/",
        "topic": discussed.get_absolute_url(),
        "other topic": other.get_absolute_url(),
    }
    return Watched(urls, discussed, author)


class Watched:
    def __init__(self, urls, topic, author):
        self.urls, self.topic, self.author = urls, topic, author

    def warm(self, client):
        for url in self.urls.values():
            client.get(url)
            assert client.get(url)["X-Page-Cache"] == "hit", url

    def made_again(self, client):
        """The pages not served from the cache now, and what each shows."""
        responses = {name: client.get(url) for name, url in self.urls.items()}
        self.text = {name: response.content.decode() for name, response in responses.items()}
        return {name for name, response in responses.items() if "X-Page-Cache" not in response}


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_reply_drops_its_topic_its_lists_and_its_projects_hub_and_nothing_else(client, pages, committed):
    pages.warm(client)
    with committed():
        reply(pages.topic, author=pages.author, body="คำตอบใหม่ที่ทุกคนต้องเห็น")
    assert pages.made_again(client) == {"topic", "category", "forum", "hub"}
    assert "คำตอบใหม่ที่ทุกคนต้องเห็น" in pages.text["topic"]


def test_a_reaction_drops_only_its_topic(client, pages, committed):
    reader = UserFactory()
    pages.warm(client)
    with committed():
        services.reaction_set(post=pages.topic.posts.get(), user=reader, kind=ReactionKind.LIKE)
    assert pages.made_again(client) == {"topic"}


def test_hiding_a_post_drops_its_topic_and_it_never_shows_again(client, pages, committed, moderator):
    hidden = reply(pages.topic, author=pages.author, body="ข้อความที่ต้องถูกซ่อน")
    pages.warm(client)
    with committed():
        services.post_set_hidden(post=hidden, moderator=moderator, hidden=True)
    assert "topic" in pages.made_again(client)
    assert "ข้อความที่ต้องถูกซ่อน" not in pages.text["topic"]


def test_publishing_a_manual_drops_it_and_its_projects_hub_only(client, pages, committed):
    pages.warm(client)
    manual = ManualPage.objects.get(url_path__endswith="/clinic-manual-e2/")
    manual.title = "คู่มือคลินิกฉบับปรับปรุงใหม่"
    with committed():
        manual.save_revision().publish()
    assert pages.made_again(client) == {"manual", "other hub"}
    assert "คู่มือคลินิกฉบับปรับปรุงใหม่" in pages.text["manual"]
    assert "คู่มือคลินิกฉบับปรับปรุงใหม่" in pages.text["other hub"]


def test_publishing_an_update_drops_the_pages_that_list_updates(client, pages, committed, updates_index):
    pages.warm(client)
    with committed():
        UpdatePageFactory(parent=updates_index, title="ข่าวความคืบหน้าล่าสุด", date=timezone.localdate())
    assert pages.made_again(client) == {"home", "updates", "hub", "other hub"}
    assert "ข่าวความคืบหน้าล่าสุด" in pages.text["home"]


def test_approving_a_kpi_report_drops_its_projects_hub_only(client, pages, committed, project, moderator):
    kpi = IndicatorFactory(project=project, baseline=50, targets={2565: 80})
    member = UserFactory(role="ทีมโครงการ")
    ProjectTeamMember.objects.create(project=project, user=member)
    report = report_submit(indicator=kpi, fiscal_year=2565, quarter=4, value=90, user=member)
    pages.warm(client)
    with committed():
        report_review(report=report, user=moderator, approve=True)
    assert pages.made_again(client) == {"hub"}


def test_renaming_a_tag_shows_the_new_name(client, project, category, committed):
    author = UserFactory(role="ทีมโครงการ")
    with committed():
        tagged = topic(author=author, category=category, title="หัวข้อติดป้าย", tags=["ป้ายเดิม"])
    client.get(tagged.get_absolute_url())
    with committed():
        tag = Tag.objects.get(name="ป้ายเดิม")
        tag.name = "ป้ายชื่อใหม่"
        tag.save()
    assert "ป้ายชื่อใหม่" in client.get(tagged.get_absolute_url()).content.decode()


def test_a_categorys_readers_changing_shows_and_hides_its_topics(client, secret_topic, outsider, committed):
    client.force_login(outsider)
    assert secret_topic.title not in client.get("/forums/").content.decode()
    restricted = secret_topic.category
    with committed():
        restricted.agencies.add(Agency.objects.get(code="oec"))
    assert secret_topic.title in client.get("/forums/").content.decode()
    with committed():
        restricted.agencies.remove(Agency.objects.get(code="oec"))
    assert secret_topic.title not in client.get("/forums/").content.decode()


def test_a_users_groups_changing_shows_and_hides_what_they_may_read(
    client, secret_topic, outsider, committed
):
    client.force_login(outsider)
    hub = secret_topic.projects.get().url
    assert secret_topic.title not in client.get(hub).content.decode()
    team = Group.objects.get(name="ทีมโครงการ")
    with committed():
        outsider.groups.add(team)
    assert secret_topic.title in client.get(hub).content.decode()
    with committed():
        outsider.groups.remove(team)
    assert secret_topic.title not in client.get(hub).content.decode()


def evict_marks():
    """What the cache does under memory pressure: the dependency marks go, the renderings stay."""
    for key in [key for key in cache._cache if ":dependency:" in key]:
        cache.delete(key.split(":", 2)[2])


def test_evicted_marks_never_bring_a_hidden_post_back(client, pages, moderator):
    """The old generation counter restarted at 1 when evicted and served the page of before again."""
    hidden = reply(pages.topic, author=pages.author, body="โพสต์ที่ถูกซ่อนแล้ว")
    url = pages.urls["topic"]
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    services.post_set_hidden(post=hidden, moderator=moderator, hidden=True)
    evict_marks()
    for _ in range(3):
        assert "โพสต์ที่ถูกซ่อนแล้ว" not in client.get(url).content.decode()


def test_evicted_marks_never_bring_an_unpublished_page_back(client, project):
    manual = ManualPage.objects.child_of(project).live().first() or ManualPage.objects.live().first()
    client.get(manual.url)
    assert client.get(manual.url)["X-Page-Cache"] == "hit"
    manual.unpublish()
    evict_marks()
    assert client.get(manual.url).status_code == 404


WORKER = """
import sys, django
django.setup()
from django.core.cache import cache
from knowledge import dependencies
command, *names = sys.argv[1:]
if command == "mark":
    dependencies.mark(set(names))
else:
    cache.delete_many([dependencies.MARK + name for name in names])
"""


@pytest.fixture
def shared_file_cache(settings, tmp_path):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        }
    }
    return tmp_path


def other_worker(cache_dir, *args):
    """Another process sharing the file cache, as a second gunicorn worker does."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.worker_settings", "WORKER_CACHE": str(cache_dir)}
    subprocess.run([sys.executable, "-c", WORKER, *args], cwd=ROOT, env=env, check=True)


def test_a_change_marked_by_another_worker_drops_this_workers_page(client, pages, shared_file_cache):
    url = pages.urls["topic"]
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    other_worker(shared_file_cache, "mark", f"topic:{pages.topic.pk + 1000}")  # another topic
    assert client.get(url)["X-Page-Cache"] == "hit"
    other_worker(shared_file_cache, "mark", f"topic:{pages.topic.pk}")
    assert "X-Page-Cache" not in client.get(url)
    other_worker(shared_file_cache, "evict", f"topic:{pages.topic.pk}", "forum-access")
    assert "X-Page-Cache" not in client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_with_renderings_not_kept_every_page_is_made_again(client, pages, settings):
    """The benchmarks' from-scratch round (RENDERINGS_KEPT = False) measures real renders."""
    pages.warm(client)
    settings.RENDERINGS_KEPT = False
    assert pages.made_again(client) == set(pages.urls)
