"""Every page type renders for an anonymous visitor and shows what a reader came for."""

import pytest

from knowledge.models import Agency, ChapterPage, UpdatePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_pages(no_page_cache):
    pass


def test_home_shows_the_current_plan_strategies_and_latest_updates(client):
    html = client.get("/").content.decode()
    assert "(พ.ศ. 2566-2570)" in html
    assert "ยุทธศาสตร์ที่ 2" in html and "ยุทธศาสตร์ที่ 3" not in html
    assert "การพัฒนากำลังคนภาครัฐให้มีสมรรถนะดิจิทัล" in html
    assert "บุคลากรร้อยละ 84 ผ่านเกณฑ์ทักษะดิจิทัล" in html  # the plan's newest live update


def test_home_never_shows_an_update_waiting_for_approval(client):
    assert "อบรมทักษะดิจิทัลสำหรับบุคลากร รุ่นที่ 3" not in client.get("/").content.decode()


def test_plan_lists_its_chapters_and_strategies(client):
    html = client.get("/plan/").content.decode()
    assert "บทที่ 4 การติดตามและประเมินผล" in html
    assert html.count('class="card card--strategy"') == 5


def test_chapter_shows_its_text_and_links_to_its_neighbours(client):
    chapter = ChapterPage.objects.get(code="ch-1")
    html = client.get(chapter.url).content.decode()
    assert "ภารกิจจัดการศึกษาทุกระดับ" in html
    assert 'rel="prev"' in html and 'rel="next"' in html


def test_strategy_lists_its_projects_with_lead_agency(client):
    html = client.get("/plan/s1/").content.decode()
    assert "โครงการระบบรับสมัครนักเรียนออนไลน์" in html
    assert "สพฐ." in html
    assert "แผนย่อยการพัฒนาบริการประชาชน" in html


def test_project_hub_shows_agencies_budget_and_kpis_with_targets(client):
    response = client.get("/plan/s1/s1-p1/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "สำนักงานปลัดกระทรวงศึกษาธิการ" in html
    assert "จำนวนงานบริการที่ให้บริการผ่านระบบ e-Service" in html
    assert "เป้าหมาย 2565" in html
    assert ">20<" in html  # the FY2565 target of S1-P1-K1
    assert "3,000,000" in html  # planned budget FY2564
    assert 'id="manuals"' in html and 'id="exchange"' in html and 'id="updates"' in html


def test_project_hub_lists_updates_about_the_project(client):
    html = client.get("/plan/s1/s1-p2/").content.decode()
    assert "เปิดใช้ระบบรับสมัครนักเรียนออนไลน์ครบทุกเขตพื้นที่การศึกษา" in html


def test_updates_index_lists_live_updates_newest_first(client):
    html = client.get("/updates/?plan=plan").content.decode()
    newest = html.index("เปิดชุดข้อมูลการศึกษา 40 ชุด")
    oldest = html.index("สรุปผลการประเมินตนเองตามเกณฑ์ PMQA 4.0")
    assert newest < oldest
    assert "รออนุมัติ" not in html


def test_update_page_shows_its_buddhist_era_date_and_projects(client):
    update = UpdatePage.objects.live().get(date="2022-05-16")
    html = client.get(update.url).content.decode()
    assert "16 พฤษภาคม 2565" in html
    assert "/plan/s1/s1-p2/" in html


def test_draft_update_is_not_public(client):
    draft = UpdatePage.objects.get(live=False)
    assert client.get(draft.url or "/updates/" + draft.slug + "/").status_code == 404


def test_agency_page_lists_the_agencys_projects(client):
    obec = Agency.objects.get(code="obec")
    html = client.get(f"{obec.get_absolute_url()}?plan=plan").content.decode()
    assert "สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน" in html
    assert "โครงการระบบรับสมัครนักเรียนออนไลน์" in html
    assert "โครงการพัฒนาระบบบริการอิเล็กทรอนิกส์ด้านการศึกษา" not in html  # an สป. project


def test_agency_list_links_every_agency(client):
    html = client.get("/agencies/").content.decode()
    for code in ("ops", "obec", "ovec", "oec"):
        assert f"/agencies/{code}/" in html


def test_unknown_page_answers_404_in_thai(client):
    response = client.get("/plan/s9/")
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in response.content.decode()


def test_pages_are_accessible_landmarks_first(client):
    html = client.get("/plan/s1/s1-p1/").content.decode()
    assert '<html lang="th">' in html
    assert 'href="#main"' in html and '<main id="main"' in html
    assert "<nav" in html and "<footer" in html
    assert html.count("<h1") == 1
