"""The search index: one entry per thing a user may find, with the facets it can be narrowed by."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PLAN = "plan", _("Strategic plan")
    CHAPTER = "chapter", _("Plan chapter")
    STRATEGY = "strategy", _("Strategy")
    PROJECT = "project", _("Project")
    AGENCY = "agency", _("Agency")
    REFERENCE = "reference", _("Plan reference")
    KPI = "kpi", _("KPI")
    MANUAL = "manual", _("Manual")
    STANDARD = "standard", _("Standard")
    UPDATE = "update", _("Plan update")
    TOPIC = "topic", _("Discussion")
    CASE = "case", _("Best-practice case")
    QUESTION = "question", _("Clinic question")
    REPLY = "reply", _("Reply")


class SearchEntry(models.Model):
    """What search knows of one object: its text as written, the same text analysed, and where it belongs."""

    key = models.CharField(max_length=80, unique=True, help_text="<app>.<model>:<pk>")
    kind = models.CharField(max_length=16, choices=Kind.choices, db_index=True)
    title = models.CharField(max_length=500)
    text = models.TextField(blank=True)
    title_words = models.TextField(blank=True)
    text_words = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True, db_index=True)
    is_current = models.BooleanField(default=True, help_text="False for superseded editions")
    # Who may see it: everyone, or only members of these groups (restricted forum categories).
    is_public = models.BooleanField(default=True, db_index=True)
    group_ids = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("Search entry")
        indexes = [
            # Restricted entries are few: a member's search reads them, never the rest.
            models.Index(fields=["id"], condition=models.Q(is_public=False), name="search_entry_restricted"),
            # Ranking reads these of every match: from the index, not from rows heavy with text.
            models.Index(fields=["id", "is_public", "kind", "date"], name="search_entry_ranking"),
        ]
        verbose_name_plural = _("Search entries")

    def __str__(self):
        return f"{self.kind}: {self.title}"


class SearchFacet(models.Model):
    """One value an entry can be narrowed by: its strategy, project, agency, tag or year."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(max_length=16)  # strategy, project, agency, tag, year
    value = models.CharField(max_length=120)
    label = models.CharField(max_length=500)

    class Meta:
        indexes = [models.Index(fields=["name", "value"])]

    def __str__(self):
        return f"{self.name}={self.value}"


class SearchTerm(models.Model):
    """A word the Thai segmenter must keep whole: an abbreviation or programme name of the ministry."""

    term = models.CharField(_("Term"), max_length=100, unique=True)
    note = models.CharField(_("Note"), max_length=255, blank=True, help_text=_("What the term means"))

    class Meta:
        ordering = ["term"]
        verbose_name = _("Search term")
        verbose_name_plural = _("Search terms")

    def __str__(self):
        return self.term


class SearchSynonym(models.Model):
    """Words that mean the same to the ministry's staff: other spellings, synonyms, abbreviations and
    English names. A query with one of them finds every one (search.understanding)."""

    terms = models.CharField(
        _("Terms"),
        max_length=500,
        unique=True,
        help_text=_("Comma-separated, e.g. ดิจิทัล, ดิจิตอล, digital"),
    )
    note = models.CharField(_("Note"), max_length=255, blank=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("Search synonym")
        verbose_name_plural = _("Search synonyms")

    def __str__(self):
        return self.terms

    @property
    def words(self):
        return [term.strip() for term in self.terms.split(",") if term.strip()]


class SearchWord(models.Model):
    """A word the index holds, with its spelling skeleton (search.spelling): a typed word that matches
    nothing is corrected to a word of the index whose skeleton is the same."""

    word = models.CharField(max_length=100, unique=True)
    skeleton = models.CharField(max_length=100, db_index=True)

    def __str__(self):
        return self.word
