"""The plan's reference lists, edited as snippets: agencies, PMQA 4.0 categories, sub-plans, goals."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..i18n import localized


class Agency(index.Indexed, models.Model):
    """An agency of the ministry that carries out projects (สป., สพฐ., สอศ., สกศ.)."""

    code = models.SlugField(_("รหัส"), unique=True, help_text=_("รหัสภาษาอังกฤษสำหรับลิงก์ เช่น obec"))
    name = models.CharField(_("ชื่อภาษาไทย"), max_length=255)
    name_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=255, blank=True)
    abbreviation = models.CharField(_("อักษรย่อ"), max_length=32, help_text=_("เช่น สพฐ."))
    abbreviation_en = models.CharField(_("อักษรย่อภาษาอังกฤษ"), max_length=32, blank=True)
    abbreviation_variants = models.CharField(
        _("รูปแบบอื่นของอักษรย่อ"),
        max_length=255,
        blank=True,
        help_text=_("คั่นด้วยจุลภาค เช่น สพฐ ที่ไม่มีจุด"),
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
        verbose_name = _("หน่วยงาน")
        verbose_name_plural = _("หน่วยงาน")

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


class PMQACategory(models.Model):
    """A category of the Public Sector Management Quality Award 4.0 criteria (หมวด 1–7)."""

    number = models.PositiveSmallIntegerField(_("หมวดที่"), unique=True)
    title = models.CharField(_("ชื่อหมวด"), max_length=255)
    title_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=255, blank=True)

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("title_en")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("หมวดเกณฑ์ PMQA 4.0")
        verbose_name_plural = _("หมวดเกณฑ์ PMQA 4.0")

    def __str__(self):
        return f"{_('หมวด')} {self.number} {self.display_title}"

    @property
    def display_title(self):
        return localized(self.title, self.title_en)


class SubPlan(models.Model):
    """A sub-plan of National Strategy master plan issue (20), which projects serve."""

    code = models.CharField(_("รหัส"), max_length=16, unique=True, help_text=_("เช่น 20.1"))
    title = models.CharField(_("ชื่อแผนย่อย"), max_length=255)
    title_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=255, blank=True)

    panels = [FieldPanel("code"), FieldPanel("title"), FieldPanel("title_en")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("แผนย่อยของแผนแม่บท")
        verbose_name_plural = _("แผนย่อยของแผนแม่บท")

    def __str__(self):
        return f"{self.code} {self.display_title}"

    @property
    def display_title(self):
        return localized(self.title, self.title_en)


class Gov40Goal(models.Model):
    """One of the three goals of Bureaucracy 4.0 (open & connected, citizen-centric, smart & high performance)."""

    number = models.PositiveSmallIntegerField(_("ลำดับ"), unique=True)
    title = models.CharField(_("ชื่อเป้าหมาย"), max_length=255)
    title_en = models.CharField(_("ชื่อภาษาอังกฤษ"), max_length=255, blank=True)

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("title_en")]

    class Meta:
        ordering = ["number"]
        verbose_name = _("เป้าหมายระบบราชการ 4.0")
        verbose_name_plural = _("เป้าหมายระบบราชการ 4.0")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return localized(self.title, self.title_en)
