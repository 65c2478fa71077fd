"""Demo rankings: FY2565 of the first plan, decided by the host unit before the year began, and FY2570 of
the current plan, still being scored. Scores follow what the demo holds (sub-plans and PMQA categories, the
previous year's KPI results, the project's status), each with its reason. Idempotent."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from knowledge.models import PlanPage, ProjectStatus
from monitoring.dashboard import kpi_result
from monitoring.status import KpiStatus

from .models import Criterion, Round, Score

CRITERIA = [
    ("ความสอดคล้องกับแผนแม่บทและยุทธศาสตร์ชาติ", "Alignment with the master plan", 40),
    ("ผลการดำเนินงานตามตัวชี้วัดปีที่ผ่านมา", "Last year's KPI results", 35),
    ("ความพร้อมในการดำเนินงาน", "Readiness to deliver", 25),
]
READINESS = {
    ProjectStatus.COMPLETED: 5,
    ProjectStatus.IN_PROGRESS: 4,
    ProjectStatus.PLANNED: 2,
    ProjectStatus.SUSPENDED: 1,
}


class PrioritiesDemoLoader:
    def __init__(self):
        self.created = {}
        self.host = get_user_model().objects.get(username="moderator")

    @transaction.atomic
    def load(self):
        plans = {plan.slug: plan for plan in PlanPage.objects.all()}
        if "plan" in plans:
            decided = timezone.make_aware(datetime(2021, 8, 20, 10))
            note = "ใช้ประกอบการจัดสรรงบประมาณปี 2565 ของโครงการตามแผน"
            self.load_round(plans["plan"], 2565, note, decided_at=decided)
        if "plan-2566-2570" in plans:
            self.load_round(plans["plan-2566-2570"], 2570, "", scored=2)
        return self

    def load_round(self, plan, year, note, decided_at=None, scored=None):
        if Round.objects.filter(plan=plan, fiscal_year=year).exists():
            return
        round_ = Round.objects.create(plan=plan, fiscal_year=year, note=note)
        criteria = [
            Criterion.objects.create(
                round=round_, name=name, name_en=name_en, weight=weight, sort_order=order
            )
            for order, (name, name_en, weight) in enumerate(CRITERIA)
        ]
        for project in list(round_.projects())[:scored]:
            for criterion, (value, reason) in zip(criteria, self.assess(project, year), strict=True):
                Score.objects.create(criterion=criterion, project=project, value=value, reason=reason)
        if decided_at:
            round_.decided_by, round_.decided_at = self.host, decided_at
            round_.save()
        self.created["priority round"] = self.created.get("priority round", 0) + 1

    def assess(self, project, year):
        """(score, reason) per criterion, from what the demo holds about the project."""
        sub_plans = [sub_plan.code for sub_plan in project.sub_plans.all()]
        categories = [str(category.number) for category in project.pmqa_categories.all()]
        alignment = min(5, 1 + len(sub_plans) + len(categories) // 2)
        statuses = [
            kpi_result(kpi, year - 1).status for kpi in project.indicators.prefetch_related("targets")
        ]
        on_track = statuses.count(KpiStatus.ON_TRACK)
        results = round(5 * on_track / len(statuses)) if statuses else 3
        return [
            (
                alignment,
                f"สอดคล้องกับแผนย่อย {', '.join(sub_plans) or '–'} และ PMQA หมวด {', '.join(categories) or '–'}",
            ),
            (results, f"ตัวชี้วัดปี {year - 1} เป็นไปตามแผน {on_track} จาก {len(statuses)} ตัว"),
            (READINESS.get(project.status, 3), f"สถานะโครงการ: {project.get_status_display()}"),
        ]
