"""Reading the exchange: lists, counters, filters, topic pages, the project hub and the home page."""

import pytest
from django.test.utils import override_settings

from forums.models import Category, Topic
from tests.factories import reply, topic

pytestmark = pytest.mark.django_db


def test_forum_index_lists_categories_with_their_counters_and_latest_topics(client, staff, category):
    opened = topic(author=staff, category=category, title="หัวข้อใหม่ล่าสุดในหมวด")
    reply(opened, author=staff)
    page = client.get("/forums/").content.decode()
    assert category.name in page and opened.title in page
    category.refresh_from_db()
    assert (category.topic_count, category.post_count) == (1, 2)
    assert category.last_post_at is not None


def test_replies_update_the_topic_counters_and_last_activity(staff, team, category):
    opened = topic(author=staff, category=category)
    last = reply(opened, author=team)
    opened.refresh_from_db()
    assert opened.reply_count == 1
    assert opened.last_post_at == last.created_at
    assert opened.last_poster == team
    assert last.number == 2


def test_topic_page_counts_views_even_when_served_from_the_page_cache(client, staff, category, settings):
    settings.PAGE_CACHE_SECONDS, settings.FORUM_VIEW_BATCH = 60, 1
    opened = topic(author=staff, category=category)
    first = client.get(opened.get_absolute_url())
    second = client.get(opened.get_absolute_url())
    assert "X-Page-Cache" not in first and second["X-Page-Cache"] == "hit"
    opened.refresh_from_db()
    assert opened.view_count == 2


def test_views_reach_the_topic_in_batches_and_none_is_lost(client, staff, category, settings):
    settings.PAGE_CACHE_SECONDS, settings.FORUM_VIEW_BATCH = 60, 4
    opened = topic(author=staff, category=category)
    for expected in (0, 0, 0, 4, 4, 4, 4, 8):
        client.get(opened.get_absolute_url())
        opened.refresh_from_db()
        assert opened.view_count == expected


def test_replies_are_paginated_and_a_post_link_opens_its_page(client, staff, category):
    opened = topic(author=staff, category=category)
    with override_settings(FORUM_RATE_LIMIT=(1000, 60)):
        posts = [reply(opened, author=staff, body=f"คำตอบที่ {n}") for n in range(25)]
    response = client.get(posts[-1].get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == f"{opened.get_absolute_url()}?page=2#p{posts[-1].number}"
    assert "คำตอบที่ 24" in client.get(response["Location"]).content.decode()
    assert "คำตอบที่ 24" not in client.get(opened.get_absolute_url()).content.decode()


def test_topic_lists_filter_by_strategy_project_agency_tag_and_kind(client):
    def titles(**params):
        return set(
            client.get("/forums/topics/", params)
            .context["page_obj"]
            .object_list.values_list("title", flat=True)
        )

    e_service = "ลดเวลาขอใบรับรองผลการเรียนจาก 7 วันเหลือ 1 วันด้วย MOE e-Service"
    assert e_service in titles(strategy="S1")
    assert e_service not in titles(strategy="S2")
    assert e_service in titles(project="S1-P1")
    assert e_service in titles(agency="ops")  # S1-P1's lead agency
    assert "เชื่อมข้อมูลนักเรียนข้ามสังกัดด้วยรหัสประจำตัวเดียว ลดการกรอกซ้ำ" in titles(agency="obec")  # the case's
    assert e_service not in titles(agency="oec")
    assert e_service in titles(tag="e-service")
    cases = titles(kind="case")
    assert e_service in cases and len(cases) == 5
    assert all(t.kind == "case" for t in Topic.objects.filter(title__in=cases))


def test_the_project_hub_shows_its_cases_and_topics(client, project):
    page = client.get(project.url).content.decode()
    assert "ลดเวลาขอใบรับรองผลการเรียนจาก 7 วันเหลือ 1 วันด้วย MOE e-Service" in page
    assert "ยืนยันตัวตนด้วย ThaiD ใน e-Service ใช้กับผู้ปกครองชาวต่างชาติได้หรือไม่" in page


def test_home_page_lists_exemplary_practices(client):
    assert "ลดเวลาขอใบรับรองผลการเรียนจาก 7 วันเหลือ 1 วันด้วย MOE e-Service" in client.get("/").content.decode()


def test_feeds_list_the_newest_public_topics_overall_and_per_category_tag_and_project(client):
    clinic = Category.objects.get(is_clinic=True)
    urls = [
        "/forums/feed/",
        "/forums/feed/atom/",
        f"/forums/c/{clinic.pk}/feed/",
        "/forums/tags/e-service/feed/",
    ]
    for url in [*urls, "/forums/projects/S1-P1/feed/atom/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"<item>" in response.content or b"<entry>" in response.content, url
    assert "ThaiD" in client.get("/forums/tags/e-service/feed/").content.decode()
    assert "ThaiD" not in client.get("/forums/tags/open-data/feed/").content.decode()


def test_topic_list_exports_as_csv_that_excel_reads_as_thai(client):
    response = client.get("/forums/topics/export.csv", {"kind": "case"})
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert len(text.strip().splitlines()) == 6  # header and five cases
    assert "กรณีตัวอย่าง" not in text.splitlines()[0]  # the header is stable column names
    assert "MOE e-Service" in text


def test_a_title_that_looks_like_a_formula_stays_text_in_the_csv(client, staff, category):
    topic(author=staff, category=category, title='=HYPERLINK("http://evil.example","ดูเพิ่ม")')
    text = client.get("/forums/topics/export.csv").content.decode("utf-8")
    assert "'=HYPERLINK(" in text and ",=HYPERLINK(" not in text
