"""The filters each list takes, as query parameters the OpenAPI schema documents."""

import operator
from datetime import date
from functools import reduce

from django.db.models import Prefetch, Q
from ninja import Field, Schema

from forums.models import TopicKind
from knowledge.models import PlanPage, ProjectPage, ProjectStatus, StrategyPage
from knowledge.models.library import EditionStatus

PROJECT = Field(None, description="รหัสโครงการ เช่น S1-P1 / a project's code")
PLAN = Field(None, description="id ของแผน (/api/v1/plans) / a plan's id")


def public_plan(pk):
    """The public plan with this id, or None."""
    return PlanPage.objects.live().public().filter(pk=pk).first()


def under(model, code):
    """Q for pages below the public pages of `model` with this code (any case); matches nothing if none."""
    paths = model.objects.live().public().filter(code__iexact=code).values_list("path", flat=True)
    return reduce(operator.or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


class ProjectFilters(Schema):
    plan: int | None = PLAN
    strategy: str | None = Field(None, description="รหัสยุทธศาสตร์ เช่น S1 / a strategy's code")
    agency: str | None = Field(None, description="รหัสหน่วยงาน เช่น obec (หลักหรือร่วม) / an agency's code")
    status: ProjectStatus | None = Field(None, description="สถานะโครงการ / the project's status")
    fiscal_year: int | None = Field(
        None, ge=2400, le=2700, description="ดำเนินการในปีงบประมาณนี้ (พ.ศ.) / running in this fiscal year"
    )

    def apply(self, projects):
        if self.plan is not None:
            plan = public_plan(self.plan)
            projects = projects.descendant_of(plan) if plan else projects.none()
        if self.strategy:
            projects = projects.filter(under(StrategyPage, self.strategy))
        if self.agency:
            projects = projects.filter(project_agencies__agency__code=self.agency).distinct()
        if self.status:
            projects = projects.filter(status=self.status)
        if self.fiscal_year:
            projects = projects.filter(
                first_fiscal_year__lte=self.fiscal_year, last_fiscal_year__gte=self.fiscal_year
            )
        return projects


class DocumentFilters(Schema):
    kind: str | None = Field(
        None, pattern="^(manual|standard)$", description="manual = คู่มือ, standard = มาตรฐาน"
    )
    plan: int | None = PLAN
    project: str | None = PROJECT
    status: EditionStatus | None = Field(
        None, description="in_force = ฉบับที่มีผลบังคับใช้, superseded = ฉบับที่ถูกแทนที่ (ไม่ระบุ: ทุกฉบับที่เผยแพร่)"
    )
    code: str | None = Field(None, description="รหัสเอกสาร: ทุกฉบับของเอกสารนี้ / every edition of one document")

    def apply(self, kind, model):
        pages = model.objects.live().public().with_superseded().order_by("code", "-edition")
        if kind == "standard":
            pages = pages.prefetch_related(Prefetch("projects", ProjectPage.objects.only("code")))
        if (self.kind and self.kind != kind) or self.status == EditionStatus.DRAFT:
            return pages.none()  # drafts are never public
        if self.plan is not None:
            plan = public_plan(self.plan)
            pages = pages.descendant_of(plan) if plan else pages.none()
        if self.project:
            filed = under(ProjectPage, self.project)
            pages = pages.filter(
                filed | Q(projects__code__iexact=self.project) if kind == "standard" else filed
            )
        if self.status:
            pages = pages.filter(is_superseded=self.status == EditionStatus.SUPERSEDED)
        if self.code:
            pages = pages.filter(code=self.code)
        return pages.distinct()


class UpdateFilters(Schema):
    plan: int | None = Field(
        None,
        description="id ของแผน: ข่าวของโครงการในแผน หรือในช่วงปีของแผน / about its projects, or in its years",
    )
    project: str | None = PROJECT
    since: date | None = Field(None, description="ตั้งแต่วันที่ (ค.ศ. ตาม ISO 8601) / from this date")
    until: date | None = Field(None, description="ถึงวันที่ / up to this date")

    def apply(self, updates):
        if self.plan is not None:
            plan = public_plan(self.plan)
            updates = updates.in_plan(plan) if plan else updates.none()
        if self.project:
            updates = updates.filter(projects__code__iexact=self.project)
        if self.since:
            updates = updates.filter(date__gte=self.since)
        if self.until:
            updates = updates.filter(date__lte=self.until)
        return updates.distinct()


class TopicFilters(Schema):
    kind: TopicKind | None = Field(None, description="discussion, question (คลินิก), case (กรณีตัวอย่างที่ดี)")
    project: str | None = PROJECT
    endorsed: bool | None = Field(None, description="เฉพาะกรณีที่ได้รับการรับรอง / endorsed cases only")
    tag: str | None = Field(None, description="แท็ก / a tag's name")

    def apply(self, topics):
        if self.kind:
            topics = topics.filter(kind=self.kind)
        if self.project:
            topics = topics.filter(projects__code__iexact=self.project)
        if self.endorsed is not None:
            topics = topics.filter(kind=TopicKind.CASE, case__endorsed_at__isnull=not self.endorsed)
        if self.tag:
            topics = topics.filter(tags__name=self.tag)
        return topics.distinct()
