"""A project team member reads the key pages on a 320 px phone: nothing scrolls sideways (wide tables and
charts scroll in their own box), chart labels stay readable, Thai lines end between words, the header menu
folds away, and no page breaks its security policy."""

from playwright.sync_api import expect

from knowledge.models import ProjectPage, ProjectTeamMember
from knowledge.roles import Role
from search.line_breaks import break_points
from tests.browser.helpers import person, sign_in

# Each chart label's size on screen: its font size times the SVG's scale.
LABEL_SIZES = """[...document.querySelectorAll('.chart text')]
    .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""

# Each Thai text marked for line breaks: its text and the offsets where the browser ended a line in it.
LINE_ENDS = """[...document.querySelectorAll('.words')].map(span => {
    const ends = []; let text = '', top = null;
    const walker = document.createTreeWalker(span, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); text += node.data) {
        for (let i = 0; i < node.length; i++) {
            const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
            const box = range.getClientRects()[0];
            if (!box || !box.width) continue;
            if (top !== null && box.top - top > 2) ends.push(text.length + i);
            top = box.top;
        }
    }
    return [text, ends];
}).filter(([text, ends]) => ends.length)"""

KEY_PAGES = [
    "/",
    "/plan/",
    "/plan/s1/",
    "/plan/s1/s1-p1/",
    "/plan/s3/s3-p2/clinic-manual-e2/",
    "/plan/s3/s3-p2/clinic-manual-e2/section/1/",
    "/plan/s2/s2-p3/ea-standard-e1/",
    "/updates/",
    "/agencies/obec/",
    "/forums/",
    "/forums/new/",
    "/search/?q=คู่มือ",
    "/monitoring/?year=2565",
    "/monitoring/reports/",
]


def test_key_pages_fit_a_320_px_phone_and_keep_their_security_policy(demo_site, browser_page):
    page = browser_page
    member = person("phone-reader", Role.PROJECT_TEAM)
    ProjectTeamMember.objects.create(project=ProjectPage.objects.get(code="S1-P1"), user=member)
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security" in message.text else None,
    )
    sign_in(page, demo_site, "phone-reader", "/")
    page.set_viewport_size({"width": 320, "height": 700})
    too_wide, small_labels, line_ends = {}, {}, []
    for path in KEY_PAGES:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
        if (sizes := page.evaluate(LABEL_SIZES)) and min(sizes) < 12:
            small_labels[path] = round(min(sizes), 1)
        line_ends += page.evaluate(LINE_ENDS)
    inside_words = [
        f"{text[:end]} / {text[end:]}"
        for text, ends in line_ends
        for end in set(ends) - set(break_points(text))
    ]
    assert sum(len(ends) for _, ends in line_ends) > 500  # the pages do wrap Thai text
    assert inside_words == []
    assert too_wide == {}
    assert small_labels == {}
    assert violations == []


def test_the_header_menu_folds_behind_a_button_on_a_phone(demo_site, browser_page):
    page = browser_page
    person("menu-reader", Role.STAFF)
    sign_in(page, demo_site, "menu-reader", "/plan/")
    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    menu = page.get_by_role("button", name="เมนู")
    plan_link = page.get_by_role("navigation", name="เมนูหลัก").get_by_role("link", name="แผนยุทธศาสตร์")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(plan_link).to_be_hidden()
    expect(page.get_by_role("combobox", name="ค้นหา")).to_be_visible()  # search stays at hand
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 0.25 * 640

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(plan_link).to_be_visible()
    expect(page.get_by_role("button", name="ออกจากระบบ")).to_be_visible()
    page.keyboard.press("Escape")
    expect(plan_link).to_be_hidden()
    expect(menu).to_be_focused()

    page.set_viewport_size({"width": 1200, "height": 800})  # a wide screen shows the menu, no button
    expect(plan_link).to_be_visible()
    expect(menu).to_be_hidden()
