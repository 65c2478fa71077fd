"""An administrator registers another ministry system's webhook in the admin (in Thai), an update is
published, and the admin shows the delivery as delivered to the running receiver."""

from playwright.sync_api import expect

from knowledge.models import UpdatesIndexPage
from tests.api.test_webhooks import Receiver
from tests.browser.helpers import sign_in
from tests.factories import UpdatePageFactory, UserFactory


def test_an_administrator_registers_a_webhook_and_sees_it_delivered(demo_site, browser_page):
    receiver = Receiver()
    page = browser_page
    UserFactory(username="admin.b40", role="ผู้ดูแลระบบ", is_staff=True)
    sign_in(page, demo_site, "admin.b40", "/admin/snippets/api/webhook/add/")
    page.get_by_role("textbox", name="ชื่อ*", exact=True).fill("ระบบติดตามงบประมาณ")
    page.get_by_role("textbox", name="ที่อยู่ (URL)*").fill(receiver.url)
    page.get_by_label("เผยแพร่ข่าวความก้าวหน้าของแผน").check()
    page.get_by_role("button", name="บันทึก").click()
    expect(page.get_by_text("ระบบติดตามงบประมาณ").first).to_be_visible()

    UpdatePageFactory(parent=UpdatesIndexPage.objects.get(), title="ข่าวทดสอบเว็บฮุก")  # published
    assert [event["data"]["title"] for event in receiver.events()] == ["ข่าวทดสอบเว็บฮุก"]
    page.goto(f"{demo_site.url}/admin/snippets/api/delivery/")
    expect(page.get_by_role("table")).to_contain_text("ส่งถึงแล้ว")
    receiver.server.shutdown()
