"""The public API, read-only: what an anonymous visitor of the site may see, as JSON.

Pages come from `live().public()` (a page behind a view restriction, its KPIs and budgets included, is
never listed), topics from `Topic.objects.public()`, KPI values from approved reports only. Every list is
paginated (`limit`, `offset`) and reads a fixed number of queries whatever the page size.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.utils.functional import cached_property
from ninja import NinjaAPI, Query, Router
from ninja.errors import ValidationError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.renderers import JSONRenderer

from forums.models import Topic, TopicKind
from knowledge.models import (
    Agency,
    Indicator,
    ManualPage,
    PlanPage,
    ProjectAgency,
    ProjectPage,
    StandardPage,
    StrategyPage,
    UpdatePage,
)
from knowledge.models.library import EditionStatus
from knowledge.models.plan import current_plan
from monitoring.dashboard import KpiResult, approved_values

from . import schemas
from .filters import DocumentFilters, ProjectFilters, TopicFilters, UpdateFilters

DESCRIPTION = """API อ่านอย่างเดียวของแผนยุทธศาสตร์ระบบราชการ 4.0 กระทรวงศึกษาธิการ สำหรับระบบอื่นของกระทรวง:
แผน ยุทธศาสตร์ โครงการ (หน่วยงาน งบประมาณ ตัวชี้วัดพร้อมค่าและสถานะ) คู่มือและมาตรฐาน (ข้อมูลฉบับ) ข่าวความก้าวหน้า
และหัวข้อสาธารณะของเวทีแลกเปลี่ยน ตอบเฉพาะสิ่งที่ผู้เยี่ยมชมทั่วไปเห็นได้บนเว็บไซต์ ปี พ.ศ. ทุกแห่ง

A read-only API of the Ministry of Education's Bureaucracy 4.0 plan for other ministry systems. It answers
only what an anonymous visitor of the site may see. Years are Buddhist Era throughout."""


class ThaiJSON(JSONRenderer):
    """UTF-8 JSON: Thai text as Thai, not as \\u escapes (a third of the size, and readable)."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="MOE Bureaucracy 4.0 API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    docs_url="/docs",
    renderer=ThaiJSON(),
)
plan = Router(tags=["แผน / Plan"])
library = Router(tags=["คู่มือและมาตรฐาน / Manuals and standards"])
exchange = Router(tags=["เวทีแลกเปลี่ยน / Exchange"])


@api.exception_handler(ValidationError)
def invalid_request(request, exc):
    """A filter the API cannot read: say so in Thai and English, with each field's error."""
    errors = [{"field": ".".join(str(part) for part in e["loc"][1:]), "error": e["msg"]} for e in exc.errors]
    body = {"message": "คำขอไม่ถูกต้อง: ตรวจสอบค่าที่ส่งมา", "message_en": "Invalid request.", "errors": errors}
    return api.create_response(request, body, status=400)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"message": "ไม่พบรายการนี้", "message_en": "Not found."}, status=404)


def absolute(path):
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}"


def page_url(page):
    return absolute(page.get_url())


def public(model):
    return model.objects.live().public()


@plan.get("/plans", response=list[schemas.Plan], summary="แผนยุทธศาสตร์ / Strategic plans")
def plans(request):
    pages = list(public(PlanPage).newest_first())
    current = current_plan(pages)
    return [
        {
            **_named(page),
            "subtitle": page.subtitle,
            "first_year": page.first_year,
            "last_year": page.last_year,
            "host_unit": page.host_unit,
            "current": page == current,
            "ended": page.is_ended,
        }
        for page in pages
    ]


@plan.get("/strategies", response=list[schemas.Strategy], summary="ยุทธศาสตร์ / Strategies")
def strategies(request, plan: int | None = Query(None, description="id ของแผน / a plan's id")):
    pages = public(StrategyPage).with_project_counts()
    plan_at = {page.path: page.pk for page in public(PlanPage)}
    found = []
    for page in pages:
        parent = plan_at.get(page.path[: -StrategyPage.steplen])
        if parent and (plan is None or parent == plan):
            found.append(
                {
                    **_named(page),
                    "code": page.code,
                    "number": page.number,
                    "plan": parent,
                    "project_count": page.project_count,
                }
            )
    return found


