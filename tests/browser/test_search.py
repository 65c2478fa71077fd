"""A visitor searches in Thai from the header, narrows by agency and year, and opens a result."""

import re

from playwright.sync_api import expect


def test_visitor_searches_in_thai_narrows_and_opens_a_result(demo_site, browser_page):
    page = browser_page
    page.goto(demo_site.url + "/")
    page.get_by_role("search").first.get_by_role("searchbox").fill("คลินิก")
    page.get_by_role("search").first.get_by_role("button", name="ค้นหา").click()
    expect(page.get_by_role("status")).to_contain_text("คลินิก")
    results = page.locator(".result")
    expect(results.first).to_be_visible()
    everything = results.count()

    narrow = page.get_by_role("complementary", name="กรองผลการค้นหา")
    narrow.get_by_role("link", name="สอศ.").click()
    expect(page).to_have_url(re.compile(r"agency=ovec"))
    narrow.get_by_role("link", name="2565").click()
    expect(page).to_have_url(re.compile(r"agency=ovec.*year=2565|year=2565.*agency=ovec"))
    narrowed = page.locator(".result").count()
    assert 0 < narrowed < everything

    page.locator(".result__title a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("คลินิก")
