"""The exchange in a real browser: a case with a picture, a clinic question answered and accepted, and a
flagged post hidden by a moderator."""

import pytest
from PIL import Image
from playwright.sync_api import expect

from forums.models import Topic
from knowledge.models import ProjectPage, ProjectTeamMember
from knowledge.roles import Role
from tests.browser.helpers import person, sign_in
from tests.factories import reply, topic


@pytest.fixture(autouse=True)
def trusted_newcomers(settings):
    settings.FORUM_HOLD_FIRST_POST = False  # approval of first posts is tested without a browser


def test_a_team_member_posts_a_case_with_a_picture_linked_to_a_project(demo_site, browser_page, tmp_path):
    page = browser_page
    person("teamer", Role.PROJECT_TEAM)
    picture = tmp_path / "flow.png"
    Image.new("RGB", (1200, 800), (20, 120, 80)).save(picture)

    sign_in(page, demo_site, "teamer", "/forums/")
    page.get_by_role("link", name="แบ่งปันกรณีตัวอย่างที่ดี").first.click()
    page.get_by_label("หมวด").select_option(label="บริการประชาชนด้วยระบบดิจิทัล")
    expect(page.get_by_label("กรณีตัวอย่างที่ดี")).to_be_checked()
    page.get_by_label("ชื่อเรื่อง").fill("จองคิวรับเอกสารออนไลน์ ลดเวลารอจาก 2 ชั่วโมงเหลือ 15 นาที")
    page.get_by_label("ข้อความ").fill("สรุปกรณีตัวอย่างจากสำนักงานเขตพื้นที่ที่นำร่อง")
    page.get_by_label("โครงการ", exact=True).select_option(
        label="โครงการพัฒนาระบบบริการอิเล็กทรอนิกส์ด้านการศึกษา (MOE e-Service)"
    )
    page.get_by_label("แท็ก").fill("จองคิว, e-Service")
    for label, text in [
        ("บริบทและปัญหา", "ผู้ปกครองรอคิวนาน"),
        ("สิ่งที่ดำเนินการ", "เปิดจองคิวออนไลน์"),
        ("ผลลัพธ์และหลักฐาน", "เวลารอลดจาก 120 เหลือ 15 นาที"),
        ("บทเรียนที่ได้รับ", "ประชาสัมพันธ์ล่วงหน้า"),
        ("วิธีนำไปขยายผล", "ใช้แม่แบบการจองคิวกลาง"),
        ("ผู้ประสานงาน", "โทร 0 2628 5646"),
    ]:
        page.get_by_label(label, exact=True).fill(text)
    page.locator("#id_agency").select_option(label="สำนักงานปลัดกระทรวงศึกษาธิการ (สป.)")
    page.get_by_label("รูปภาพ (ไม่บังคับ)").set_input_files(picture)
    page.get_by_label("คำอธิบายรูปภาพ").fill("แผนภาพขั้นตอนการจองคิว")
    page.get_by_role("button", name="เผยแพร่").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "จองคิวรับเอกสารออนไลน์ ลดเวลารอจาก 2 ชั่วโมงเหลือ 15 นาที"
    )
    expect(page.get_by_role("img", name="แผนภาพขั้นตอนการจองคิว")).to_be_visible()
    expect(page.get_by_text("เวลารอลดจาก 120 เหลือ 15 นาที")).to_be_visible()

    page.get_by_role("link", name="S1-P1 โครงการพัฒนาระบบบริการอิเล็กทรอนิกส์ด้านการศึกษา (MOE e-Service)").click()
    exchange = page.locator("#exchange")
    expect(
        exchange.get_by_role("link", name="จองคิวรับเอกสารออนไลน์ ลดเวลารอจาก 2 ชั่วโมงเหลือ 15 นาที")
    ).to_be_visible()