@plan.get("/projects", response=list[schemas.Project], summary="โครงการ / Projects")
@paginate(LimitOffsetPagination)
def projects(request, filters: Query[ProjectFilters]):
    return Mapped(filters.apply(_projects()), project_items)


@plan.get("/projects/{code}", response=schemas.Project, summary="โครงการหนึ่ง / One project")
def project(request, code: str):
    found = project_items(list(_projects().filter(code__iexact=code)[:1]))
    if not found:
        raise Http404
    return found[0]


@plan.get("/agencies", response=list[schemas.Agency], summary="หน่วยงาน / Agencies")
def agencies(request):
    return [
        {
            "code": agency.code,
            "name": agency.name,
            "name_en": agency.name_en,
            "abbreviation": agency.abbreviation,
            "abbreviation_en": agency.abbreviation_en,
            "url": absolute(agency.get_absolute_url()),
        }
        for agency in Agency.objects.order_by("code")
    ]


@library.get("/documents", response=list[schemas.Document], summary="คู่มือและมาตรฐาน / Manuals and standards")
@paginate(LimitOffsetPagination)
def documents(request, filters: Query[DocumentFilters]):
    return DocumentList(filters)


@plan.get("/updates", response=list[schemas.Update], summary="ข่าวความก้าวหน้า / Plan updates")
@paginate(LimitOffsetPagination)
def updates(request, filters: Query[UpdateFilters]):
    pages = filters.apply(public(UpdatePage)).order_by("-date", "-pk")
    return Mapped(
        pages.prefetch_related(Prefetch("projects", ProjectPage.objects.only("code"))), each(update_item)
    )


@exchange.get("/topics", response=list[schemas.Topic], summary="หัวข้อสาธารณะ / Public topics and cases")
@paginate(LimitOffsetPagination)
def topics(request, filters: Query[TopicFilters]):
    found = filters.apply(Topic.objects.public()).select_related("category", "case__agency")
    found = found.prefetch_related(Prefetch("projects", ProjectPage.objects.only("code")), "tags").order_by(
        "-last_post_at", "-pk"
    )
    return Mapped(found, each(_topic))


api.add_router("", plan)
api.add_router("", library)
api.add_router("", exchange)


def _named(page):
    return {"id": page.pk, "title": page.title, "title_en": page.title_en, "url": page_url(page)}


class Mapped:
    """A queryset the paginator counts and slices (ninja falls back to len()), each slice turned into the
    schema's dicts by `items(rows)` at once, so what a slice needs beyond its rows is read once."""

    def __init__(self, queryset, items):
        self.queryset, self.items = queryset, items

    def __len__(self):
        return self.queryset.count()

    def __getitem__(self, window):
        return self.items(list(self.queryset[window]))


def each(item):
    """`items` for a slice whose rows need nothing more than themselves."""
    return lambda rows: [item(row) for row in rows]


def _projects():
    """Public projects in plan order (`public()` also leaves out what is under a restricted strategy)."""
    return (
        public(ProjectPage)
        .order_by("path")
        .select_related("continues")
        .prefetch_related(
            Prefetch("project_agencies", ProjectAgency.objects.select_related("agency")),
            "budgets",
            Prefetch("indicators", Indicator.objects.prefetch_related("targets")),
        )
    )


def project_items(projects):
    """Projects with their strategies' codes and their KPIs' approved values, each read once."""
    strategies = dict(StrategyPage.objects.values_list("path", "code"))
    plans = dict(PlanPage.objects.values_list("path", "pk"))
    values = approved_values([indicator for project in projects for indicator in project.indicators.all()])
    return [_project(project, strategies, plans, values) for project in projects]


