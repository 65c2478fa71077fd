"""A visitor searches in Thai from the header, narrows by agency and year, and opens a result."""

import re

from playwright.sync_api import expect


def test_visitor_searches_in_thai_narrows_and_opens_a_result(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/")
    header_search = page.get_by_role("search", name="ค้นหาทั้งเว็บไซต์")
    header_search.get_by_role("combobox").fill("คลินิก")
    header_search.get_by_role("button", name="ค้นหา").click()
    expect(page.locator(".result-count")).to_contain_text("คลินิก")
    results = page.locator(".result")
    expect(results.first).to_be_visible()
    everything = results.count()

    narrow = page.get_by_role("complementary", name="กรองผลการค้นหา")
    narrow.get_by_role("link", name="สอศ.").click()
    expect(page).to_have_url(re.compile(r"agency=ovec"))
    narrow.get_by_role("link", name="2565", exact=True).click()
    expect(page).to_have_url(re.compile(r"agency=ovec.*year=2565|year=2565.*agency=ovec"))
    narrowed = page.locator(".result").count()
    assert 0 < narrowed < everything

    page.locator(".result__title a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("คลินิก")


def test_title_suggestions_work_with_the_keyboard(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/search/")
    box = page.get_by_role("combobox").last
    box.fill("คู่มือการประเมิน")
    option = page.get_by_role("option").first
    expect(option).to_contain_text("คู่มือการประเมินตนเองตามเกณฑ์ PMQA 4.0")
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("คู่มือการประเมินตนเองตามเกณฑ์ PMQA 4.0")
