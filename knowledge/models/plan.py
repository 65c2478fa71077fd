"""The plan's page tree above the projects: home, the plan, its chapters and its strategies."""

from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .. import thaidate
from ..blocks import BodyBlock
from ..fields import BuddhistYearField
from .base import BasePage, route_below
from .project import ProjectPage
from .updates import UpdatePage


class HomePage(BasePage):
    """The site's front page: what is new and the strategies at a glance."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["wagtailcore.Page"]
    listed_kinds = ("planpage", "strategypage", "projectpage", "updatepage")
    subpage_types = ["knowledge.PlanPage", "knowledge.UpdatesIndexPage", "knowledge.InfoPage"]
    max_count = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("Home page")

    def route(self, request, path_components):
        """Find the requested page (or the routable page of a sub-route) in one query instead of one
        query per tree level; Wagtail's walk answers what matches no page."""
        if path_components and (found := route_below(self, path_components, request)):
            return found
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        plans = live_plans()
        plan = current_plan(plans)
        projects = ProjectPage.objects.live()
        context.update(
            plan=plan,
            earlier_plans=[other for other in plans if other.is_ended and other != plan],
            strategies=StrategyPage.objects.live().child_of(plan).with_project_counts() if plan else [],
            latest_updates=UpdatePage.objects.live().in_plan(plan).order_by("-date", "-pk")[:5],
            project_count=projects.descendant_of(plan).count() if plan else 0,
        )
        return context


def this_fiscal_year():
    return thaidate.fiscal_year(timezone.localdate())


def live_plans():
    """Every live plan, newest first: the header, home and each list's plan picker ask for them, so they
    are read once and kept until a plan changes."""
    from ..dependencies import cached

    return cached("live-plans", lambda: list(PlanPage.objects.live().newest_first()), 3600, ["kind:planpage"])


def current_plan(plans):
    """The plan running this fiscal year; between plans, the newest one (`plans` newest first)."""
    year = this_fiscal_year()
    running = [plan for plan in plans if plan.first_year <= year <= plan.last_year]
    return (running or plans or [None])[0]


def plan_of(page, plans):
    """The plan a page (a strategy, a project, a manual) sits under, among `plans`."""
    return next((plan for plan in plans if page.path.startswith(plan.path)), None)


class PlanQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-first_year", "path")


class PlanPage(BasePage):
    """A strategic plan, with its chapters and strategies below it. Plans follow one another; the one
    running this fiscal year is the current one, those whose last year has passed have ended."""

    subtitle = models.CharField(_("Subtitle"), max_length=255, blank=True)
    first_year = BuddhistYearField(_("Plan's first year (B.E.)"))
    last_year = BuddhistYearField(_("Plan's last year (B.E.)"))
    host_unit = models.CharField(
        _("Host unit"), max_length=255, blank=True, help_text=_("The unit that drives the plan into practice")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    objects = PageManager.from_queryset(PlanQuerySet)()

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.ChapterPage", "knowledge.StrategyPage"]
    listed_kinds = ("projectpage", "planpage")  # each strategy's project count; the other plans

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel([FieldPanel("first_year"), FieldPanel("last_year")], heading=_("Plan years")),
        FieldPanel("host_unit"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("subtitle"), index.SearchField("body")]

    class Meta:
        verbose_name = _("Strategic plan")

    @property
    def is_ended(self):
        return self.last_year < this_fiscal_year()

    @property
    def years_label(self):
        return f"{self.first_year}–{self.last_year}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        plans = live_plans()
        context["current_plan"] = current_plan(plans)
        context["other_plans"] = [plan for plan in plans if plan != self]
        context["chapters"] = ChapterPage.objects.live().child_of(self)
        context["strategies"] = StrategyPage.objects.live().child_of(self).with_project_counts()
        return context


class ChapterPage(BasePage):
    """A chapter of the plan document (executive summary, context, alignment, substance, M&E, appendix)."""

    code = models.SlugField(_("Chapter code"), max_length=16, help_text=_("A stable id for links, e.g. ch-1"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    slug_source = "code"
    parent_page_types = ["knowledge.PlanPage"]
    subpage_types = []

    content_panels = [*BasePage.content_panels, FieldPanel("code"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("Plan chapter")


class StrategyQuerySet(PageQuerySet):
    def with_project_counts(self):
        """Annotate `project_count`: live projects under each strategy, in the same query."""
        children = ProjectPage.objects.live().filter(
            path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1
        )
        count = children.order_by().values("depth").annotate(n=Count("pk")).values("n")
        return self.annotate(project_count=Coalesce(Subquery(count), 0)).order_by("path")


class StrategyPage(BasePage):
    """A strategy of the plan, holding its projects."""

    code = models.CharField(_("Strategy code"), max_length=16, help_text=_("A stable id, e.g. S1"))
    number = models.PositiveSmallIntegerField(_("Strategy number"))
    goal = models.ForeignKey(
        "knowledge.Gov40Goal",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Bureaucracy 4.0 goal"),
    )
    sub_plans = ParentalManyToManyField("knowledge.SubPlan", blank=True, verbose_name=_("Sub-plans"))
    pmqa_categories = ParentalManyToManyField(
        "knowledge.PMQACategory", blank=True, verbose_name=_("PMQA 4.0 category")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Body"))

    objects = PageManager.from_queryset(StrategyQuerySet)()

    slug_source = "code"
    parent_page_types = ["knowledge.PlanPage"]
    subpage_types = ["knowledge.ProjectPage"]

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("code"), FieldPanel("number")], heading=_("Code")),
        FieldPanel("goal"),
        FieldPanel("sub_plans"),
        FieldPanel("pmqa_categories"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("code"), index.SearchField("body")]

    class Meta:
        verbose_name = _("Strategy")

    @property
    def label(self):
        return _("Strategy %(number)s") % {"number": self.number}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = ProjectPage.objects.live().child_of(self).with_lead_agencies()
        context["sub_plans"] = self.sub_plans.all()
        context["pmqa_categories"] = self.pmqa_categories.all()
        return context
