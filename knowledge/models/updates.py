"""Plan updates that communicators write and moderators approve."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import BodyBlock
from ..forms import free_slug
from .base import BasePage


class UpdatesIndexPage(BasePage):
    """The list of plan updates, newest first, with its feed."""

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["knowledge.UpdatePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Plan updates index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        updates = UpdatePage.objects.live().child_of(self).order_by("-date", "-pk")
        context["updates"] = Paginator(updates, 10).get_page(request.GET.get("page"))
        return context


class UpdatePage(BasePage):
    """A plan update: news of progress, linked to the projects it reports on."""

    date = models.DateField(_("Date"), default=timezone.localdate)
    body = StreamField(BodyBlock(), verbose_name=_("Body"))
    projects = ParentalManyToManyField(
        "knowledge.ProjectPage", blank=True, related_name="updates", verbose_name=_("Related projects")
    )

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
