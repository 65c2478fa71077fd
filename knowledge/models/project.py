"""The project: the hub where its agencies, budget, KPIs, team and (later) knowledge meet."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import BodyBlock
from ..i18n import localized
from .base import BasePage

BE_YEAR = [MinValueValidator(2500), MaxValueValidator(2700)]
MONEY = {"max_digits": 15, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("ยังไม่เริ่ม")
    IN_PROGRESS = "in_progress", _("กำลังดำเนินการ")
    COMPLETED = "completed", _("เสร็จสิ้น")
    SUSPENDED = "suspended", _("ชะลอ/ยุติ")


class ValueChainStage(models.TextChoices):
    UPSTREAM = "upstream", _("ต้นน้ำ")
    MIDSTREAM = "midstream", _("กลางน้ำ")
    DOWNSTREAM = "downstream", _("ปลายน้ำ")


class AgencyRole(models.TextChoices):
    LEAD = "lead", _("หน่วยงานหลัก")
    PARTNER = "partner", _("หน่วยงานร่วม")


class ProjectQuerySet(PageQuerySet):
    def with_lead_agencies(self):
        """Prefetch each project's agencies, lead first, for lists of projects."""
        return self.prefetch_related(
            Prefetch("project_agencies", queryset=ProjectAgency.objects.select_related("agency"))
        )

    def for_agency(self, agency):
        return self.filter(project_agencies__agency=agency).distinct()


