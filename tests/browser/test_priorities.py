"""The host unit finishes scoring the current plan's FY2570 round in a real browser, decides it, and the
ranking and the dashboard's budget-against-priority table become public."""

from playwright.sync_api import expect

from knowledge.roles import Role
from priorities.models import Round
from tests.browser.helpers import person, sign_in


def test_the_host_unit_scores_decides_and_everyone_sees_the_ranking(demo_site, browser_page):
    page = browser_page
    person("hostunit", Role.MODERATOR)
    round_ = Round.objects.get(fiscal_year=2570)  # the demo scored two of its three projects
    sign_in(page, demo_site, "hostunit", "/priorities/")
    page.get_by_role("link", name="ปีงบประมาณ 2570").click()
    expect(page.locator(".plan-notice")).to_contain_text("อยู่ระหว่างให้คะแนน")
    page.get_by_role("link", name="เปิดแบบให้คะแนน").click()

    page.get_by_role("button", name="ตัดสินการจัดลำดับ").click()
    expect(page.locator(".messages")).to_contain_text("P2-S2-P1")  # still unscored: not decided

    for criterion, value in zip(round_.criteria.all(), ("๕", "4", "3"), strict=True):
        page.get_by_label(f"คะแนน: P2-S2-P1 · {criterion.name}").fill(value)
        page.get_by_label(f"เหตุผล: P2-S2-P1 · {criterion.name}").fill(f"เหตุผลของคะแนน {value}")
    page.get_by_role("button", name="บันทึกคะแนน").click()
    expect(page.locator(".messages")).to_contain_text("บันทึกคะแนนแล้ว")
    page.get_by_role("button", name="ตัดสินการจัดลำดับ").click()
    expect(page.locator(".messages")).to_contain_text("ตัดสินการจัดลำดับแล้ว")

    page.context.clear_cookies()  # an anonymous reader
    page.goto(f"{demo_site.url}/priorities/{round_.pk}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("2570")
    row = page.locator("tr", has=page.get_by_role("rowheader", name="P2-S2-P1"))
    expect(row).to_contain_text("83.0")  # (40×5 + 35×4 + 25×3) / 5
    row.get_by_text("เหตุผล").first.click()
    expect(row).to_contain_text("เหตุผลของคะแนน ๕")
    page.goto(f"{demo_site.url}/monitoring/?year=2570")
    ranking = page.get_by_role("region", name="ตารางงบประมาณตามลำดับความสำคัญ")
    expect(ranking.locator("tbody tr")).to_have_count(3)
