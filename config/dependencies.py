"""What each change invalidates: the one table from models to the dependency names of cached renderings.

Renderings declare the names they show (knowledge.dependencies.depends_on); this table says which names a
saved, deleted or re-linked row changes. Every mark is made after the transaction commits. The names:

page:<path>        a page's own content; pages below it show it too (breadcrumbs), so they depend on the
                   page:<path> of each ancestor
children:<path>    the live children of the page at that path (lists of a parent)
kind:<model>       any live page of that kind (lists across the tree: home, hubs, dashboards, filters)
reference          agencies, PMQA categories, master-plan sub-plans, Bureaucracy 4.0 goals
tags               tag names
people             names, agencies and groups of users (authors, owners)
topic:<id>         one topic's page: its posts, reactions, case, adoptions
topic-row:<id>     its row in lists: title, status, replies, last post (a reaction changes none of them)
category:<id>      one category's topic list
forum              the exchange's index and lists across categories
forum-access       who may read which category (every forum list, the hubs' and home's forum pieces)
author:<id>        a member's topics awaiting approval (their lists are their own until approved)
exchange:<id>      the cases and topics a project hub shows
exemplary          the endorsed cases the home page and the exchange show
results:<id>       a project's KPI values and reports; results: every dashboard
feedback:<id>      the published stakeholder feedback of project <id> (its hub)
hearings           hearings and their comments (a published edition's summary of its hearing)
priorities         the budget priority rankings (the dashboards show requested vs allocated by rank)
lineage:<id>       which projects of later plans carry on project <id> (its hub's history across plans)
search             the search index (result pages)
sites              the Wagtail sites (which host serves which tree: every page's route)
entry:<key>        the title, address, kind and visibility of one search entry (related-content lists)
"""

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move


def page(instance, **kwargs):
    return page_names(instance)


def page_names(instance):
    parent = instance.path[: -Page.steplen]
    names = [
        f"page:{instance.path}",
        f"children:{parent}",
        f"kind:{instance.specific_class._meta.model_name}",
    ]
    if continues := getattr(instance, "continues_id", None):
        names.append(f"lineage:{continues}")
    return names


def project_before(instance, **kwargs):
    """A project that stops carrying on another leaves that one's history across plans."""
    old = type(instance).objects.filter(pk=instance.pk).values_list("continues_id", flat=True).first()
    return [f"lineage:{old}"] if old and old != instance.continues_id else []


def page_saved(instance, update_fields=None, **kwargs):
    """A live page saved whole outside publishing (a script's add_child or save); Wagtail's own draft
    saves name their fields and change nothing readers see."""
    if isinstance(instance, Page) and instance.live and update_fields is None:
        return page_names(instance)
    return []


def topic(instance, **kwargs):
    names = [
        f"topic:{instance.pk}",
        f"topic-row:{instance.pk}",
        f"category:{instance.category_id}",
        "forum",
        f"author:{instance.author_id}",
        *(f"exchange:{pk}" for pk in instance.project_links.values_list("project_id", flat=True)),
    ]
    if instance.is_case:
        names.append("exemplary")
    return names


def topic_before(instance, **kwargs):
    """A topic moved to another category leaves the old category's list too."""
    old = type(instance).objects.filter(pk=instance.pk).values_list("category_id", flat=True).first()
    return [f"category:{old}"] if old and old != instance.category_id else []


def post(instance, **kwargs):
    return topic(instance.topic)


def reaction(instance, **kwargs):
    """Reaction counts show on the topic's page alone."""
    from forums.models import Post

    return [
        f"topic:{pk}" for pk in Post.objects.filter(pk=instance.post_id).values_list("topic_id", flat=True)
    ]


def case(instance, **kwargs):
    return [*topic(instance.topic), "exemplary"]


def adoption(instance, **kwargs):
    return [f"topic:{instance.case_id}", "exemplary"]


def topic_project(instance, **kwargs):
    return [f"topic:{instance.topic_id}", f"exchange:{instance.project_id}"]


def topic_tag(instance, **kwargs):
    return [f"topic:{instance.content_object_id}", "forum"]


def category(instance, **kwargs):
    return ["forum-access", "forum", f"category:{instance.pk}"]


def category_readers(**kwargs):
    return ["forum-access", "forum"]


def sites(**kwargs):
    return ["sites"]


