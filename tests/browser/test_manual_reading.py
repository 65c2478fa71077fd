"""A staff member opens a project, reads its manual, uses the table of contents, downloads the PDF and
marks the edition as read."""

import pytest
from playwright.sync_api import expect

from knowledge.models import ManualPage, ReadReceipt
from knowledge.roles import Role
from tests.factories import UserFactory


@pytest.fixture
def printed_manual(demo_site):
    """The edition's PDF as the queue prints it on publish (before the test's browser starts: Playwright's
    sync API runs one at a time in a thread)."""
    manual = ManualPage.objects.get(code="clinic-manual", edition=2)
    manual.print_pdf()
    return manual


def test_staff_member_reads_a_manual_downloads_it_and_marks_it_read(
    demo_site, printed_manual, browser_page, tmp_path
):
    page = browser_page
    UserFactory(username="reader", role=Role.STAFF)

    page.goto(demo_site.url + "/accounts/login/?next=/plan/s3/s3-p2/")
    page.get_by_label("ชื่อผู้ใช้").fill("reader")
    page.get_by_label("รหัสผ่าน").fill("secret-pass-2565")
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page).to_have_url(demo_site.url + "/plan/s3/s3-p2/")

    page.locator("#manuals").get_by_role("link", name="คู่มือการให้คำปรึกษาของคลินิกขับเคลื่อนโครงการ").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("คู่มือการให้คำปรึกษาของคลินิกขับเคลื่อนโครงการ")

    page.get_by_role("navigation", name="สารบัญ").get_by_role("link", name="การตอบคำถามและระยะเวลา").click()
    expect(page).to_have_url(demo_site.url + "/plan/s3/s3-p2/clinic-manual-e2/#section-3")
    expect(page.locator("#section-3-title")).to_be_in_viewport()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="ดาวน์โหลด PDF").click()
    download = download_info.value
    assert download.suggested_filename == "clinic-manual-e2.pdf"
    pdf = tmp_path / "manual.pdf"
    download.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")

    page.get_by_role("button", name="ฉันอ่านฉบับนี้แล้ว").click()
    expect(page.get_by_text("บันทึกแล้วว่าท่านอ่านฉบับที่ 2")).to_be_visible()
    expect(page.get_by_text("ท่านอ่านฉบับนี้แล้ว")).to_be_visible()
    assert ReadReceipt.objects.filter(page=printed_manual, user__username="reader").exists()
