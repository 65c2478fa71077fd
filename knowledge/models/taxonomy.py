"""The plan's reference lists, edited as snippets: agencies, PMQA 4.0 categories, sub-plans, goals."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..i18n import localized


class Agency(index.Indexed, models.Model):
    """An agency of the ministry that carries out projects (สป., สพฐ., สอศ., สกศ.)."""

    code = models.SlugField(_("Code"), unique=True, help_text=_("An ASCII code for links, e.g. obec"))
    name = models.CharField(_("Thai name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    abbreviation = models.CharField(_("Abbreviation"), max_length=32, help_text=_("e.g. สพฐ."))
    abbreviation_en = models.CharField(_("English abbreviation"), max_length=32, blank=True)
    abbreviation_variants = models.CharField(
        _("Other spellings of the abbreviation"),
        max_length=255,
        blank=True,
        help_text=_("Comma-separated, e.g. สพฐ without the dot"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("abbreviation"),
        FieldPanel("abbreviation_en"),
        FieldPanel("abbreviation_variants"),
        FieldPanel("code"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.AutocompleteField("name"),
        index.SearchField("abbreviation"),
        index.SearchField("abbreviation_variants"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Agency")
        verbose_name_plural = _("Agencies")

    def __str__(self):
        return f"{self.name} ({self.abbreviation})"

    def get_absolute_url(self):
        return reverse("knowledge:agency", args=[self.code])

    @property
    def display_name(self):
        return localized(self.name, self.name_en)

    @property
    def display_abbreviation(self):
        return localized(self.abbreviation, self.abbreviation_en)

    @property
    def abbreviations(self):
        """Every written form of the abbreviation: 'สพฐ.', 'สพฐ', 'OBEC', and any listed variant."""
        forms = [self.abbreviation, self.abbreviation_en, *self.abbreviation_variants.split(",")]
        forms += [form.strip().rstrip(".") for form in forms]
        return sorted({form.strip() for form in forms if form.strip()})


class ReferenceItem(models.Model):
    """An entry of one of the plan's reference lists, titled in Thai and optionally in English."""

    title = models.CharField(_("Title"), max_length=255)
    title_en = models.CharField(_("English title"), max_length=255, blank=True)

    reference_kind = ""  # its part of the address: /reference/<kind>/<key>/

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return reverse("knowledge:reference", args=[self.reference_kind, self.reference_key])

    @property
    def display_title(self):
        return localized(self.title, self.title_en)

    @property
    def reference_key(self):
        return str(self.number)

    def carriers(self):
        """The live strategies and projects that serve this item, in plan order."""
        from .plan import StrategyPage
        from .project import ProjectPage

        strategies = StrategyPage.objects.live().order_by("path")
        projects = ProjectPage.objects.live().with_lead_agencies().order_by("path")
        if isinstance(self, Gov40Goal):  # a goal is a strategy's; its projects are those strategies'
            strategies = strategies.filter(goal=self)
            under = models.Q(pk__in=[])
            for strategy in strategies:
                under |= models.Q(path__startswith=strategy.path)
            return strategies, projects.filter(under)
        field = "sub_plans" if isinstance(self, SubPlan) else "pmqa_categories"
        return strategies.filter(**{field: self}), projects.filter(**{field: self})

    @classmethod
    def kinds(cls):
        """{address kind: model} of every reference list."""
        return {model.reference_kind: model for model in cls.__subclasses__()}

    @classmethod
    def find(cls, kind, key):
        model = cls.kinds().get(kind)
        lookup = {"code": key} if model is SubPlan else {"number": key if key.isdigit() else -1}
        return model.objects.filter(**lookup).first() if model else None


class PMQACategory(ReferenceItem):
    """A category of the Public Sector Management Quality Award 4.0 criteria (หมวด 1–7)."""

    number = models.PositiveSmallIntegerField(_("Category number"), unique=True)
    reference_kind = "pmqa"

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("title_en")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("PMQA 4.0 category")
        verbose_name_plural = _("PMQA 4.0 categories")

    def __str__(self):
        return _("Category %(number)s %(title)s") % {"number": self.number, "title": self.display_title}


class SubPlan(ReferenceItem):
    """A sub-plan of National Strategy master plan issue (20), which projects serve."""

    code = models.CharField(_("Code"), max_length=16, unique=True, help_text=_("e.g. 20.1"))
    reference_kind = "sub-plan"

    panels = [FieldPanel("code"), FieldPanel("title"), FieldPanel("title_en")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("Master-plan sub-plan")
        verbose_name_plural = _("Master-plan sub-plans")

    def __str__(self):
        return f"{self.code} {self.display_title}"

    @property
    def reference_key(self):
        return self.code


class Gov40Goal(ReferenceItem):
    """A goal of Bureaucracy 4.0: open & connected, citizen-centric, or smart & high-performing."""

    number = models.PositiveSmallIntegerField(_("Number"), unique=True)
    reference_kind = "goal"

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("title_en")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("Bureaucracy 4.0 goal")
        verbose_name_plural = _("Bureaucracy 4.0 goals")

    def __str__(self):
        return self.display_title
