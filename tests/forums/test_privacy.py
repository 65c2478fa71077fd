"""A topic in a restricted category is invisible to outsiders everywhere; insiders and moderators see it."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from forums.models import Notification, Watch
from knowledge.models import Agency
from tests.factories import UserFactory, reply, topic

pytestmark = pytest.mark.django_db

SECRET = "วาระลับเรื่องงบประมาณพิเศษ"


@pytest.fixture(params=["anonymous", "outsider"])
def viewer(request, client, outsider):
    if request.param == "outsider":
        client.force_login(outsider)
    return client


def text(response):
    return response.content.decode()


def test_outsiders_do_not_see_it_in_lists(viewer, secret_topic, restricted):
    assert SECRET not in text(viewer.get("/forums/"))
    assert restricted.name not in text(viewer.get("/forums/"))
    assert SECRET not in text(viewer.get("/forums/topics/"))
    assert SECRET not in text(viewer.get("/forums/topics/", {"tag": secret_topic.tags.get().slug}))
    assert viewer.get(restricted.get_absolute_url()).status_code == 404


def test_outsiders_get_404_for_the_topic_and_its_posts(viewer, secret_topic):
    assert viewer.get(secret_topic.get_absolute_url()).status_code == 404
    post = secret_topic.posts.get()
    assert viewer.get(post.get_absolute_url()).status_code == 404
    assert viewer.get(f"/forums/p/{post.pk}/flag/").status_code in (302, 404)  # anonymous → sign in


def topics_found(client, query):
    """The topic titles a search lists, and the topic count its kind facet shows."""
    api = json.loads(client.get("/api/search/", {"q": query, "kind": "topic"}).content)
    kinds = {facet["value"]: facet["count"] for facet in api["facets"].get("kind", [])}
    return [result["title"] for result in api["results"]], kinds.get("topic", 0)


def test_outsiders_do_not_find_it_in_search_or_facet_counts(viewer, secret_topic, team):
    titles, counted = topics_found(viewer, "งบประมาณพิเศษ")
    assert SECRET not in titles and counted == len(titles)  # the count holds only what they may open
    insider = Client()
    insider.force_login(team)  # in the group the category lists
    insider_titles, insider_counted = topics_found(insider, "งบประมาณพิเศษ")
    assert SECRET in insider_titles and insider_counted == len(insider_titles) > counted
    assert SECRET not in topics_found(viewer, "งบประมาณพิเศษ")[0]  # not the insider's kept results
    assert SECRET not in text(viewer.get("/search/", {"q": "งบประมาณพิเศษ"}))
    assert SECRET not in text(viewer.get("/api/search/suggest/", {"q": "วาระลับ"}))


def test_outsiders_do_not_see_it_in_feeds(client, secret_topic, restricted, project):
    for url in (
        "/forums/feed/",
        "/forums/feed/atom/",
        f"/forums/projects/{project.code}/feed/",
        f"/forums/tags/{secret_topic.tags.get().slug}/feed/",
    ):
        assert SECRET not in text(client.get(url)), url
    assert client.get(f"/forums/c/{restricted.pk}/feed/").status_code == 404


def test_outsiders_do_not_see_it_on_the_project_hub(viewer, secret_topic, project):
    assert SECRET not in text(viewer.get(project.url))


def test_outsiders_do_not_get_it_in_csv_exports(viewer, secret_topic):
    assert SECRET not in text(viewer.get("/forums/topics/export.csv"))


def test_outsiders_are_not_notified_by_watches_or_mentions(outsider, team, secret_topic, project, restricted):
    Watch.objects.create(user=outsider, project=project)
    Watch.objects.create(user=outsider, topic=secret_topic)  # e.g. watched before the category was closed
    reply(secret_topic, author=team, body=f"ช่วยดูด้วย @{outsider.username}")
    topic(author=team, category=restricted, title="อีกวาระลับ", projects=[project])
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_members_of_the_listed_group_or_agency_and_moderators_see_it(client, secret_topic, moderator):
    agency_member = UserFactory(role="บุคลากร")
    agency_member.profile.agency = Agency.objects.get(code="ops")
    agency_member.profile.save()
    group_member = UserFactory(role="ทีมโครงการ")
    for user in (agency_member, group_member, moderator):
        client.force_login(user)
        assert client.get(secret_topic.get_absolute_url()).status_code == 200
        assert SECRET in text(client.get("/forums/topics/"))
        api = json.loads(client.get("/api/search/", {"q": "งบประมาณพิเศษ"}).content)
        assert SECRET in [result["title"] for result in api["results"]], user


def test_opening_a_category_to_everyone_makes_its_topics_findable(
    client, secret_topic, restricted, django_capture_on_commit_callbacks
):
    assert SECRET not in text(client.get("/api/search/", {"q": "งบประมาณพิเศษ"}))
    with django_capture_on_commit_callbacks(execute=True):
        restricted.access = "public"
        restricted.save()
    assert (
        SECRET in json.loads(client.get("/api/search/", {"q": "งบประมาณพิเศษ"}).content)["results"][0]["title"]
    )


def test_the_topic_queryset_rule_matches_for_anonymous_users(secret_topic):
    from forums.models import Topic

    assert not Topic.objects.visible_to(AnonymousUser()).filter(pk=secret_topic.pk).exists()


def test_a_member_without_an_agency_does_not_see_a_category_listing_only_groups(client, team):
    from django.contrib.auth.models import Group

    from forums.access import Access
    from tests.factories import CategoryFactory

    closed = CategoryFactory(name="ห้องเฉพาะกลุ่มผู้สื่อสาร", access=Access.RESTRICTED)
    closed.groups.set([Group.objects.get(name="ผู้สื่อสาร")])
    stranger = UserFactory(role="บุคลากร")  # no agency on the profile
    topic(author=team, category=closed, title="เรื่องภายในของกลุ่มผู้สื่อสาร")
    client.force_login(stranger)
    assert client.get(closed.get_absolute_url()).status_code == 404
    assert "เรื่องภายในของกลุ่มผู้สื่อสาร" not in text(client.get("/forums/topics/"))


def test_lists_an_insider_saw_first_are_not_served_to_an_outsider(client, secret_topic, team, outsider):
    """List bodies are cached per audience: what the team saw must not reach the next reader."""
    client.force_login(team)
    assert SECRET in text(client.get("/forums/")) and SECRET in text(client.get("/forums/topics/"))
    client.force_login(outsider)
    assert SECRET not in text(client.get("/forums/")) and SECRET not in text(client.get("/forums/topics/"))
    client.logout()
    assert SECRET not in text(client.get("/forums/topics/"))


def test_a_topic_waiting_for_approval_shows_only_in_its_authors_lists(client, category, settings):
    settings.FORUM_HOLD_FIRST_POST = True
    newcomer, colleague = UserFactory(role="บุคลากร"), UserFactory(role="บุคลากร")
    from forums import services

    services.topic_create(author=newcomer, category=category, title="หัวข้อของผู้ใช้ใหม่รออนุมัติ", body="ข้อความ")
    client.force_login(newcomer)
    assert "หัวข้อของผู้ใช้ใหม่รออนุมัติ" in text(client.get(category.get_absolute_url()))
    client.force_login(colleague)  # same groups, no agency: the same audience as the newcomer
    assert "หัวข้อของผู้ใช้ใหม่รออนุมัติ" not in text(client.get(category.get_absolute_url()))
