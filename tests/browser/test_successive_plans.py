"""A reader of the current plan follows a carried-over project back to the ended plan, and the host unit's
dashboard switches between the plans."""

import re

from playwright.sync_api import expect


def test_a_reader_follows_a_project_across_plans_and_switches_the_dashboard(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="อ่านแผนยุทธศาสตร์").click()
    page.get_by_role("link", name="การยกระดับบริการดิจิทัลที่ยึดประชาชนเป็นศูนย์กลาง").first.click()
    page.get_by_role("link", name=re.compile("MOE e-Service 2")).click()
    expect(page).to_have_url(demo_site.url + "/plan-2566-2570/p2-s1/p2-s1-p1/")

    across = page.get_by_role("note")
    expect(across).to_contain_text("ดำเนินต่อจาก")
    expect(across).to_contain_text("สิ้นสุดแล้ว")
    budget = page.locator("#budget table")
    expect(budget).to_contain_text("2564")  # the earlier plan's years lead the table
    expect(budget).to_contain_text("2570")
    across.get_by_role("link", name=re.compile(r"^S1-P1 โครงการ")).click()
    expect(page).to_have_url(demo_site.url + "/plan/s1/s1-p1/")
    expect(page.get_by_role("note")).to_contain_text("ดำเนินต่อใน")

    page.goto(demo_site.url + "/monitoring/")
    picker = page.get_by_role("navigation", name="แผน")
    expect(picker.locator("[aria-current]")).to_have_text("2566–2570")
    picker.get_by_role("link", name="2564–2565 (สิ้นสุดแล้ว)").click()
    expect(page.locator(".plan-notice")).to_contain_text("สิ้นสุดแล้ว")
    page.get_by_role("navigation", name="ปีงบประมาณ").get_by_role("link", name="2564").click()
    expect(page).to_have_url(re.compile(r"plan=plan&year=2564"))  # the year picker keeps the plan
    expect(page.get_by_role("heading", level=1)).to_contain_text("2564")
    page.get_by_role("link", name="กลับไปที่แผนปัจจุบัน").click()
    expect(page.get_by_role("navigation", name="แผน").locator("[aria-current]")).to_have_text("2566–2570")
