"""Forum pages are rendered once per audience and filled in per reader: nobody sees another's bits."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from forums import services
from forums.models import Bookmark, Post, PostStatus, Reaction, TopicKind, Watch
from tests.factories import UserFactory, reply, topic

pytestmark = pytest.mark.django_db


def page_of(user, url):
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def post_tools(page, number):
    """The buttons under post `number`."""
    return re.search(rf'id="p{number}">.*?<footer class="post__tools">(.*?)</footer>', page, re.S)[1]


def pressed(page, number, kind):
    tools = post_tools(page, number)
    return re.search(rf'react/{kind}/".*?aria-pressed="(\w+)"', tools, re.S)[1]


def test_two_members_reading_the_same_topic_each_see_their_own_name_buttons_and_reactions(
    no_page_cache, staff, team, category
):
    opened = topic(author=team, category=category, title="หัวข้อที่อ่านร่วมกัน")
    reply(opened, author=staff, body="คำตอบของสมศรี")
    Reaction.objects.create(post=Post.objects.get(topic=opened, number=1), user=staff, kind="like")
    Bookmark.objects.create(user=staff, topic=opened)

    first = page_of(staff, opened.get_absolute_url())  # renders the members' shared page
    second = page_of(team, opened.get_absolute_url())  # served from it

    assert "สมศรี ใจดี" in first and "สมศรี ใจดี" not in second.split("</header>")[0]
    assert "ประเสริฐ มั่นคง" in second.split("</header>")[0]
    assert pressed(first, 1, "like") == "true" and pressed(second, 1, "like") == "false"
    bookmark = r'/bookmark/".*?aria-pressed="(\w+)"'
    assert re.search(bookmark, first, re.S)[1] == "true" and re.search(bookmark, second, re.S)[1] == "false"
    # Each edits their own post and may flag the other's.
    assert "/edit/" in post_tools(second, 1) and "/flag/" not in post_tools(second, 1)
    assert "/edit/" not in post_tools(second, 2) and "/flag/" in post_tools(second, 2)
    assert "/edit/" in post_tools(first, 2) and "/flag/" in post_tools(first, 1)


def test_the_clinic_asker_alone_may_accept_an_answer_on_the_shared_page(no_page_cache, staff, team, category):
    question = topic(author=staff, category=category, kind=TopicKind.QUESTION, title="ถามคลินิก")
    reply(question, author=team, body="คำตอบจากผู้เชี่ยวชาญ")
    other = UserFactory()
    assert "/accept/" not in post_tools(page_of(other, question.get_absolute_url()), 2)
    assert "/accept/" in post_tools(page_of(staff, question.get_absolute_url()), 2)
    assert "/accept/" not in post_tools(page_of(team, question.get_absolute_url()), 2)


def test_the_csrf_token_filled_into_a_shared_page_is_the_readers_own(no_page_cache, staff, team, category):
    opened = topic(author=team, category=category)
    page_of(team, opened.get_absolute_url())  # someone else's visit renders the shared page
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    page = client.get(opened.get_absolute_url()).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert token.isalnum() and len(set(re.findall(r'csrfmiddlewaretoken" value="([^"]+)"', page))) == 1
    response = client.post(f"/forums/t/{opened.pk}/bookmark/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Bookmark.objects.filter(user=staff, topic=opened).exists()
    page = client.get(opened.get_absolute_url()).content.decode()
    assert 'role="status"' in page  # the "bookmarked" message reaches the shared page


def test_a_members_held_reply_shows_to_them_alone(no_page_cache, settings, staff, team, category):
    opened = topic(author=team, category=category)
    newcomer = UserFactory()
    settings.FORUM_HOLD_FIRST_POST = True
    services.post_create(topic=opened, author=newcomer, body="คำตอบแรกที่รออนุมัติ")
    assert Post.objects.get(author=newcomer).status == PostStatus.HELD
    assert "คำตอบแรกที่รออนุมัติ" not in page_of(staff, opened.get_absolute_url())
    assert "คำตอบแรกที่รออนุมัติ" in page_of(newcomer, opened.get_absolute_url())
    assert "คำตอบแรกที่รออนุมัติ" not in page_of(team, opened.get_absolute_url())


def test_text_a_member_writes_cannot_pose_as_a_personal_hole(no_page_cache, staff, team, category):
    forged = "\ue000csrf_token\ue001 \ue000 user_name\ue001"
    opened = topic(author=team, category=category, body=f"ลองปลอม {forged}")
    page = page_of(staff, opened.get_absolute_url())
    assert "สมศรี ใจดี" not in page.split("<article")[1]
    assert "ลองปลอม" in page


def test_watching_a_category_shows_pressed_to_the_watcher_only(no_page_cache, staff, team, category):
    Watch.objects.create(user=staff, category=category)
    watch_button = r'watch/category/\d+/".*?aria-pressed="(\w+)"'
    assert re.search(watch_button, page_of(staff, category.get_absolute_url()), re.S)[1] == "true"
    assert re.search(watch_button, page_of(team, category.get_absolute_url()), re.S)[1] == "false"


def test_the_bell_counts_each_members_own_notifications_and_clears_when_read(
    no_page_cache, staff, team, category
):
    opened = topic(author=staff, category=category)
    client = Client()
    client.force_login(staff)
    before = int(re.search(r'bell__count">(\d+)<', client.get("/forums/").content.decode())[1])
    reply(opened, author=team)
    assert f'bell__count">{before + 1}<' in client.get("/forums/").content.decode()
    assert 'bell__count">0<' in page_of(UserFactory(), "/forums/")
    client.post("/forums/me/notifications/")
    assert 'bell__count">0<' in client.get("/forums/").content.decode()


def test_leaving_a_group_closes_its_restricted_category_at_once(
    client, outsider, restricted, secret_topic, django_capture_on_commit_callbacks
):
    project_team = Group.objects.get(name="ทีมโครงการ")
    outsider.groups.add(project_team)
    client.force_login(outsider)
    assert client.get(secret_topic.get_absolute_url()).status_code == 200  # the user is cached now
    with django_capture_on_commit_callbacks(execute=True):
        outsider.groups.remove(project_team)
    assert client.get(secret_topic.get_absolute_url()).status_code == 404
    assert "วาระลับ" not in client.get("/forums/").content.decode()


def test_a_deactivated_account_is_signed_out_on_its_next_request(client, staff):
    def header():
        return client.get("/forums/").content.decode().split("</header>")[0]

    client.force_login(staff)
    assert "สมศรี ใจดี" in header()
    staff.is_active = False
    staff.save()
    assert "สมศรี ใจดี" not in header()


@pytest.mark.parametrize("reader", ["staff", "team", "moderator"])
def test_a_shared_page_filled_for_a_reader_equals_the_page_rendered_for_them_alone(
    rf, no_page_cache, reader, staff, team, moderator, category
):
    from forums.forms import ReplyForm
    from forums.views.browse import TopicView

    user = {"staff": staff, "team": team, "moderator": moderator}[reader]
    question = topic(author=staff, category=category, kind=TopicKind.QUESTION, title="เทียบหน้าร่วมกับหน้าเฉพาะ")
    reply(question, author=team, body="คำตอบที่หนึ่ง")
    Reaction.objects.create(post=Post.objects.get(topic=question, number=2), user=user, kind="useful")
    page_of(UserFactory(), question.get_absolute_url())  # another member renders the shared page first
    shared = page_of(user, question.get_absolute_url())

    request = rf.get(question.get_absolute_url())
    request.user, request.session = user, Client().session
    view = TopicView()
    alone = view.render(request, view.topic(request, question.pk), ReplyForm()).content.decode()

    def without_tokens(html):
        return re.sub(r'csrfmiddlewaretoken" value="[^"]+"', "", html)

    assert without_tokens(shared) == without_tokens(alone)