def test_staff_ask_the_clinic_the_expert_answers_and_the_asker_accepts(demo_site, browser_page):
    page = browser_page
    person("asker", Role.STAFF, agency="obec")
    expert = person("expert", Role.PROJECT_TEAM)
    ProjectTeamMember.objects.create(project=ProjectPage.objects.get(code="S3-P2"), user=expert)
    expert.first_name, expert.last_name = "วิชัย", "ผู้เชี่ยวชาญ"
    expert.save()

    sign_in(page, demo_site, "asker", "/forums/")
    page.get_by_role("link", name="ถามคลินิก").first.click()
    page.get_by_label("หมวด").select_option(label="คลินิกให้คำปรึกษา")
    page.get_by_label("ชื่อเรื่อง").fill("รายงานผลไตรมาสต้องแนบหลักฐานอะไรบ้าง")
    page.get_by_label("ข้อความ").fill("ส่งรายงานไตรมาสแรก ไม่แน่ใจว่าต้องแนบอะไร")
    page.get_by_label("โครงการ", exact=True).select_option(
        label="โครงการคลินิกให้คำปรึกษาการขับเคลื่อนโครงการตามแผนยุทธศาสตร์ 4.0"
    )
    page.get_by_label("เลือกผู้เชี่ยวชาญ (ไม่บังคับ)").select_option(label="วิชัย ผู้เชี่ยวชาญ")
    page.get_by_role("button", name="เผยแพร่").click()
    expect(page.get_by_text("รอคำตอบ")).to_be_visible()
    question_url = page.url

    sign_in(page, demo_site, "expert", "/forums/me/notifications/")
    page.get_by_role("link", name="มีคำถามมอบหมายให้คุณ: รายงานผลไตรมาสต้องแนบหลักฐานอะไรบ้าง").click()
    page.get_by_label("คำตอบของคุณ").fill("แนบผลตัวชี้วัดพร้อมเอกสารอ้างอิง และภาพกิจกรรม")
    page.get_by_role("button", name="ส่งคำตอบ").click()
    expect(page.get_by_text("แนบผลตัวชี้วัดพร้อมเอกสารอ้างอิง และภาพกิจกรรม")).to_be_visible()

    sign_in(page, demo_site, "asker", question_url.removeprefix(demo_site.url))
    page.get_by_role("button", name="ยอมรับคำตอบนี้").click()
    accepted = page.get_by_role("region", name="✓ คำตอบที่ได้รับการยอมรับ")
    expect(accepted).to_contain_text("แนบผลตัวชี้วัดพร้อมเอกสารอ้างอิง และภาพกิจกรรม")
    assert Topic.objects.get(title="รายงานผลไตรมาสต้องแนบหลักฐานอะไรบ้าง").accepted_post.author == expert


def test_a_moderator_hides_a_flagged_post(demo_site, browser_page):
    page = browser_page
    reader = person("reader", Role.STAFF)
    person("mod", Role.MODERATOR)
    opened = topic(author=reader, title="แลกเปลี่ยนเรื่องการประชุมออนไลน์")
    reply(opened, author=reader, body="ข้อความโฆษณาขายสินค้าที่ไม่เกี่ยวข้อง")

    sign_in(page, demo_site, "reader", opened.get_absolute_url())
    # The reader flags the advert (someone else's post would show the button; here it is a second account).
    page.context.clear_cookies()
    person("flagger", Role.STAFF)
    sign_in(page, demo_site, "flagger", opened.get_absolute_url())
    page.locator("#p2").get_by_role("link", name="รายงาน").click()
    page.get_by_label("สแปมหรือโฆษณา").check()
    page.get_by_role("button", name="ส่งให้ผู้ดูแล").click()
    expect(page.get_by_text("ขอบคุณ ผู้ดูแลจะตรวจสอบโพสต์นี้")).to_be_visible()

    sign_in(page, demo_site, "mod", "/forums/moderation/")
    item = page.locator(".queue-item", has_text="ข้อความโฆษณาขายสินค้าที่ไม่เกี่ยวข้อง")
    expect(item).to_contain_text("สแปมหรือโฆษณา")
    item.get_by_role("button", name="ซ่อน").click()
    expect(page.get_by_text("ดำเนินการแล้ว: ซ่อน")).to_be_visible()

    sign_in(page, demo_site, "flagger", opened.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("แลกเปลี่ยนเรื่องการประชุมออนไลน์")
    expect(page.get_by_text("ข้อความโฆษณาขายสินค้าที่ไม่เกี่ยวข้อง")).to_have_count(0)
