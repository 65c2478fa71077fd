"""The report and review forms as people use them: Thai digits, evidence, clear errors, nothing lost."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from monitoring.models import KpiReport, ReportStatus

pytestmark = pytest.mark.django_db


def report_url(kpi, quarter=1):
    return f"/monitoring/kpis/{kpi.pk}/2565/q{quarter}/"


def pdf(name="หลักฐาน.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%demo evidence\n", content_type="application/pdf")


def test_a_team_member_reports_a_quarter_in_thai_digits_with_evidence(client, kpi, member):
    client.force_login(member)
    response = client.post(report_url(kpi), {"value": "๖๐.๕", "note": "ผลไตรมาสแรก", "evidence": pdf()})
    assert response.status_code == 302
    report = KpiReport.objects.get(indicator=kpi, fiscal_year=2565, quarter=1)
    assert (report.status, str(report.value), report.note) == (ReportStatus.SUBMITTED, "60.50", "ผลไตรมาสแรก")
    assert report.evidence.read().startswith(b"%PDF")
    grid = client.get("/monitoring/reports/?year=2565").content.decode()
    assert "report-state--submitted" in grid


def test_a_bad_value_comes_back_with_a_thai_error_and_the_note_kept(client, kpi, member):
    client.force_login(member)
    response = client.post(report_url(kpi), {"value": "หกสิบ", "note": "บันทึกยาวที่ไม่ควรหาย"})
    page = response.content.decode()
    assert response.status_code == 200 and "บันทึกยาวที่ไม่ควรหาย" in page
    assert "กรอกหมายเลข" in page  # Django's Thai "Enter a number."
    assert not KpiReport.objects.filter(indicator=kpi).exists()


def test_evidence_of_the_wrong_type_is_refused_with_the_text_kept(client, kpi, member):
    client.force_login(member)
    script = SimpleUploadedFile("run.exe", b"MZ...", content_type="application/octet-stream")
    response = client.post(report_url(kpi), {"value": "60", "note": "แนบไฟล์ผิด", "evidence": script})
    assert response.status_code == 200 and "แนบไฟล์ผิด" in response.content.decode()
    assert not KpiReport.objects.filter(indicator=kpi).exists()


def test_outsiders_cannot_report_and_anonymous_users_are_asked_to_sign_in(client, kpi, outsider):
    assert client.get(report_url(kpi)).status_code == 302
    client.force_login(outsider)
    assert client.get(report_url(kpi)).status_code == 403
    assert client.post(report_url(kpi), {"value": "60"}).status_code == 403
    assert client.get(f"/monitoring/kpis/{kpi.pk}/2599/q1/").status_code == 404


def test_the_host_unit_returns_with_a_comment_the_team_sees_it_and_resubmits(client, kpi, member, host):
    client.force_login(member)
    client.post(report_url(kpi), {"value": "600", "note": ""})
    report = KpiReport.objects.get(indicator=kpi)
    client.force_login(host)
    assert kpi.code in client.get("/monitoring/review/").content.decode()
    refused = client.post(f"/monitoring/review/{report.pk}/", {"decision": "return", "comment": " "})
    assert refused.status_code == 200 and "field-error" in refused.content.decode()
    client.post(f"/monitoring/review/{report.pk}/", {"decision": "return", "comment": "ค่าเกินร้อยละ 100"})
    client.force_login(member)
    form = client.get(report_url(kpi)).content.decode()
    assert "ค่าเกินร้อยละ 100" in form
    client.post(report_url(kpi), {"value": "66", "note": "แก้ไขแล้ว"})
    client.force_login(host)
    client.post(f"/monitoring/review/{report.pk}/", {"decision": "approve", "comment": ""})
    report.refresh_from_db()
    assert (report.status, str(report.value)) == (ReportStatus.APPROVED, "66.00")
    client.force_login(member)
    locked = client.get(report_url(kpi)).content.decode()
    assert '<form method="post" enctype' not in locked


def test_only_the_host_unit_opens_the_review_desk(client, kpi, member):
    client.force_login(member)
    client.post(report_url(kpi), {"value": "60"})
    report = KpiReport.objects.get(indicator=kpi)
    assert client.get("/monitoring/review/").status_code == 403
    assert client.post(f"/monitoring/review/{report.pk}/", {"decision": "approve"}).status_code == 403
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_evidence_is_served_only_to_the_team_and_the_host_unit(client, kpi, member, outsider, host):
    client.force_login(member)
    client.post(report_url(kpi), {"value": "60", "evidence": pdf()})
    url = f"/monitoring/reports/{KpiReport.objects.get(indicator=kpi).pk}/evidence/"
    assert b"".join(client.get(url).streaming_content).startswith(b"%PDF")
    client.force_login(host)
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_a_text_file_renamed_pdf_is_refused_in_thai_and_real_files_pass(client, kpi, member):
    client.force_login(member)
    renamed = SimpleUploadedFile("ผลงาน.pdf", "ไม่ใช่ PDF จริง".encode(), content_type="application/pdf")
    response = client.post(report_url(kpi), {"value": "60", "note": "แนบไฟล์ปลอม", "evidence": renamed})
    page = response.content.decode()
    assert "เนื้อไฟล์ไม่ตรงกับชนิดที่ชื่อไฟล์ระบุ" in page and "แนบไฟล์ปลอม" in page
    assert not KpiReport.objects.filter(indicator=kpi).exists()
    table = SimpleUploadedFile("ผลงาน.csv", "ไตรมาส,ค่า\n1,60\n".encode(), content_type="text/csv")
    assert client.post(report_url(kpi), {"value": "60", "evidence": table}).status_code == 302
