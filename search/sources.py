"""How each kind of content becomes a search entry: its text, address, date and facets.

`entries_for(obj)` answers for one object; `all_sources()` lists everything to index. The forum adds its
kinds here when it exists.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.html import strip_tags
from wagtail.models import Page

from knowledge.models import (
    Agency,
    ChapterPage,
    EditionStatus,
    Indicator,
    ManualPage,
    PlanPage,
    ProjectPage,
    StandardPage,
    StrategyPage,
    UpdatePage,
)
from knowledge.textdiff import html_lines, stream_lines
from knowledge.thaidate import be_year

from .models import Kind


@dataclass
class Document:
    """An entry before it is analysed and stored."""

    key: str
    kind: str
    title: str
    text: str
    url: str
    date: object = None
    facets: list = field(default_factory=list)  # (name, value, label)
    current: bool = True  # False for a superseded edition


def key_for(obj):
    """'page:12' for any page (whatever its class), 'knowledge.agency:3' for other objects."""
    label = "page" if isinstance(obj, Page) else obj._meta.label_lower
    return f"{label}:{obj.pk}"


def object_for(key):
    """The object a key names, or None when it is gone."""
    label, pk = key.rsplit(":", 1)
    model = Page if label == "page" else apps.get_model(label)
    return model.objects.filter(pk=pk).first()


def plan_facets(projects):
    """Strategy, project and agency facets of the projects something belongs to."""
    facets = []
    for project in projects:
        strategy = project.get_parent().specific
        facets += [("strategy", strategy.code, strategy.title), ("project", project.code, project.title)]
        facets += [
            ("agency", role.agency.code, role.agency.abbreviation)
            for role in project.project_agencies.select_related("agency")
        ]
    return facets


def page_facets(page, projects=(), years=()):
    facets = [("tag", tag.slug, tag.name) for tag in page.tags.all()]
    return facets + plan_facets(projects) + [("year", str(year), str(year)) for year in years]


def own_facets(page):
    """A strategy is found under its own strategy facet."""
    return [("strategy", page.code, page.title)] if isinstance(page, StrategyPage) else []


def year_of(day):
    return [be_year(day.year)] if day else []


def page_document(page):
    """The entry of a live page, or None for page types search does not show."""
    kind, text, projects, day, years = None, "", [], None, []
    if isinstance(page, PlanPage):
        kind, text = Kind.PLAN, lines(page.subtitle, page.summary, *stream_lines(page.body))
    elif isinstance(page, ChapterPage):
        kind, text = Kind.CHAPTER, lines(page.summary, *stream_lines(page.body))
    elif isinstance(page, StrategyPage):
        kind, text = Kind.STRATEGY, lines(page.code, page.summary, *stream_lines(page.body))
    elif isinstance(page, ProjectPage):
        kind, projects, years = Kind.PROJECT, [page], page.fiscal_years
        text = lines(page.code, page.summary, page.responsible_unit, *stream_lines(page.body))
    elif isinstance(page, ManualPage):
        kind, projects, day = Kind.MANUAL, [page.get_parent().specific], page.effective_date
        text = lines(page.summary, page.change_note, *stream_lines(page.body))
    elif isinstance(page, StandardPage):
        kind, day = Kind.STANDARD, page.effective_date
        projects = [page.get_parent().specific, *page.projects.live()]
        text = lines(page.standard_number, page.summary, *html_lines(page.scope), *stream_lines(page.clauses))
    elif isinstance(page, UpdatePage):
        kind, day, projects = Kind.UPDATE, page.date, list(page.projects.live())
        text = lines(page.summary, *stream_lines(page.body))
    if kind is None:
        return None
    day = day or (page.last_published_at.date() if page.last_published_at else None)
    return Document(
        key=key_for(page),
        kind=kind,
        title=page.title,
        text=text,
        url=page.url,
        date=day,
        facets=[("kind", kind, kind), *own_facets(page), *page_facets(page, projects, years or year_of(day))],
        current=getattr(page, "status", None) != EditionStatus.SUPERSEDED,
    )


def agency_document(agency):
    text = lines(agency.name, agency.name_en, *agency.abbreviations)
    return Document(
        key=key_for(agency),
        kind=Kind.AGENCY,
        title=agency.name,
        text=text,
        url=agency.get_absolute_url(),
        facets=[("kind", Kind.AGENCY, Kind.AGENCY), ("agency", agency.code, agency.abbreviation)],
    )


def indicator_document(indicator):
    project = indicator.project
    if not project.live:
        return None
    return Document(
        key=key_for(indicator),
        kind=Kind.KPI,
        title=indicator.name,
        text=lines(indicator.code, indicator.name_en, indicator.unit, project.title),
        url=f"{project.url}#kpis",
        facets=[("kind", Kind.KPI, Kind.KPI), *plan_facets([project])],
    )


def lines(*parts):
    return "\n".join(strip_tags(str(part)) for part in parts if part)


def document_for(obj):
    """The entry for one object as it is now, or None when it should not be found."""
    if isinstance(obj, Page):
        page = obj.specific
        return page_document(page) if page.live else None
    if isinstance(obj, Agency):
        return agency_document(obj)
    if isinstance(obj, Indicator):
        return indicator_document(obj)
    return None


def all_objects():
    """Everything search may show, for a full rebuild."""
    yield from (
        Page.objects.live()
        .type(PlanPage, ChapterPage, StrategyPage, ProjectPage, ManualPage, StandardPage, UpdatePage)
        .specific()
    )
    yield from Agency.objects.all()
    yield from Indicator.objects.select_related("project")
