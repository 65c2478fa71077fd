"""KPI values and statuses, budgets and coverage download as CSV and XLSX that Excel reads in Thai."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from knowledge.models import ProjectBudget
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def csv_rows(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")  # the byte-order mark Excel needs to read UTF-8 Thai
    return list(csv.reader(io.StringIO(body[1:])))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_kpi_csv_lists_every_kpi_with_its_quarters_target_and_status(client):
    rows = csv_rows(client.get("/monitoring/export/kpis.csv?plan=plan&year=2565"))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["รหัสตัวชี้วัด", "ตัวชี้วัด"] and header[-1] == "สถานะ"
    assert len(body) == 22
    first = dict(zip(header, next(row for row in body if row[0] == "S1-P1-K1"), strict=True))
    assert first["ตัวชี้วัด"].startswith("จำนวนงานบริการ")
    assert first["Q4"] == "21.20" and first["สถานะ"] == "เป็นไปตามแผน"


def test_kpi_xlsx_keeps_numbers_as_numbers_and_thai_as_text(client):
    response = client.get("/monitoring/export/kpis.xlsx?plan=plan&year=2565")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = xlsx_rows(response)
    row = next(row for row in rows if row[0] == "S1-P1-K1")
    assert row[1].startswith("จำนวนงานบริการ") and row[11] == 21.2


def test_budget_export_has_the_disbursement_rate(client, project):
    budget = ProjectBudget.objects.get(project=project, fiscal_year=2565)
    rows = xlsx_rows(client.get("/monitoring/export/budgets.xlsx?plan=plan&year=2565"))
    row = next(row for row in rows if row[1] == project.code)
    assert row[5:8] == [float(budget.planned), float(budget.allocated), float(budget.disbursed)]
    assert row[8] == pytest.approx(float(budget.disbursed * 100 / budget.allocated), abs=0.01)


def test_text_that_looks_like_a_formula_is_exported_as_text(client, kpi):
    kpi.name = '=HYPERLINK("http://evil.example")'
    kpi.save()
    csv_row = next(
        r for r in csv_rows(client.get("/monitoring/export/kpis.csv?plan=plan&year=2565")) if r[0] == kpi.code
    )
    xlsx_row = next(
        r
        for r in xlsx_rows(client.get("/monitoring/export/kpis.xlsx?plan=plan&year=2565"))
        if r[0] == kpi.code
    )
    assert csv_row[1].startswith("'=") and xlsx_row[1].startswith("'=")


def test_coverage_exports_are_for_the_host_unit(client, host):
    assert client.get("/monitoring/export/coverage.csv").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/monitoring/export/coverage.csv").status_code == 403
    client.force_login(host)
    rows = xlsx_rows(client.get("/monitoring/export/coverage.xlsx?plan=plan"))
    assert rows[0][0] == "รหัสโครงการ" and len(rows) == 16  # a header and the 15 demo projects
    assert {row[3] for row in rows[1:]} <= {"มี", "ขาด", "ไม่เกี่ยวข้อง"}


def test_unknown_tables_and_formats_are_not_found(client):
    assert client.get("/monitoring/export/secrets.csv").status_code == 404
    assert client.get("/monitoring/export/coverage.pdf").status_code in (302, 404)
    assert client.get("/monitoring/export/kpis.pdf").status_code == 404


def test_money_is_exported_to_the_satang(client, project):
    ProjectBudget.objects.filter(project=project, fiscal_year=2565).update(disbursed=Decimal("1234.56"))
    row = next(
        r
        for r in csv_rows(client.get("/monitoring/export/budgets.csv?plan=plan&year=2565"))
        if r[1] == project.code
    )
    assert row[7] == "1234.56"
