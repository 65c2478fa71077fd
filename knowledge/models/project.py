"""The project: the hub where its agencies, budget, KPIs, team and (later) knowledge meet."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ..blocks import BodyBlock
from ..dependencies import depends_on, read_naming
from ..fields import BuddhistYearField, ThaiDecimalField
from ..i18n import localized
from .base import BasePage
from .library import ManualPage, StandardPage
from .updates import UpdatePage

MONEY = {"max_digits": 15, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    SUSPENDED = "suspended", _("Suspended")


class ValueChainStage(models.TextChoices):
    UPSTREAM = "upstream", _("Upstream")
    MIDSTREAM = "midstream", _("Midstream")
    DOWNSTREAM = "downstream", _("Downstream")


class AgencyRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    PARTNER = "partner", _("Partner")


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

    code = models.CharField(_("Project code"), max_length=16, help_text=_("A stable id, e.g. S1-P2"))
    responsible_unit = models.CharField(_("Responsible unit"), max_length=255, blank=True)
    first_fiscal_year = BuddhistYearField(_("First fiscal year (B.E.)"))
    last_fiscal_year = BuddhistYearField(_("Last fiscal year (B.E.)"))
    status = models.CharField(
        _("Status"), max_length=16, choices=ProjectStatus.choices, default=ProjectStatus.IN_PROGRESS
    )
    value_chain_stage = models.CharField(
        _("Value-chain stage"), max_length=16, choices=ValueChainStage.choices, blank=True
    )
    pmqa_categories = ParentalManyToManyField(
        "knowledge.PMQACategory", blank=True, verbose_name=_("PMQA 4.0 category")
    )
    sub_plans = ParentalManyToManyField("knowledge.SubPlan", blank=True, verbose_name=_("Sub-plans"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Project details"))
    continues = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continued_by",
        verbose_name=_("Continues"),
        help_text=_("The project of an earlier plan that this one carries on"),
    )

    objects = PageManager.from_queryset(ProjectQuerySet)()

    slug_source = "code"
    parent_page_types = ["knowledge.StrategyPage"]
    subpage_types = ["knowledge.ManualPage", "knowledge.StandardPage"]
    # Standards filed elsewhere that name the project, and updates about it; its KPIs and forum pieces
    # declare their own (monitoring_tags, forum_tags).
    listed_kinds = ("standardpage", "updatepage")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("code"),
        InlinePanel("project_agencies", heading=_("Responsible agencies"), label=_("Agency"), min_num=1),
        FieldPanel("responsible_unit"),
        FieldRowPanel(
            [FieldPanel("first_fiscal_year"), FieldPanel("last_fiscal_year")], heading=_("Fiscal years")
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("value_chain_stage")], heading=_("Status and value chain")
        ),
        FieldPanel("pmqa_categories"),
        FieldPanel("sub_plans"),
        FieldPanel("continues"),
        FieldPanel("body"),
        InlinePanel("budgets", heading=_("Budget per fiscal year"), label=_("Fiscal years")),
        InlinePanel("contacts", heading=_("Contact"), label=_("Contact")),
        InlinePanel("team_members", heading=_("Project team member"), label=_("Member")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("code"),
        index.SearchField("responsible_unit"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("Project")

    @property
    def fiscal_years(self):
        return list(range(self.first_fiscal_year, self.last_fiscal_year + 1))

    def neighbours(self):
        """The live projects next to this one across plans, in one query: the one it carries on (if any)
        and those of later plans that carry it on; then one query per step further back."""
        near = list(
            ProjectPage.objects.live().filter(Q(continues=self) | Q(pk=self.continues_id)).order_by("path")
        )
        earlier = [project for project in near if project.pk == self.continues_id]
        later = [project for project in near if project.continues_id == self.pk and project not in earlier]
        while earlier and earlier[0].continues_id not in {None, self.pk, *(p.pk for p in earlier)}:
            before = ProjectPage.objects.live().filter(pk=earlier[0].continues_id).first()
            if before is None:
                break
            earlier.insert(0, before)
        return earlier, later

    def across_plans(self):
        """This project's history across plans: what it carries on (oldest first), what carries it on,
        each with its plan; the earlier ones' KPIs (their budgets join its own table)."""
        from .plan import live_plans, plan_of

        depends_on(f"lineage:{self.pk}")  # a project that starts carrying this one on
        earlier, later = read_naming(
            self.neighbours, lambda found: [f"page:{p.path}" for projects in found for p in projects]
        )
        if not (earlier or later):
            return None
        plans = live_plans()
        return {
            "earlier": [(project, plan_of(project, plans)) for project in earlier],
            "later": [(project, plan_of(project, plans)) for project in later],
            "indicators": Indicator.objects.filter(project__in=earlier).select_related("project"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        history = self.across_plans()
        earlier = [project for project, _plan in history["earlier"]] if history else []
        context.update(
            agencies=self.project_agencies.select_related("agency"),
            history=history,
            budgets=ProjectBudget.objects.filter(project__in=[*earlier, self])
            .select_related("project")
            .order_by("fiscal_year", "project__path")
            if earlier
            else self.budgets.all(),
            contacts=self.contacts.all(),
            pmqa_categories=self.pmqa_categories.all(),
            sub_plans=self.sub_plans.all(),
            updates=UpdatePage.objects.live().filter(projects=self).order_by("-date")[:5],
            manuals=ManualPage.objects.child_of(self).current(),
            standards=StandardPage.objects.current()
            .filter(Q(path__startswith=self.path) | Q(projects=self))
            .distinct(),
        )
        return context


class ProjectAgency(Orderable):
    """An agency responsible for a project, as its lead or as a partner."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="project_agencies")
    agency = models.ForeignKey(
        "knowledge.Agency", on_delete=models.PROTECT, related_name="project_roles", verbose_name=_("Agency")
    )
    role = models.CharField(_("Role"), max_length=16, choices=AgencyRole.choices, default=AgencyRole.LEAD)

    panels = [FieldPanel("agency"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        ordering = ["role", "sort_order"]  # the lead agency first
        verbose_name = _("Responsible agencies")


class ProjectBudget(Orderable):
    """A project's money in one fiscal year: planned, allocated and disbursed (THB)."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="budgets")
    fiscal_year = BuddhistYearField(_("Fiscal year (B.E.)"))
    planned = ThaiDecimalField(_("Planned budget (THB)"), **MONEY)
    allocated = ThaiDecimalField(_("Allocated budget (THB)"), default=0, **MONEY)
    disbursed = ThaiDecimalField(_("Disbursed (THB)"), default=0, **MONEY)

    panels = [
        FieldPanel("fiscal_year"),
        FieldRowPanel([FieldPanel("planned"), FieldPanel("allocated"), FieldPanel("disbursed")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Budget per fiscal year")
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
    name = models.CharField(_("Full name"), max_length=255)
    position = models.CharField(_("Position"), max_length=255, blank=True)
    email = models.EmailField(_("E-mail"), blank=True)
    phone = models.CharField(_("Telephone"), max_length=64, blank=True)

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("email"), FieldPanel("phone")]

    class Meta(Orderable.Meta):
        verbose_name = _("Contact")


class ProjectTeamMember(Orderable):
    """A user who reports and answers for a project."""

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_memberships"
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("Project team member")
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="one_membership_per_user")]


class IndicatorDirection(models.TextChoices):
    INCREASE = "increase", _("Higher is better")
    DECREASE = "decrease", _("Lower is better")


class Indicator(index.Indexed, ClusterableModel):
    """A project's KPI. A snippet of its own, so reported values keep pointing at it across page edits."""

    project = models.ForeignKey(
        ProjectPage, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("Project")
    )
    code = models.CharField(_("KPI code"), max_length=24, unique=True, help_text=_("e.g. S1-P1-K1"))
    name = models.CharField(_("KPI name"), max_length=500)
    name_en = models.CharField(_("English name"), max_length=500, blank=True)
    unit = models.CharField(_("Unit"), max_length=64)
    unit_en = models.CharField(_("Unit in English"), max_length=64, blank=True)
    direction = models.CharField(
        _("Direction"), max_length=16, choices=IndicatorDirection.choices, default=IndicatorDirection.INCREASE
    )
    baseline = ThaiDecimalField(_("Baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_year = BuddhistYearField(_("Baseline year (B.E.)"), null=True, blank=True)

    panels = [
        FieldPanel("project"),
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("unit_en")]),
        FieldPanel("direction"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("baseline_year")], heading=_("Baseline")),
        InlinePanel("targets", heading=_("Targets per fiscal year"), label=_("Target")),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("code"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")

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
    fiscal_year = BuddhistYearField(_("Fiscal year (B.E.)"))
    value = ThaiDecimalField(_("Target"), max_digits=14, decimal_places=2)

    panels = [FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("value")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Target")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "fiscal_year"], name="one_target_per_indicator_year")
        ]
