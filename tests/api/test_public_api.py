"""The read-only public API (/api/v1/): what other ministry systems read, under the site's privacy rules."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from wagtail.models import PageViewRestriction

from knowledge.models import ManualPage, ProjectPage
from monitoring.models import KpiReport, ReportStatus
from tests.factories import UpdatePageFactory

pytestmark = pytest.mark.django_db
API = "/api/v1"


def get(client, path, status=200):
    response = client.get(API + path)
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()


@pytest.fixture
def schema(client):
    return get(client, "/openapi.json")


def response_schema(schema, path):
    """The JSON Schema the OpenAPI document gives for a GET of `path`'s 200 answer, its $refs resolvable."""
    body = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    resource = Resource.from_contents({**schema, "$schema": "https://json-schema.org/draft/2020-12/schema"})
    registry = Registry().with_resource("urn:api", resource)
    refs = json.loads(json.dumps(body).replace('"#/components', '"urn:api#/components'))
    return Draft202012Validator(refs, registry=registry)


def test_the_openapi_schema_is_valid_and_names_every_list(schema):
    validate(schema)
    assert {"/api/v1/plans", "/api/v1/strategies", "/api/v1/projects", "/api/v1/projects/{code}"} <= set(
        schema["paths"]
    )
    assert {"/api/v1/documents", "/api/v1/updates", "/api/v1/topics", "/api/v1/agencies"} <= set(
        schema["paths"]
    )
    filters = {p["name"] for p in schema["paths"]["/api/v1/projects"]["get"]["parameters"]}
    assert {"strategy", "agency", "status", "fiscal_year", "limit", "offset"} <= filters


@pytest.mark.parametrize(
    "path",
    [
        "/plans",
        "/strategies",
        "/projects",
        "/projects/S1-P1",
        "/documents",
        "/updates",
        "/topics",
        "/agencies",
    ],
)
def test_every_answer_matches_its_documented_schema(client, schema, path):
    documented = path if path != "/projects/S1-P1" else "/projects/{code}"
    errors = list(response_schema(schema, API + documented).iter_errors(get(client, path)))
    assert not errors, errors[:3]


def test_a_project_carries_its_agencies_budgets_and_kpis_with_values_and_status(client):
    project = get(client, "/projects/s1-p1")  # any case
    assert project["code"] == "S1-P1" and project["strategy"] == "S1"
    assert project["agencies"][0]["code"] == "ops" and project["agencies"][0]["role"] == "lead"
    assert [b["fiscal_year"] for b in project["budgets"]] == [2564, 2565]
    kpi = project["kpis"][0]
    approved = KpiReport.objects.filter(
        indicator__code=kpi["code"], status=ReportStatus.APPROVED, fiscal_year=2564
    )
    year = next(y for y in kpi["years"] if y["fiscal_year"] == 2564)
    assert {v["quarter"] for v in year["values"]} == set(approved.values_list("quarter", flat=True))
    assert year["status"] in {"on_track", "at_risk", "off_track", "no_data"}


def test_only_approved_values_are_published(client, project, team):
    indicator = project.indicators.first()
    KpiReport.objects.filter(indicator=indicator, fiscal_year=2565, quarter=4).delete()
    KpiReport.objects.create(
        indicator=indicator,
        fiscal_year=2565,
        quarter=4,
        value=999,
        status=ReportStatus.SUBMITTED,
        reported_by=team,
    )
    kpi = next(k for k in get(client, "/projects/S1-P1")["kpis"] if k["code"] == indicator.code)
    year = next(y for y in kpi["years"] if y["fiscal_year"] == 2565)
    assert all(v["quarter"] != 4 for v in year["values"])


def test_lists_are_paginated_and_filtered(client):
    first = get(client, "/projects?limit=2")
    assert len(first["items"]) == 2 and first["count"] == ProjectPage.objects.live().public().count()
    second = get(client, "/projects?limit=2&offset=2")
    assert not {p["code"] for p in first["items"]} & {p["code"] for p in second["items"]}
    assert {p["strategy"] for p in get(client, "/projects?strategy=S2")["items"]} == {"S2"}
    by_agency = get(client, "/projects?agency=obec")["items"]
    assert by_agency and all(any(a["code"] == "obec" for a in p["agencies"]) for p in by_agency)


