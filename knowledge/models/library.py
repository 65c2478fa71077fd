"""Manuals and standards: official documents with numbered editions under each project.

Every edition is a page of its own, so a superseded edition stays readable at its own address. The
editions of one document share a `code`; the live edition with the highest number is in force.
"""

import operator
from functools import reduce
from itertools import groupby

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager, PagePermissionTester
from wagtail.query import PageQuerySet
from wagtail.search import index

from .. import dependencies
from ..blocks import ClauseBlock, ManualBlock
from ..pdf import render_pdf
from ..roles import moderates
from ..sections import split_sections
from ..textdiff import block_lines, diff_lines, html_lines, stream_lines
from .base import BasePage

PDF_RETRY_SECONDS = 10  # how soon a reader waiting for a PDF being printed asks again


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_FORCE = "in_force", _("In force")
    SUPERSEDED = "superseded", _("Superseded")


class EditionPermissionTester(PagePermissionTester):
    """Nobody publishes an edition directly: it goes live when the approval workflow approves it."""

    def can_publish(self):
        return False


class EditionQuerySet(PageQuerySet):
    def with_superseded(self):
        """Annotate `is_superseded`: a live edition of the same document with a higher number exists."""
        newer = self.model.objects.live().filter(code=OuterRef("code"), edition__gt=OuterRef("edition"))
        return self.annotate(is_superseded=Exists(newer))

    def current(self):
        """The edition in force of each document."""
        return self.live().with_superseded().filter(is_superseded=False).order_by("title")

    def under(self, pages):
        """Editions filed under any of these pages (e.g. an agency's projects)."""
        paths = [page.path for page in pages]
        return self.filter(reduce(operator.or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[])))


class EditionPage(RoutablePageMixin, BasePage):
    """What manuals and standards share: edition number, dates, owner and the edition lifecycle."""

    code = models.SlugField(
        _("Document code"),
        max_length=40,
        allow_unicode=False,
        help_text=_("Shared by every edition of the document, in Latin letters, e.g. clinic-manual"),
    )
    edition = models.PositiveSmallIntegerField(_("Edition"), default=1)
    effective_date = models.DateField(_("Effective date"), null=True, blank=True)
    review_due = models.DateField(_("Review due"), null=True, blank=True)
    owner_unit = models.CharField(_("Owner unit"), max_length=255, blank=True)
    owner_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Owner (contact person)"),
    )
    change_note = models.TextField(
        _("What changed in this edition"), blank=True, help_text=_("Shown to readers beside the edition")
    )

    objects = PageManager.from_queryset(EditionQuerySet)()

    edition_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("edition")]),
                FieldRowPanel([FieldPanel("effective_date"), FieldPanel("review_due")]),
                FieldRowPanel([FieldPanel("owner_unit"), FieldPanel("owner_contact")]),
                FieldPanel("change_note"),
            ],
            heading=_("Edition"),
        )
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("code"), index.FilterField("edition")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        twins = type(self).objects.filter(code=self.code, edition=self.edition).exclude(pk=self.pk)
        if twins.exists():
            raise ValidationError({"edition": _("This document already has an edition with this number.")})

    def default_slug(self):
        return slugify(f"{self.code}-e{self.edition}") if self.code else ""

    def permissions_for_user(self, user):
        return EditionPermissionTester(user, self)

    @cached_property
    def editions(self):
        """Every live edition of this document, newest first."""
        return list(type(self).objects.live().filter(code=self.code).order_by("-edition"))

    @property
    def current_edition(self):
        return self.editions[0] if self.editions else None

    @property
    def status(self):
        if not self.live:
            return EditionStatus.DRAFT
        superseded = getattr(self, "is_superseded", None)  # annotated by with_superseded() in lists
        if superseded is None:
            superseded = self.current_edition.edition > self.edition
        return EditionStatus.SUPERSEDED if superseded else EditionStatus.IN_FORCE

    def get_status_display(self):
        return EditionStatus(self.status).label

    @property
    def superseded_by(self):
        """The next live edition after this one, if any."""
        newer = [page for page in self.editions if page.edition > self.edition]
        return newer[-1] if newer else None

    @property
    def previous_edition(self):
        return next((page for page in self.editions if page.edition < self.edition), None)

    @property
    def review_overdue(self):
        return bool(self.review_due and self.review_due < timezone.localdate())

    def dependencies(self):
        """Also every edition of the document, the owner's name and whether the PDF is ready."""
        return [*super().dependencies(), f"kind:{self._meta.model_name}", "people", f"pdf:{self.pk}"]

    def get_context(self, request, *args, **kwargs):
        return {**super().get_context(request, *args, **kwargs), "pdf_ready": self.pdf_ready()}

    @path("")
    def index_route(self, request):
        return self.serve_shared(request, self.get_template(request), {})

    def can_follow_readers(self, user):
        """The owner, moderators and administrators see who has read the edition and what they said."""
        return user.pk == self.owner_contact_id or moderates(user)

    @path("readers/")
    def readers(self, request):
        """Who has read this edition, by agency (404 for anyone but the owner and moderators)."""
        if not (request.user.is_authenticated and self.can_follow_readers(request.user)):
            raise Http404
        receipts = self.read_receipts.select_related("user__profile__agency").order_by(
            "user__profile__agency__name", "user__first_name"
        )
        by_agency = [
            (agency, list(group))
            for agency, group in groupby(receipts, key=lambda receipt: receipt.user.profile.agency)
        ]
        feedback = self.feedback.select_related("user")
        context = {"by_agency": by_agency, "reader_count": len(receipts), "feedback": feedback}
        return self.render(request, context_overrides=context, template="knowledge/edition_readers.html")

    def pdf_name(self):
        return f"pdf/{self.code}-e{self.edition}-r{self.live_revision_id}.pdf"

    def pdf_ready(self):
        return default_storage.exists(self.pdf_name())

    def print_pdf(self):
        """Print the edition (its live revision) to a PDF kept in storage; pages showing whether it is
        ready are told (config: the "pdf:<id>" dependency)."""
        if self.pdf_ready():
            return
        data = render_pdf(f"knowledge/pdf/{self._meta.model_name}.html", {"page": self})
        default_storage.save(self.pdf_name(), ContentFile(data))
        dependencies.changed(f"pdf:{self.pk}")

    @path("pdf/")
    def pdf(self, request):
        """The whole edition as a PDF, printed by the task queue once per published revision (when it is
        published, or here when it is missing) and kept in storage."""
        from ..tasks import queue_print

        if not self.pdf_ready():
            queue_print(self)  # a worker prints it; the immediate backend (tests, no worker) prints it now
        if not self.pdf_ready():
            context = {"retry_seconds": PDF_RETRY_SECONDS}
            response = self.render(
                request, context_overrides=context, template="knowledge/pdf_preparing.html"
            )
            response.status_code, response["Retry-After"] = 503, str(PDF_RETRY_SECONDS)
            return response
        return FileResponse(
            default_storage.open(self.pdf_name()), filename=f"{self.code}-e{self.edition}.pdf"
        )

    @path("current/")
    def current(self, request):
        """A stable address that always shows the edition in force."""
        return redirect(self.current_edition.url if self.current_edition else self.url)

    @path("changes/")
    def changes(self, request):
        """What changed since another edition (the previous one unless ?from=<edition> says)."""
        others = {page.edition: page for page in self.editions if page.pk != self.pk}
        try:
            base = others[int(request.GET["from"])]
        except (KeyError, ValueError):
            base = self.previous_edition
        rows = diff_lines(base.text_lines(), self.text_lines()) if base else []
        context = {
            "base": base,
            "rows": rows,
            "other_editions": sorted(others.values(), key=lambda p: p.edition),
        }
        return self.render(request, context_overrides=context, template="knowledge/edition_changes.html")

    def text_lines(self):
        """The edition's text as lines, for comparing editions."""
        raise NotImplementedError


