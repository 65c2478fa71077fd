"""Search as staff type: questions, typos, other spellings, English for Thai, agencies and reference items."""

import pytest
from django.urls import reverse

from knowledge.models import ManualPage, PMQACategory, ProjectPage, StandardPage
from search.models import SearchSynonym
from search.understanding import understand

pytestmark = pytest.mark.django_db


def api(client, **params):
    return client.get(reverse("search:api"), params).json()


def urls(client, q, **params):
    return [result["url"] for result in api(client, q=q, **params)["results"]]


def test_a_question_finds_the_manual_that_answers_it_though_its_question_words_match_nothing(client):
    manual = ManualPage.objects.current().get(code="clinic-manual")
    found = urls(client, "ขั้นตอนการขอรับคำปรึกษาจากคลินิกทำอย่างไร")
    assert manual.url in found[:3]
    assert "อย่างไร" not in [term.typed for term in understand("ทำอย่างไร คลินิก").terms]


def test_entries_holding_most_of_the_query_rank_first_when_none_holds_all_of_it(client):
    whole = urls(client, "มาตรฐานห่วงโซ่คุณค่า")
    assert urls(client, "มาตรฐานห่วงโซ่คุณค่า qqxyzzyq")[:2] == whole[:2]


def test_a_query_whose_words_are_partly_unknown_still_answers_and_says_so(client):
    standard = StandardPage.objects.current().get(code="value-chain-standard")
    page = client.get(reverse("search:search"), {"q": "มาตรฐานห่วงโซ่คุณค่า กระบวนงานพิเศษสุดๆ"})
    html = page.content.decode()
    assert standard.url in html
    assert "บางผลลัพธ์มีคำที่ค้นหาไม่ครบทุกคำ" in html


@pytest.mark.parametrize(
    ("typed", "meant", "code"),
    [
        ("คลีนิก", "คลินิก", "S3-P2"),  # long vowel for short
        ("โปรงใส", "โปร่งใส", "S5-P1"),  # tone mark left out
        ("องกร", "องค์กร", "S2-P3"),  # silent letter dropped
        ("ดิจิทอล", "ดิจิทัล", "S4-P1"),  # one letter off
        ("e-servise", "e-service", "S1-P1"),  # English, one letter off
    ],
)
def test_a_misspelt_word_is_corrected_and_the_page_offers_the_words_as_typed(client, typed, meant, code):
    page = client.get(reverse("search:search"), {"q": typed}).content.decode()
    assert f"ผลการค้นหาสำหรับ <strong>{meant}</strong>" in page
    assert f"ค้นหา “{typed}” แทน" in page
    assert ProjectPage.objects.get(code=code).url in page
    as_typed = client.get(reverse("search:search"), {"q": typed, "spell": "off"}).content.decode()
    assert "ผลการค้นหาสำหรับ" not in as_typed


def test_a_word_that_matches_something_is_never_corrected():
    assert understand("คลินิก").corrected == {}
    assert understand("ประเมิน").corrected == {}


def test_synonyms_and_spellings_of_loanwords_find_each_other(client):
    digital = ProjectPage.objects.get(code="S4-P1").url
    assert digital in urls(client, "ดิจิตอล")[:3]
    assert ProjectPage.objects.get(code="S2-P1").url in urls(client, "บิ๊กดาต้า")[:3]
    page = client.get(reverse("search:search"), {"q": "ดิจิตอล"}).content.decode()
    assert "รวมคำที่เกี่ยวข้อง:" in page and "ดิจิทัล" in page


def test_an_administrator_adds_a_synonym_and_search_uses_it_at_once(client):
    standard = StandardPage.objects.current().get(code="ea-standard")
    assert standard.url not in urls(client, "บลูพรินต์")[:3]
    SearchSynonym.objects.create(terms="บลูพรินต์, สถาปัตยกรรมองค์กร")
    assert standard.url in urls(client, "บลูพรินต์")[:3]


def test_english_queries_find_thai_content(client):
    assert (
        ManualPage.objects.current().get(code="pmqa-self-assessment").url
        in urls(client, "PMQA self assessment")[:2]
    )
    assert (
        StandardPage.objects.current().get(code="ea-standard").url
        == urls(client, "enterprise architecture standard")[0]
    )


def test_two_digit_years_after_a_word_for_year_are_buddhist_era():
    assert "2566" in understand("ปีงบ 66").words
    assert understand("ปีงบ 66").years == ["2566"]
    assert "2566" not in understand("ห้อง 66").words


def test_an_agency_by_any_name_comes_first_then_its_projects_and_kpis(client):
    from knowledge.models import Agency

    ops = Agency.objects.get(code="ops")
    found = api(client, q="สำนักงานปลัดกระทรวงศึกษาธิการ")["results"]
    assert found[0]["url"] == ops.get_absolute_url()
    assert [hit["kind"] for hit in found[1:4]] == ["project"] * 3
    kpis = api(client, q="KPI สป.")["results"]
    assert {hit["kind"] for hit in kpis[:5]} == {"kpi"}
    assert all(hit["agency"] for hit in kpis[:5])


def test_reference_items_are_found_and_list_the_projects_that_carry_them(client):
    category = PMQACategory.objects.get(number=5)
    found = urls(client, "หมวด ๕ การมุ่งเน้นบุคลากร")
    assert found[0] == category.get_absolute_url()
    page = client.get(found[0]).content.decode()
    assert "การมุ่งเน้นบุคลากร" in page and "Workforce Focus" in page
    _strategies, projects = category.carriers()
    assert projects and all(project.url in page for project in projects)
    assert client.get("/reference/pmqa/99/").status_code == 404
    assert urls(client, "Citizen-Centric")[0] == "/reference/goal/2/"


def test_nothing_found_for_nonsense_and_bad_input_is_no_error(client):
    assert api(client, q="qqxyzzyq")["count"] == 0
    assert client.get(reverse("search:search"), {"q": "\u0e48\u0e48\u0e48"}).status_code == 200


def test_snippets_begin_and_highlights_cover_whole_words_never_a_lone_mark(client):
    for q in ("ผิดชอบ", "ปรึกษา", "ศึกษาธิการ", "โปร่งใส"):
        for result in api(client, q=q)["results"]:
            snippet = result["snippet"].removeprefix("… ")
            assert not "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c".count(
                snippet[0]
            ), snippet
    marked = " ".join(result["snippet"] for result in api(client, q="ผิดชอบ")["results"])
    assert "<mark>ผิดชอบ</mark>" in marked and "<mark>ผิด</mark>" not in marked


def test_suggestions_tell_two_editions_with_one_title_apart(client):
    results = client.get(reverse("search:suggest"), {"q": "คู่มือการให้คำปรึกษา"}).json()["results"]
    details = [result["detail"] for result in results if result["kind"] == "manual"]
    assert details == ["คู่มือ ฉบับที่ 2 (ฉบับที่ใช้อยู่)", "คู่มือ ฉบับที่ 1 (ถูกแทนที่แล้ว)"]
