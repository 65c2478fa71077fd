"""A visitor opens the home page, follows plan → strategy → project, and switches to English."""

import re

from playwright.sync_api import expect


def test_visitor_reaches_a_project_hub_from_home_and_reads_it_in_english(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.get_by_role("heading", level=1)).to_contain_text("แผนยุทธศาสตร์การพัฒนาระบบราชการ 4.0")

    page.get_by_role("link", name="อ่านแผนยุทธศาสตร์").click()
    expect(page).to_have_url(demo_site.url + "/plan-2566-2570/")  # the plan running now
    page.get_by_role("complementary").get_by_role("link", name=re.compile("2564-2565")).click()
    expect(page).to_have_url(demo_site.url + "/plan/")  # the ended plan keeps its address
    expect(page.locator(".plan-notice")).to_contain_text("แผนนี้สิ้นสุดแล้ว")

    page.get_by_role("link", name="การยกระดับการให้บริการประชาชนด้วยระบบดิจิทัล").first.click()
    expect(page).to_have_url(demo_site.url + "/plan/s1/")
    expect(page.get_by_role("heading", level=1)).to_have_text("การยกระดับการให้บริการประชาชนด้วยระบบดิจิทัล")

    page.get_by_role("link", name="โครงการระบบรับสมัครนักเรียนออนไลน์").click()
    expect(page).to_have_url(demo_site.url + "/plan/s1/s1-p2/")
    expect(page.get_by_role("heading", name="ผลการดำเนินงาน: ตัวชี้วัดและองค์ความรู้")).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("เป้าหมาย 2565")

    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(demo_site.url + "/plan/s1/s1-p2/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Results: KPIs and knowledge")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Online student admission system project")


def test_keyboard_users_can_skip_to_the_main_content(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/plan/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="ข้ามไปยังเนื้อหาหลัก")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