def _project(project, strategies, plans, values):
    strategy_path = project.path[: -ProjectPage.steplen]
    return {
        **_named(project),
        "code": project.code,
        "plan": plans.get(strategy_path[: -ProjectPage.steplen]),
        "strategy": strategies.get(strategy_path, ""),
        "continues": project.continues.code if project.continues_id and project.continues.live else None,
        "status": project.status,
        "first_fiscal_year": project.first_fiscal_year,
        "last_fiscal_year": project.last_fiscal_year,
        "responsible_unit": project.responsible_unit,
        "agencies": [
            {
                "code": link.agency.code,
                "name": link.agency.name,
                "name_en": link.agency.name_en,
                "abbreviation": link.agency.abbreviation,
                "role": link.role,
            }
            for link in project.project_agencies.all()
        ],
        "budgets": [
            {
                "fiscal_year": budget.fiscal_year,
                "planned": budget.planned,
                "allocated": budget.allocated,
                "disbursed": budget.disbursed,
            }
            for budget in sorted(project.budgets.all(), key=lambda budget: budget.fiscal_year)
        ],
        "kpis": [
            _kpi(indicator, project.fiscal_years, values[indicator.pk])
            for indicator in project.indicators.all()
        ],
    }


def _kpi(indicator, years, values):
    targets = {target.fiscal_year: target.value for target in indicator.targets.all()}
    return {
        "code": indicator.code,
        "name": indicator.name,
        "name_en": indicator.name_en,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "baseline": indicator.baseline,
        "baseline_year": indicator.baseline_year,
        "years": [_kpi_year(indicator, year, targets.get(year), values) for year in years],
    }


def _kpi_year(indicator, year, target, values):
    result = KpiResult(indicator, year, {q: v for (y, q), v in values.items() if y == year}, target)
    return {
        "fiscal_year": year,
        "target": target,
        "values": [{"quarter": q, "value": v} for q, v in sorted(result.values.items())],
        "latest_value": result.latest_value,
        "status": result.status,
    }


class DocumentList:
    """Manuals, then standards, each by code and edition (newest first): sliced across both tables."""

    def __init__(self, filters):
        self.parts = [(kind, filters.apply(kind, model)) for kind, model in DOCUMENT_KINDS.items()]

    @cached_property
    def sizes(self):
        return [queryset.count() for _kind, queryset in self.parts]

    def __len__(self):
        return sum(self.sizes)

    def __getitem__(self, window):
        start, stop, found = window.start or 0, window.stop, []
        for (kind, queryset), size in zip(self.parts, self.sizes, strict=True):
            low, high = max(start, 0), size if stop is None else min(stop, size)
            if low < high:
                found += [(kind, page) for page in queryset[low:high]]
            start, stop = start - size, None if stop is None else stop - size
        projects = dict(ProjectPage.objects.values_list("path", "code"))
        return [document_item(kind, page, projects) for kind, page in found]


DOCUMENT_KINDS = {"manual": ManualPage, "standard": StandardPage}


def document_item(kind, page, projects=None):
    if projects is None:
        projects = dict(ProjectPage.objects.values_list("path", "code"))
    filed_under = projects.get(page.path[: -page.steplen])
    linked = [project.code for project in page.projects.all()] if kind == "standard" else []
    return {
        **_named(page),
        "kind": kind,
        "code": page.code,
        "edition": page.edition,
        "status": EditionStatus.SUPERSEDED if page.is_superseded else EditionStatus.IN_FORCE,
        "effective_date": page.effective_date,
        "review_due": page.review_due,
        "owner_unit": page.owner_unit,
        "project": filed_under or (linked[0] if linked else None),
        "change_note": page.change_note,
        "pdf_url": absolute(page.get_url() + "pdf/"),
    }


def update_item(page):
    return {
        **_named(page),
        "date": page.date,
        "summary": page.summary,
        "projects": [project.code for project in page.projects.all()],
    }


def _topic(topic):
    case = getattr(topic, "case", None) if topic.kind == TopicKind.CASE else None
    return {
        "id": topic.pk,
        "kind": topic.kind,
        "title": topic.title,
        "category": topic.category.name,
        "created_at": topic.created_at,
        "last_post_at": topic.last_post_at,
        "reply_count": topic.reply_count,
        "answered": topic.answered_at is not None,
        "projects": [project.code for project in topic.projects.all()],
        "tags": [tag.name for tag in topic.tags.all()],
        "case": case
        and {
            "agency": case.agency.code if case.agency else None,
            "endorsed": case.is_endorsed,
            "endorsed_at": case.endorsed_at,
        },
        "url": absolute(topic.get_absolute_url()),
    }
