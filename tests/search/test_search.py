"""Searching the demo plan in Thai: the page, the API contract, facets, visibility and index upkeep."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from knowledge import thaidate
from knowledge.models import ManualPage, ProjectPage, UpdatePage
from search.models import SearchEntry
from search.query import search
from tests.factories import UpdatePageFactory

pytestmark = pytest.mark.django_db


def api(client, **params):
    return client.get(reverse("search:api"), params).json()


def titles(data):
    return [result["title"] for result in data["results"]]


def test_api_returns_the_documented_contract(client):
    data = api(client, q="คลินิก")
    assert data["count"] >= 3
    result = data["results"][0]
    assert set(result) == {
        "kind",
        "title",
        "url",
        "snippet",
        "date",
        "strategies",
        "projects",
        "agency",
        "tags",
    }
    assert re.search("<mark>[^<]*คลินิก[^<]*</mark>", result["snippet"])  # the word marked whole
    assert set(data["facets"]) == {"kind", "plan", "strategy", "project", "agency", "tag", "year"}
    assert all({"value", "label", "count"} == set(item) for item in data["facets"]["kind"])


def test_a_word_inside_a_thai_compound_is_found(client):
    assert "สำนักงานปลัดกระทรวงศึกษาธิการ" in titles(api(client, q="ศึกษาธิการ", kind="agency"))


@pytest.mark.parametrize("query", ["สพฐ", "สพฐ.", "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน", "OBEC"])
def test_an_agency_is_found_by_its_name_or_any_abbreviation(client, query):
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" in titles(api(client, q=query, kind="agency"))


def test_thai_numerals_find_arabic_ones(client):
    assert api(client, q="๒๕๖๕")["count"] == api(client, q="2565")["count"] > 0


def test_mixed_thai_and_english_queries_work(client):
    assert "คู่มือการประเมินตนเองตามเกณฑ์ PMQA 4.0" in titles(api(client, q="PMQA หมวด"))


def test_titles_rank_above_text(client):
    assert titles(api(client, q="คลินิก"))[0] in {
        "โครงการคลินิกให้คำปรึกษาการขับเคลื่อนโครงการตามแผนยุทธศาสตร์ 4.0",
        "คู่มือการให้คำปรึกษาของคลินิกขับเคลื่อนโครงการ",
        "คลินิกให้คำปรึกษาการขับเคลื่อนโครงการ เปิดรับคำถามรอบไตรมาสที่ 2",
    }


def test_results_narrow_by_kind_strategy_and_year(client):
    everything = api(client, q="โครงการ")
    manuals = api(client, q="โครงการ", kind="manual")
    assert 0 < manuals["count"] < everything["count"]
    assert {result["kind"] for result in manuals["results"]} == {"manual"}
    s3 = api(client, q="โครงการ", strategy="S3")
    assert s3["count"] and all(result["strategies"] for result in s3["results"])
    assert api(client, q="ระบบ", kind="update", year="2565")["count"] >= 1


def test_drafts_are_never_found(client):
    draft = UpdatePage.objects.get(live=False)
    assert draft.title not in titles(api(client, q="อบรมทักษะดิจิทัล"))


def test_publishing_indexes_and_unpublishing_removes(
    client, updates_index, django_capture_on_commit_callbacks
):
    assert "ประกาศผลรางวัลนวัตกรรมบริการ" not in titles(api(client, q="นวัตกรรม"))  # results now kept
    with django_capture_on_commit_callbacks(execute=True):
        update = UpdatePageFactory(parent=updates_index, title="ประกาศผลรางวัลนวัตกรรมบริการ")
    found = {hit["title"]: hit for hit in api(client, q="นวัตกรรม")["results"]}
    assert found[update.title]["date"] == update.date.isoformat()
    page = client.get(reverse("search:search"), {"q": "นวัตกรรม"}).content.decode()
    assert thaidate.format_date(update.date) in page  # a date, shown in the Buddhist Era
    with django_capture_on_commit_callbacks(execute=True):
        update.unpublish()
    assert update.title not in titles(api(client, q="นวัตกรรม"))


def test_deleted_pages_leave_no_entry(client, django_capture_on_commit_callbacks):
    manual = ManualPage.objects.live().get(code="pmqa-self-assessment")  # not its draft under hearing
    key = f"page:{manual.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        manual.delete()
    assert not SearchEntry.objects.filter(key=key).exists()
    assert "คู่มือการประเมินตนเองตามเกณฑ์ PMQA 4.0" not in titles(api(client, q="ประเมินตนเอง"))


def test_renaming_a_project_updates_its_entry(client, django_capture_on_commit_callbacks):
    project = ProjectPage.objects.get(code="S1-P1")
    project.title = "โครงการบริการอิเล็กทรอนิกส์ครบวงจร"
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    assert project.title in titles(api(client, q="ครบวงจร"))


def test_search_page_shows_results_facets_and_help(client):
    html = client.get(reverse("search:search"), {"q": "ตัวชี้วัด"}).content.decode()
    assert 'class="result"' in html and "<mark>" in html
    empty = client.get(reverse("search:search"), {"q": "qqxyzzy"}).content.decode()
    assert "ไม่พบ" in empty


def test_an_empty_query_finds_nothing_and_says_how_to_search(client, django_user_model):
    results = search("   ", user=django_user_model())
    assert results.count == 0


def test_suggestions_list_titles_containing_what_was_typed(client):
    results = client.get(reverse("search:suggest"), {"q": "คู่มือการให้"}).json()["results"]
    assert results and all("คู่มือการให้" in result["title"] for result in results)
    assert {"title", "url", "kind", "kind_label", "detail"} == set(results[0])
    assert client.get(reverse("search:suggest"), {"q": "ค"}).json() == {"results": []}


def test_the_exact_phrase_ranks_above_scattered_words(
    client, updates_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        scattered = UpdatePageFactory(
            parent=updates_index,
            title="ข่าวทดสอบลำดับหนึ่ง",
            summary="คณะทำงานนัดหมาย คณะทำงานจะแจ้ง ประชุมเดือนหน้า ประชุมออนไลน์",
        )
        exact = UpdatePageFactory(
            parent=updates_index, title="ข่าวทดสอบลำดับสอง", summary="สรุปผลการประชุมคณะทำงาน"
        )
    found = titles(api(client, q="ประชุม คณะทำงาน", kind="update"))
    assert found.index(exact.title) < found.index(scattered.title)


def test_forum_topics_cases_questions_and_replies_are_found_with_their_plan_links(client):
    def first(**params):
        [result] = api(client, **params)["results"][:1]
        return result

    case = first(q="ใบรับรองผลการเรียน", kind="case")
    assert case["title"] == "ลดเวลาขอใบรับรองผลการเรียนจาก 7 วันเหลือ 1 วันด้วย MOE e-Service"
    assert case["projects"] == ["โครงการพัฒนาระบบบริการอิเล็กทรอนิกส์ด้านการศึกษา (MOE e-Service)"]
    assert case["strategies"] == ["การยกระดับการให้บริการประชาชนด้วยระบบดิจิทัล"]
    assert "e-Service" in case["tags"]
    question = first(q="ตัวชี้วัดเชิงคุณภาพ", kind="question")
    assert question["url"].startswith("/forums/t/")
    reply = first(q="ThaiD หนังสือเดินทาง", kind="reply")
    assert reply["url"].startswith("/forums/p/") and "<mark>" in reply["snippet"]
    topic = first(q="ชื่อบริการ ประชาชนค้นไม่เจอ", kind="topic")
    assert topic["title"] == "ขอคำแนะนำตั้งชื่อบริการใน e-Service ให้ประชาชนเข้าใจ"


def test_a_new_reply_is_found_after_commit_and_a_hidden_one_is_not(
    client, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model

    from forums import services
    from forums.models import Topic
    from tests.factories import reply

    topic = Topic.objects.get(title="อบรมออนไลน์นับชั่วโมงพัฒนาได้หรือไม่")
    users = get_user_model().objects
    with django_capture_on_commit_callbacks(execute=True):
        answer = reply(
            topic, author=users.get(username="team"), body="นับได้ตามประกาศ ก.ค.ศ. เรื่องเกณฑ์ชั่วโมงพัฒนาวิชาชีพ"
        )
    found = api(client, q="ประกาศ ก.ค.ศ. เกณฑ์ชั่วโมงพัฒนาวิชาชีพ", kind="reply")["results"]
    assert found[0]["url"] == answer.get_absolute_url()
    with django_capture_on_commit_callbacks(execute=True):
        services.post_set_hidden(post=answer, moderator=users.get(username="moderator"), hidden=True)
    found = api(client, q="ประกาศ ก.ค.ศ. เกณฑ์ชั่วโมงพัฒนาวิชาชีพ", kind="reply")["results"]
    assert answer.get_absolute_url() not in [hit["url"] for hit in found]


def test_with_more_matches_than_the_sample_the_count_stays_exact_and_the_page_says_how_facets_count(
    client, monkeypatch
):
    full = api(client, q="โครงการ")
    assert full["count"] > 5
    monkeypatch.setattr("search.query.CANDIDATES", 3)
    monkeypatch.setattr("search.views.CANDIDATES", 3)
    cache.clear()  # the results kept for this query were ranked with the old sample size
    sampled = api(client, q="โครงการ")
    assert sampled["count"] == full["count"]  # the total is exact
    assert sum(item["count"] for item in sampled["facets"]["kind"]) == 3  # kinds of the 3 best only
    assert len(sampled["results"]) == 10
    assert "นับจาก 3 รายการที่ตรงที่สุด" in client.get("/search/", {"q": "โครงการ"}).content.decode()
    page_two = api(client, q="โครงการ", page=2)
    assert page_two["results"] and titles(page_two) != titles(sampled)