def test_documents_span_manuals_and_standards_across_pages(client):
    every = get(client, "/documents?limit=100")
    assert {d["kind"] for d in every["items"]} == {"manual", "standard"}
    pages = [
        get(client, f"/documents?limit=3&offset={offset}")["items"] for offset in range(0, every["count"], 3)
    ]
    assert [d["id"] for page in pages for d in page] == [d["id"] for d in every["items"]]
    in_force = get(client, "/documents?kind=manual&status=in_force&limit=100")["items"]
    assert in_force and all(d["status"] == "in_force" and d["kind"] == "manual" for d in in_force)
    editions = get(client, "/documents?code=clinic-manual")["items"]
    assert [d["edition"] for d in editions] == sorted((d["edition"] for d in editions), reverse=True)


def test_private_pages_and_topics_never_leak(client, secret_topic):
    project = ProjectPage.objects.get(code="S3-P2")
    PageViewRestriction.objects.create(page=project, restriction_type=PageViewRestriction.LOGIN)
    manual = ManualPage.objects.child_of(project).live().first()
    assert "S3-P2" not in {p["code"] for p in get(client, "/projects?limit=100")["items"]}
    get(client, "/projects/S3-P2", status=404)
    assert manual.pk not in {d["id"] for d in get(client, "/documents?limit=100")["items"]}
    topics = get(client, "/topics?limit=100")["items"]
    assert secret_topic.pk not in {t["id"] for t in topics}
    assert "วาระลับ" not in json.dumps(get(client, "/topics?limit=100"), ensure_ascii=False)


def test_drafts_are_never_listed(client, updates_index):
    draft = UpdatePageFactory(parent=updates_index, title="ข่าวร่างที่ยังไม่เผยแพร่", live=False, publish=False)
    assert draft.pk not in {u["id"] for u in get(client, "/updates?limit=100")["items"]}
    assert get(client, "/documents?status=draft")["count"] == 0


def test_bad_filters_get_a_thai_error_and_unknown_codes_a_404(client):
    error = get(client, "/projects?fiscal_year=สองพัน", status=400)
    assert error["message"].startswith("คำขอไม่ถูกต้อง") and error["errors"][0]["field"] == "fiscal_year"
    assert get(client, "/documents?kind=video", status=400)["errors"]
    assert get(client, "/projects/NO-SUCH", status=404)["message"] == "ไม่พบรายการนี้"
    assert get(client, "/projects?strategy=S99")["count"] == 0


def test_thai_is_sent_as_utf8_text(client):
    body = client.get(API + "/agencies").content.decode()
    assert "สำนักงาน" in body and "\\u0e" not in body


@pytest.mark.parametrize("limit", [2, 8])
def test_a_page_of_projects_costs_the_same_queries_whatever_its_size(client, limit):
    client.get(f"{API}/projects?limit={limit}")
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{API}/projects?limit={limit}")
    assert len(queries) <= 12, [q["sql"][:80] for q in queries]


def test_the_docs_page_loads_its_files_from_the_site(client):
    html = client.get(API + "/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html and "unpkg" not in html


def test_the_reference_page_lists_every_endpoint_with_its_filters_in_thai(client, schema):
    page = client.get("/api/").content.decode()
    for path in schema["paths"]:
        assert f"GET {path}" in page
    assert "รหัสยุทธศาสตร์" in page and "ปีงบประมาณ" in page  # the filters' Thai descriptions
    assert "/api/v1/openapi.json" in page


def test_a_page_holds_at_most_a_hundred_items(client):
    too_many = get(client, "/topics?limit=100000", status=400)
    assert too_many["errors"][0]["field"] == "limit" and "100" in too_many["errors"][0]["error"]
    assert len(get(client, "/topics?limit=100")["items"]) <= 100
