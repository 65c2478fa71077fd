"""The page every page of the site builds on, and the tags they share."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from .. import dependencies, personal
from ..forms import DerivedSlugPageForm
from ..i18n import localized

SHARED_SECONDS = 600  # a bound on memory: renderings are dropped as soon as what they show changes


def tree_names(path):
    """The dependency names of the page at `path` and of its ancestors below the root: each shows in the
    page's address and breadcrumbs (config/dependencies.py)."""
    return [f"page:{path[:end]}" for end in range(2 * Page.steplen, len(path) + 1, Page.steplen)]


def route_below(root, components, request):
    """The route to the deepest page below `root` that the path's components lead to, with what remains
    of the path handed to its own route() (a routable page's sub-route): one query instead of one per
    tree level. None when no page below the root matches."""
    prefixes = [f"{root.url_path}{'/'.join(components[:n])}/" for n in range(len(components), 0, -1)]
    page = Page.objects.filter(url_path__in=prefixes).order_by("-depth").specific().first()
    if page is None:
        return None
    return page.route(request, components[page.depth - root.depth :])


class PageTag(TaggedItemBase):
    """A tag on any page of the site."""

    content_object = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="tagged_items")


class BasePage(Page):
    """Every page: an optional English title, a one-paragraph summary and tags."""

    title_en = models.CharField(
        _("English name"), max_length=255, blank=True, help_text=_("Shown when the reader chooses English")
    )
    summary = models.TextField(
        _("Summary"), blank=True, help_text=_("One paragraph, used in lists, search results and feeds")
    )
    tags = ClusterTaggableManager(through=PageTag, blank=True, verbose_name=_("Tags"))

    base_form_class = DerivedSlugPageForm

    # Plan pages take their slug from a stable id field (e.g. "s1-p2"), never from the Thai title:
    # Django's slugify strips Thai vowel and tone marks.
    slug_source = None
    # Pages whose derived slug may repeat among siblings (two updates of one day) get -2, -3… in the admin.
    numbered_slugs = False
    # Kinds of page (model names) listed anywhere on this page, beyond its own children.
    listed_kinds = ()

    content_panels = [*Page.content_panels, FieldPanel("title_en"), FieldPanel("summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("tags")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("title_en"),
        index.SearchField("summary"),
        index.FilterField("live"),
    ]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        if request.method != "GET":
            return super().serve(request, *args, **kwargs)
        return self.serve_shared(request, self.get_template(request), {})

    def serve_shared(self, request, template, extra_context):
        """The page rendered once for everyone who sees the same (its address, language and audience)
        and filled in with each reader's own bits (knowledge.personal): signed-in readers get it at the
        speed of a cached page, and it is made again only when something it shows changes."""
        request.is_preview = False
        viewer = personal.viewer_for(request, page=self)
        parts = [self.pk, request.get_full_path(), *viewer.audience()]

        def context():
            return {**self.get_context(request), **extra_context}

        names = self.dependencies()
        return personal.shared_response(request, viewer, parts, template, context, names, SHARED_SECONDS)

    def get_view_restrictions(self):
        """Asked on every view of a page (Wagtail's check): read until the page or an ancestor changes
        (a restriction saved marks its page, config/dependencies.py)."""

        def restrictions():
            return list(super(BasePage, self).get_view_restrictions())

        key = f"view-restrictions:{self.path}"
        return dependencies.cached(key, restrictions, SHARED_SECONDS, tree_names(self.path))

    def dependencies(self):
        """What the page shows: itself and its ancestors (the breadcrumbs), its children, the reference
        lists and tag names, and the kinds of page it lists (config/dependencies.py)."""
        return [
            *tree_names(self.path),
            f"children:{self.path}",
            "reference",
            "tags",
            *(f"kind:{kind}" for kind in self.listed_kinds),
        ]

    @property
    def display_title(self):
        return localized(self.title, self.title_en)

    def default_slug(self):
        """An ASCII slug from the stable id, or "" to keep what the editor typed."""
        return slugify(getattr(self, self.slug_source)) if self.slug_source else ""

    def typed_slug(self):
        """The slug an editor chose, or "" when there is none: empty, not ASCII, or only what Wagtail's
        slugify made of a Thai title (it drops every Thai letter: "ประกาศ 1/2566" became "-12566")."""
        slug = self.slug or ""
        made_from_title = not self.title.isascii() and slug.strip("-") == slugify(self.title).strip("-")
        return "" if not slug.isascii() or made_from_title else slug

    def _set_core_field_defaults(self):
        # Wagtail fills missing slugs from the title here (before both full and minimal clean).
        if self.default_slug():
            self.slug = self.default_slug()
        super()._set_core_field_defaults()
