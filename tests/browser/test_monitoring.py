"""Quarterly reporting in a real browser: a team submits, the host unit returns it, the team fixes and
resubmits, the host unit approves, and the public dashboard changes."""

import re

from playwright.sync_api import expect

from knowledge.models import ProjectPage, ProjectTeamMember
from knowledge.roles import Role
from tests.browser.helpers import person, sign_in
from tests.factories import IndicatorFactory


def on_track_figure(page, site):
    page.context.clear_cookies()
    page.goto(f"{site.url}/monitoring/?plan=plan&year=2565")  # S1-P1 is of the ended plan
    figure = page.locator(".figures div", has_text="ตัวชี้วัดที่เป็นไปตามแผน").locator("dd")
    return figure.inner_text()


def review(page, site, kpi, decide):
    page.goto(f"{site.url}/monitoring/review/")
    page.get_by_role("link", name=f"พิจารณา {kpi.code}").click()
    decide(page)
    page.get_by_role("button", name="บันทึกผลการพิจารณา").click()
    expect(page.locator(".messages")).to_be_visible()


def test_a_quarter_is_returned_fixed_resubmitted_approved_and_the_dashboard_changes(
    demo_site, browser_page, tmp_path
):
    page = browser_page
    project = ProjectPage.objects.get(code="S1-P1")
    reporter = person("reporter", Role.PROJECT_TEAM)
    ProjectTeamMember.objects.create(project=project, user=reporter)
    person("hostunit", Role.MODERATOR)
    kpi = IndicatorFactory(project=project, name="ร้อยละของโรงเรียนที่ใช้ระบบ", baseline=50, targets={2565: 80})
    before = on_track_figure(page, demo_site)
    evidence = tmp_path / "ผลสำรวจ.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% survey results\n")

    sign_in(page, demo_site, "reporter", "/monitoring/reports/")
    page.get_by_role("link", name=f"รายงาน {kpi.code} ไตรมาส 4").click()
    page.get_by_label("ค่าที่ได้").fill("๘๐๐")  # a typo, typed in Thai digits
    page.get_by_label("หมายเหตุ").fill("ผลสำรวจไตรมาส 4")
    page.get_by_label("หลักฐาน (ไม่บังคับ)").set_input_files(str(evidence))
    page.get_by_role("button", name="ส่งให้หน่วยงานเจ้าภาพ").click()
    expect(page.locator(".messages")).to_contain_text("ส่งรายงานให้หน่วยงานเจ้าภาพพิจารณาแล้ว")

    sign_in(page, demo_site, "hostunit", "/monitoring/review/")

    def send_back(page):
        expect(page.locator(".facts")).to_contain_text("800")
        page.get_by_label("ส่งกลับให้แก้ไข").check()
        page.get_by_label("ความเห็น").fill("ค่าเกินร้อยละ 100 กรุณาตรวจสอบ")

    review(page, demo_site, kpi, send_back)
    assert on_track_figure(page, demo_site) == before  # nothing approved yet

    sign_in(page, demo_site, "reporter", "/monitoring/reports/")
    page.get_by_role("link", name=f"แก้ไขและส่งใหม่ {kpi.code} ไตรมาส 4").click()
    expect(page.locator(".message--warning")).to_contain_text("ค่าเกินร้อยละ 100 กรุณาตรวจสอบ")
    page.get_by_label("ค่าที่ได้").fill("80")
    page.get_by_role("button", name="ส่งให้หน่วยงานเจ้าภาพ").click()

    sign_in(page, demo_site, "hostunit", "/monitoring/review/")
    review(page, demo_site, kpi, lambda page: page.get_by_label("อนุมัติ", exact=True).check())

    after = on_track_figure(page, demo_site)
    done, total = (int(n) for n in re.findall(r"\d+", after))
    assert done == int(re.findall(r"\d+", before)[0]) + 1 and total == int(re.findall(r"\d+", before)[1])
    page.goto(f"{demo_site.url}/monitoring/kpis/{kpi.pk}/")
    row = page.locator("tr", has=page.get_by_role("rowheader", name="ไตรมาส 4/2565"))
    expect(row).to_contain_text("80")
    expect(row).to_contain_text("เป็นไปตามแผน")