class ManualPage(EditionPage):
    """A project's manual (คู่มือ): one page per edition, its main headings forming the chapters."""

    body = StreamField(ManualBlock(), verbose_name=_("Text"))

    parent_page_types = ["knowledge.ProjectPage"]
    subpage_types = []

    content_panels = [*BasePage.content_panels, *EditionPage.edition_panels, FieldPanel("body")]
    search_fields = [*EditionPage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("Manual")

    @cached_property
    def sections(self):
        """The body cut at its main headings: section 0 holds any text before the first one."""
        return split_sections(self.body)

    def text_lines(self):
        return stream_lines(self.body)

    @path("section/<int:number>/")
    def section(self, request, number):
        """One section on its own, with links to the previous and next ones."""
        numbered = [section for section in self.sections if section.number]
        current = next((section for section in numbered if section.number == number), None)
        if current is None:
            raise Http404
        index = numbered.index(current)
        context = {
            "section": current,
            "previous_section": numbered[index - 1] if index else None,
            "next_section": numbered[index + 1] if index + 1 < len(numbered) else None,
        }
        return self.serve_shared(request, "knowledge/manual_section.html", context)


class StandardPage(EditionPage):
    """A standard guideline (แนวทางมาตรฐาน): a scope and numbered requirement clauses."""

    standard_number = models.CharField(
        _("Standard number"), max_length=40, help_text=_("As printed on the document, e.g. มฐ.สพฐ.-01")
    )
    scope = RichTextField(_("Scope"), features=["bold", "italic", "link", "ol", "ul"])
    clauses = StreamField([("clause", ClauseBlock())], verbose_name=_("Requirements"))
    projects = ParentalManyToManyField(
        "knowledge.ProjectPage", blank=True, related_name="linked_standards", verbose_name=_("Other projects")
    )
    pmqa_categories = ParentalManyToManyField(
        "knowledge.PMQACategory", blank=True, verbose_name=_("PMQA 4.0 categories")
    )

    parent_page_types = ["knowledge.ProjectPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("standard_number"),
        *EditionPage.edition_panels,
        FieldPanel("scope"),
        FieldPanel("clauses"),
        FieldPanel("projects"),
        FieldPanel("pmqa_categories"),
    ]
    search_fields = [
        *EditionPage.search_fields,
        index.SearchField("standard_number"),
        index.SearchField("scope"),
        index.SearchField("clauses"),
    ]

    class Meta:
        verbose_name = _("Standard")

    def text_lines(self):
        clauses = [
            f"{number}. {line}"
            for number, clause in enumerate(self.clauses, start=1)
            for line in block_lines(clause.block, clause.value)
        ]
        return [*html_lines(self.scope), *clauses]
