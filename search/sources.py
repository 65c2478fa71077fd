"""How each kind of content becomes a search entry: its text, address, date and facets.

`document_for(obj)` answers for one object; `all_objects()` lists everything to index. Forum entries carry
their category's audience (forums.access), so search applies the forum's reading rule.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.html import strip_tags
from wagtail.models import Page

from forums.models import Post, PostStatus, Topic, TopicStatus
from knowledge.models import (
    Agency,
    AgencyRole,
    ChapterPage,
    EditionStatus,
    Gov40Goal,
    Indicator,
    ManualPage,
    PlanPage,
    PMQACategory,
    ProjectPage,
    StandardPage,
    StrategyPage,
    SubPlan,
    UpdatePage,
)
from knowledge.models.taxonomy import ReferenceItem
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
    own_title: bool = True  # False for a reply, shown under its topic's title: it is found by its own words
    audience: list | None = None  # None: everyone may see it; else the tokens of forums.access


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
        facets += [
            plan_facet(strategy.get_parent()),
            ("strategy", strategy.code, strategy.title),
            ("project", project.code, project.title),
        ]
        for role in project.project_agencies.select_related("agency"):
            facets.append(("agency", role.agency.code, role.agency.abbreviation))
            if role.role == AgencyRole.LEAD:  # not shown as a facet; ranks the lead above partners
                facets.append(("lead", role.agency.code, role.agency.abbreviation))
    return facets


def page_facets(page, projects=(), years=()):
    facets = [("tag", tag.slug, tag.name) for tag in page.tags.all()]
    return facets + plan_facets(projects) + [("year", str(year), str(year)) for year in years]


def plan_facet(plan):
    return ("plan", plan.slug, plan.title)


def own_facets(page):
    """A plan, its chapters and strategies are found under their plan's facet; a strategy under its own
    strategy facet too."""
    if isinstance(page, PlanPage):
        return [plan_facet(page)]
    if isinstance(page, ChapterPage):
        return [plan_facet(page.get_parent())]
    if isinstance(page, StrategyPage):
        return [plan_facet(page.get_parent()), ("strategy", page.code, page.title)]
    return []


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
    """A KPI, found by what staff call it (ตัวชี้วัด, KPI), its project and strategy, the agencies of
    its project (added at indexing) and the fiscal years it has targets for."""
    project = indicator.project
    if not project.live:
        return None
    years = sorted({target.fiscal_year for target in indicator.targets.all()})
    strategy = project.get_parent().specific
    return Document(
        key=key_for(indicator),
        kind=Kind.KPI,
        title=indicator.name,
        text=lines(
            f"ตัวชี้วัด KPI {indicator.code}",
            indicator.name_en,
            indicator.unit,
            project.title,
            strategy.title,
            " ".join(str(year) for year in years),
        ),
        url=f"{project.url}#kpis",
        facets=[
            ("kind", Kind.KPI, Kind.KPI),
            *plan_facets([project]),
            *(("year", str(year), str(year)) for year in years),
        ],
    )


def reference_document(item):
    """A PMQA 4.0 category, master-plan sub-plan or Bureaucracy 4.0 goal, under the names staff use for
    it in Thai and English, found with the strategies and projects that carry it (knowledge.views)."""
    names = {
        "pmqa": (f"PMQA 4.0 หมวด {item.reference_key} {item.title}", f"category {item.reference_key} pmqa"),
        "sub-plan": (f"แผนย่อย {item.reference_key} {item.title}", "แผนแม่บท master plan sub-plan"),
        "goal": (item.title, "เป้าหมาย ระบบราชการ 4.0 bureaucracy 4.0 goal"),
    }
    title, aliases = names[item.reference_kind]
    strategies, projects = item.carriers()
    return Document(
        key=key_for(item),
        kind=Kind.REFERENCE,
        title=title,
        text=lines(item.title_en, aliases, *(project.title for project in projects)),
        url=item.get_absolute_url(),
        facets=[
            ("kind", Kind.REFERENCE, Kind.REFERENCE),
            *(("strategy", strategy.code, strategy.title) for strategy in strategies),
            *(("project", project.code, project.title) for project in projects),
        ],
    )


def topic_facets(topic):
    """What a topic and its replies are found under: kind is added by the caller."""
    projects = [project for project in topic.projects.all() if project.live]
    facets = plan_facets(projects) + [("tag", tag.slug, tag.name) for tag in topic.tags.all()]
    case = getattr(topic, "case", None) if topic.is_case else None
    if case and case.agency:
        facets.append(("agency", case.agency.code, case.agency.abbreviation))
    return facets + [("year", str(year), str(year)) for year in year_of(topic.created_at.date())]


def topic_document(topic):
    """A discussion, case or clinic question: its title, opening post and the case's fields."""
    opening = topic.posts.filter(number=1).first()
    if topic.status != TopicStatus.PUBLISHED or opening is None:
        return None
    case = topic.case if topic.is_case else None
    parts = (
        [opening.body, *(getattr(case, name) for name in case.MARKDOWN_FIELDS)] if case else [opening.body]
    )
    return Document(
        key=key_for(topic),
        kind=topic.kind,
        title=topic.title,
        text=lines(*parts, case.contact if case else ""),
        url=topic.get_absolute_url(),
        date=topic.created_at.date(),
        facets=[("kind", topic.kind, topic.kind), *topic_facets(topic)],
        audience=topic.category.audience(),
    )


def reply_document(post):
    topic = post.topic
    if post.number == 1 or post.status != PostStatus.PUBLISHED or topic.status != TopicStatus.PUBLISHED:
        return None
    return Document(
        key=key_for(post),
        kind=Kind.REPLY,
        title=topic.title,
        own_title=False,
        text=lines(post.body),
        url=post.get_absolute_url(),
        date=post.created_at.date(),
        facets=[("kind", Kind.REPLY, Kind.REPLY), *topic_facets(topic)],
        audience=topic.category.audience(),
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
    if isinstance(obj, ReferenceItem):
        return reference_document(obj)
    if isinstance(obj, Topic):
        return topic_document(obj)
    if isinstance(obj, Post):
        return reply_document(obj)
    return None


def all_objects():
    """Everything search may show, for a full rebuild."""
    yield from (
        Page.objects.live()
        .type(PlanPage, ChapterPage, StrategyPage, ProjectPage, ManualPage, StandardPage, UpdatePage)
        .specific()
    )
    yield from Agency.objects.all()
    for model in (PMQACategory, SubPlan, Gov40Goal):
        yield from model.objects.all()
    yield from Indicator.objects.select_related("project").prefetch_related("targets")
    yield from Topic.objects.filter(status=TopicStatus.PUBLISHED).select_related("category", "case__agency")
    yield from Post.objects.filter(number__gt=1, status=PostStatus.PUBLISHED).select_related(
        "topic__category"
    )
