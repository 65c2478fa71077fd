"""The Wagtail admin under the enforced policy that refuses inline scripts: its widgets and panels still
start (knowledge/admin_scripts.py), and the browser reports no refused script."""

from playwright.sync_api import expect

from knowledge.models import ProjectPage, StandardPage
from tests.browser.helpers import sign_in
from tests.factories import UserFactory


def watch_for_refusals(page):
    refusals = []
    page.on(
        "console", lambda message: "Content Security Policy" in message.text and refusals.append(message.text)
    )
    page.on("pageerror", lambda error: refusals.append(str(error)))
    return refusals


def test_admin_date_picker_inline_panel_and_chooser_work_without_inline_scripts(demo_site, browser_page):
    page = browser_page
    UserFactory(username="editor", is_superuser=True, is_staff=True)
    refusals = watch_for_refusals(page)
    standard = StandardPage.objects.live().first()
    project = ProjectPage.objects.get(code="S1-P1")

    sign_in(page, demo_site, "editor", f"/admin/pages/{standard.pk}/edit/")
    page.locator("#id_effective_date").click()
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)

    page.goto(f"{demo_site.url}/admin/pages/{project.pk}/edit/")
    agencies = page.locator("div[data-inline-panel-child][id^='inline_child_project_agencies-']:visible")
    before = agencies.count()
    page.locator("#id_project_agencies-ADD").click()
    expect(agencies).to_have_count(before + 1)
    agencies.last.get_by_role("button", name="เลือก").first.click()
    expect(page.locator(".modal")).to_be_visible()

    assert refusals == []
