"""Plan updates that communicators write and moderators approve."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from .. import thaidate
from ..blocks import BodyBlock
from ..forms import free_slug
from .base import BasePage


class UpdateQuerySet(PageQuerySet):
    def in_plan(self, plan):
        """Updates of a plan: about one of its projects, or about none and dated within its fiscal years."""
        if plan is None:
            return self
        first_day, _ = thaidate.fiscal_year_bounds(plan.first_year)
        _, last_day = thaidate.fiscal_year_bounds(plan.last_year)
        about = Q(projects__path__startswith=plan.path)
        dated = Q(projects__isnull=True, date__range=(first_day, last_day))
        return self.filter(about | dated).distinct()


class UpdatesIndexPage(BasePage):
    """The list of plan updates, newest first, of one plan at a time (the current one unless ?plan=),
    with its feed."""

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.UpdatePage"]
    listed_kinds = ("planpage", "projectpage")  # which plan an update belongs to
    max_count = 1

    class Meta:
        verbose_name = _("Plan updates index")

    def get_context(self, request, *args, **kwargs):
        from ..plans import chosen_plan

        context = super().get_context(request, *args, **kwargs)
        choice = chosen_plan(request)
        updates = UpdatePage.objects.live().child_of(self).in_plan(choice.plan).order_by("-date", "-pk")
        context["choice"] = choice
        context["updates"] = Paginator(updates, 10).get_page(request.GET.get("page"))
        return context


class UpdatePage(BasePage):
    """A plan update: news of progress, linked to the projects it reports on."""

    date = models.DateField(_("Date"), default=timezone.localdate)
    body = StreamField(BodyBlock(), verbose_name=_("Body"))
    projects = ParentalManyToManyField(
        "knowledge.ProjectPage", blank=True, related_name="updates", verbose_name=_("Related projects")
    )

    objects = PageManager.from_queryset(UpdateQuerySet)()

    parent_page_types = ["knowledge.UpdatesIndexPage"]
    subpage_types = []
    listed_kinds = ("projectpage",)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("projects"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body"), index.FilterField("date")]

    class Meta:
        verbose_name = _("Plan updates")

    numbered_slugs = True

    def default_slug(self):
        """The date and English name when the editor chose no slug: /updates/2022-03-15/ or
        /updates/2022-03-15-kick-off-meeting/; a second update of the day is numbered by the admin form."""
        if self.typed_slug() or not self.date:
            return ""
        slug = slugify(f"{self.date.isoformat()} {self.title_en}")[:80].strip("-")
        return free_slug(slug, self.get_parent(), self) if self.path else slug  # in the tree: numbered
