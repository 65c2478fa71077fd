"""A staff member of a named agency comments on a draft manual in a real browser, and the host unit
answers the comment."""

from playwright.sync_api import expect

from knowledge.roles import Role
from tests.browser.helpers import person, sign_in


def test_a_reader_comments_on_a_section_and_the_host_unit_answers(demo_site, browser_page):
    page = browser_page
    person("reader", Role.STAFF, agency="obec")
    person("hostunit", Role.MODERATOR)
    sign_in(page, demo_site, "reader", "/participation/")
    page.get_by_role("link", name="คู่มือการประเมินตนเองตามเกณฑ์ PMQA 4.0").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("PMQA")
    form = page.locator("form.comment-form")
    form.get_by_label("ส่วนของเอกสาร").select_option(index=1)
    form.get_by_label("ข้อความที่ท่านแสดงความคิดเห็น (ยกมา)").fill("แต่งตั้งคณะทำงาน")
    form.get_by_label("ความเห็น", exact=True).fill("ควรกำหนดจำนวนคณะทำงานขั้นต่ำ")
    form.get_by_role("button", name="ส่งความคิดเห็น").click()
    expect(page.locator(".messages")).to_contain_text("ส่งความคิดเห็นของท่านถึงเจ้าของเอกสารแล้ว")
    comment = page.locator(".hearing-comments li", has_text="ควรกำหนดจำนวนคณะทำงานขั้นต่ำ")
    expect(comment).to_contain_text("สพฐ.")
    expect(comment).to_contain_text("รอคำตอบจากเจ้าของเอกสาร")

    url = page.url.split("#")[0].removeprefix(demo_site.url)
    sign_in(page, demo_site, "hostunit", url)
    comment = page.locator(".hearing-comments li", has_text="ควรกำหนดจำนวนคณะทำงานขั้นต่ำ")
    comment.get_by_label("ยอมรับ", exact=True).check()
    comment.get_by_label("เหตุผล").fill("เพิ่มจำนวนขั้นต่ำห้าคนในร่าง")
    comment.get_by_role("button", name="บันทึกคำตอบ").click()
    expect(page.locator(".messages")).to_contain_text("บันทึกคำตอบแล้ว")
    answered = page.locator(".hearing-comments li", has_text="ควรกำหนดจำนวนคณะทำงานขั้นต่ำ")
    expect(answered.locator(".resolution")).to_contain_text("ยอมรับ")
    expect(answered.locator(".resolution")).to_contain_text("เพิ่มจำนวนขั้นต่ำห้าคนในร่าง")