class ProjectPage(BasePage):
    """A project of a strategy. Its page is the hub for everything that serves the project."""

    code = models.CharField(_("รหัสโครงการ"), max_length=16, help_text=_("รหัสคงที่ เช่น S1-P2"))
    responsible_unit = models.CharField(_("หน่วยงานผู้รับผิดชอบ"), max_length=255, blank=True)
    first_fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณเริ่มต้น (พ.ศ.)"), validators=BE_YEAR)
    last_fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณสิ้นสุด (พ.ศ.)"), validators=BE_YEAR)
    status = models.CharField(
        _("สถานะ"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.IN_PROGRESS
    )
    value_chain_stage = models.CharField(
        _("ห่วงโซ่คุณค่า"), max_length=16, choices=ValueChainStage.choices, blank=True
    )
    pmqa_categories = ParentalManyToManyField(
        "knowledge.PMQACategory", blank=True, verbose_name=_("หมวดเกณฑ์ PMQA 4.0")
    )
    sub_plans = ParentalManyToManyField("knowledge.SubPlan", blank=True, verbose_name=_("แผนย่อย"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("รายละเอียดโครงการ"))

    objects = PageManager.from_queryset(ProjectQuerySet)()

    slug_source = "code"
    parent_page_types = ["knowledge.StrategyPage"]
    subpage_types = []  # manuals and standards join here (issue: manuals and standards)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("code"),
        InlinePanel("project_agencies", heading=_("หน่วยงานที่รับผิดชอบ"), label=_("หน่วยงาน"), min_num=1),
        FieldPanel("responsible_unit"),
        FieldRowPanel(
            [FieldPanel("first_fiscal_year"), FieldPanel("last_fiscal_year")], heading=_("ปีงบประมาณ")
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("value_chain_stage")], heading=_("สถานะและห่วงโซ่คุณค่า")
        ),
        FieldPanel("pmqa_categories"),
        FieldPanel("sub_plans"),
        FieldPanel("body"),
        InlinePanel("budgets", heading=_("งบประมาณรายปี"), label=_("ปีงบประมาณ")),
        InlinePanel("contacts", heading=_("ผู้ประสานงาน"), label=_("ผู้ประสานงาน")),
        InlinePanel("team_members", heading=_("ทีมโครงการ"), label=_("สมาชิก")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("code"),
        index.SearchField("responsible_unit"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("โครงการ")

    @property
    def fiscal_years(self):
        return list(range(self.first_fiscal_year, self.last_fiscal_year + 1))

    def get_context(self, request, *args, **kwargs):
        from .updates import UpdatePage

        context = super().get_context(request, *args, **kwargs)
        context.update(
            agencies=self.project_agencies.select_related("agency"),
            budgets=self.budgets.all(),
            indicators=self.indicators.prefetch_related("targets"),
            contacts=self.contacts.all(),
            pmqa_categories=self.pmqa_categories.all(),
            sub_plans=self.sub_plans.all(),
            updates=UpdatePage.objects.live().filter(projects=self).order_by("-date")[:5],
        )
        return context


class ProjectAgency(Orderable):
    """An agency responsible for a project, as its lead or as a partner."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="project_agencies")
    agency = models.ForeignKey(
        "knowledge.Agency", on_delete=models.PROTECT, related_name="project_roles", verbose_name=_("หน่วยงาน")
    )
    role = models.CharField(_("บทบาท"), max_length=16, choices=AgencyRole.choices, default=AgencyRole.LEAD)

    panels = [FieldPanel("agency"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("หน่วยงานที่รับผิดชอบ")


class ProjectBudget(Orderable):
    """A project's money in one fiscal year: planned, allocated and disbursed (THB)."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="budgets")
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=BE_YEAR)
    planned = models.DecimalField(_("งบประมาณตามแผน (บาท)"), **MONEY)
    allocated = models.DecimalField(_("งบประมาณที่ได้รับจัดสรร (บาท)"), default=0, **MONEY)
    disbursed = models.DecimalField(_("เบิกจ่ายแล้ว (บาท)"), default=0, **MONEY)

    panels = [
        FieldPanel("fiscal_year"),
        FieldRowPanel([FieldPanel("planned"), FieldPanel("allocated"), FieldPanel("disbursed")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("งบประมาณรายปี")
        constraints = [
            models.UniqueConstraint(fields=["project", "fiscal_year"], name="one_budget_per_project_year")
        ]

    @property
    def disbursement_rate(self):
        """Disbursed as a percentage of the allocation; None before any allocation."""
        return self.disbursed * 100 / self.allocated if self.allocated else None


class ProjectContact(Orderable):
    """A person to contact about a project."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("ชื่อ-สกุล"), max_length=255)
    position = models.CharField(_("ตำแหน่ง"), max_length=255, blank=True)
    email = models.EmailField(_("อีเมล"), blank=True)
    phone = models.CharField(_("โทรศัพท์"), max_length=64, blank=True)

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("email"), FieldPanel("phone")]

    class Meta(Orderable.Meta):
        verbose_name = _("ผู้ประสานงาน")


class ProjectTeamMember(Orderable):
    """A user who reports and answers for a project."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_memberships"
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("สมาชิกทีมโครงการ")
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_user")]


class IndicatorDirection(models.TextChoices):
    INCREASE = "increase", _("ยิ่งมากยิ่งดี")
    DECREASE = "decrease", _("ยิ่งน้อยยิ่งดี")


class Indicator(index.Indexed, ClusterableModel):
    """A project's KPI. A snippet of its own, so reported values keep pointing at it across page edits."""

    project = models.ForeignKey(
        ProjectPage, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("โครงการ")
    )
    code = models.CharField(_("รหัสตัวชี้วัด"), max_length=24, unique=True, help_text=_("เช่น S1-P1-K1"))
    name = models.CharField(_("ชื่อตัวชี้วัด"), max_length=500)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=500, blank=True)
    unit = models.CharField(_("หน่วยนับ"), max_length=64)
    unit_en = models.CharField(_("หน่วยนับภาษาอังกฤษ"), max_length=64, blank=True)
    direction = models.CharField(
        _("ทิศทาง"), max_length=16, choices=IndicatorDirection.choices, default=IndicatorDirection.INCREASE
    )
    baseline = models.DecimalField(_("ค่าฐาน"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("ปีของค่าฐาน (พ.ศ.)"), null=True, blank=True, validators=BE_YEAR
    )

    panels = [
        FieldPanel("project"),
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("unit_en")]),
        FieldPanel("direction"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("baseline_year")], heading=_("ค่าฐาน")),
        InlinePanel("targets", heading=_("ค่าเป้าหมายรายปี"), label=_("เป้าหมาย")),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("code"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("ตัวชี้วัด")
        verbose_name_plural = _("ตัวชี้วัด")

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def display_name(self):
        return localized(self.name, self.name_en)

    @property
    def display_unit(self):
        return localized(self.unit, self.unit_en)


class IndicatorTarget(Orderable):
    """A KPI's target value for one fiscal year."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    fiscal_year = models.PositiveSmallIntegerField(_("ปีงบประมาณ (พ.ศ.)"), validators=BE_YEAR)
    value = models.DecimalField(_("ค่าเป้าหมาย"), max_digits=14, decimal_places=2)

    panels = [FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("value")])]

    class Meta(Orderable.Meta):
        verbose_name = _("ค่าเป้าหมาย")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "fiscal_year"], name="one_target_per_indicator_year")
        ]
