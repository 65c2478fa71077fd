"""A project team member reads the key pages on a 320 px phone: nothing scrolls sideways (wide tables and
charts scroll in their own box), chart labels stay readable, and no page breaks its security policy."""

from knowledge.models import ProjectPage, ProjectTeamMember
from knowledge.roles import Role
from tests.browser.helpers import person, sign_in

# Each chart label's size on screen: its font size times the SVG's scale.
LABEL_SIZES = """[...document.querySelectorAll('.chart text')]
    .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""

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
    too_wide, small_labels = {}, {}
    for path in KEY_PAGES:
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width
        if (sizes := page.evaluate(LABEL_SIZES)) and min(sizes) < 12:
            small_labels[path] = round(min(sizes), 1)
    assert too_wide == {}
    assert small_labels == {}
    assert violations == []