def view_restriction(instance, **kwargs):
    """A restriction covers the page and everything below it."""
    return [f"page:{instance.page.path}"]


def tags(**kwargs):
    return ["tags"]


def reference(**kwargs):
    return ["reference"]


def person(instance, update_fields=None, **kwargs):
    """A sign-in only stamps last_login: nothing shown changes."""
    return [] if update_fields and set(update_fields) <= {"last_login"} else ["people"]


def people(**kwargs):
    return ["people"]


def indicator(instance, **kwargs):
    return [f"results:{instance.project_id}", "results"]


def indicator_target(instance, **kwargs):
    return indicator(instance.indicator)


def kpi_report(instance, **kwargs):
    return indicator(instance.indicator)


def priorities(**kwargs):
    return ["priorities"]


def hearings(**kwargs):
    return ["hearings"]


def project_feedback(instance, **kwargs):
    return [f"feedback:{instance.project_id}"]


def search_entry(instance, **kwargs):
    return ["search"]


SHOWN_ENTRY_FIELDS = ("title", "url", "kind", "is_public", "is_current")


def search_entry_before(instance, **kwargs):
    """Related-content lists show an entry's title, address and kind: re-indexing a topic after a reply
    changes none of them, so it drops no manual that lists the topic as related."""
    old = type(instance).objects.filter(key=instance.key).values(*SHOWN_ENTRY_FIELDS).first()
    if old and all(old[field] == getattr(instance, field) for field in SHOWN_ENTRY_FIELDS):
        return []
    return [f"entry:{instance.key}"]


def search_entry_removed(instance, **kwargs):
    return ["search", f"entry:{instance.key}"]


SAVED = (post_save, pre_delete)

TABLE = [
    *((signal, None, page) for signal in (page_published, page_unpublished)),
    (pre_delete, "wagtailcore.Page", page),
    (post_save, None, page_saved),
    # Before a move: what listed the page at its old place; after: what lists it at its new one.
    (pre_page_move, None, page),
    (post_page_move, None, page),
    (pre_save, "knowledge.ProjectPage", project_before),
    (pre_save, "forums.Topic", topic_before),
    *((signal, "forums.Topic", topic) for signal in SAVED),
    *((signal, "forums.Post", post) for signal in SAVED),
    *((signal, "forums.Reaction", reaction) for signal in SAVED),
    *((signal, "forums.CaseStudy", case) for signal in SAVED),
    *((signal, "forums.Adoption", adoption) for signal in SAVED),
    *((signal, "forums.TopicProject", topic_project) for signal in SAVED),
    *((signal, "forums.TopicTag", topic_tag) for signal in SAVED),
    *((signal, "forums.Category", category) for signal in SAVED),
    (m2m_changed, "forums.Category.groups", category_readers),
    (m2m_changed, "forums.Category.agencies", category_readers),
    *((signal, "wagtailcore.Site", sites) for signal in (post_save, post_delete)),
    *((signal, "wagtailcore.PageViewRestriction", view_restriction) for signal in SAVED),
    *((signal, "taggit.Tag", tags) for signal in (post_save, post_delete)),
    *(
        (signal, model, reference)
        for model in (
            "knowledge.Agency",
            "knowledge.PMQACategory",
            "knowledge.SubPlan",
            "knowledge.Gov40Goal",
        )
        for signal in (post_save, post_delete)
    ),
    *((signal, settings.AUTH_USER_MODEL, person) for signal in (post_save, post_delete)),
    (m2m_changed, f"{settings.AUTH_USER_MODEL}.groups", people),
    *((signal, "knowledge.Profile", people) for signal in (post_save, post_delete)),
    *((signal, "knowledge.Indicator", indicator) for signal in SAVED),
    *((signal, "knowledge.IndicatorTarget", indicator_target) for signal in SAVED),
    *((signal, "monitoring.KpiReport", kpi_report) for signal in SAVED),
    *((signal, model, priorities) for model in ("priorities.Round", "priorities.Score") for signal in SAVED),
    *(
        (signal, model, hearings)
        for model in ("participation.Hearing", "participation.Comment")
        for signal in SAVED
    ),
    *((signal, "participation.ProjectFeedback", project_feedback) for signal in SAVED),
    (pre_save, "search.SearchEntry", search_entry_before),
    (post_save, "search.SearchEntry", search_entry),
    (pre_delete, "search.SearchEntry", search_entry_removed),
]
