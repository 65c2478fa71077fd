"""Keep the index in step: every publish, unpublish, move or delete queues an update after commit."""

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from forums.models import CaseStudy, Category, Post, Topic, TopicTag
from knowledge.models import Agency, EditionPage, Gov40Goal, Indicator, PMQACategory, SubPlan

from . import analysis
from .models import SearchSynonym, SearchTerm
from .sources import key_for
from .tasks import rebuild_index, update_entries

_pending = threading.local()


def queue(objects):
    """Re-index these objects once the transaction commits; one task per transaction, however many saves.

    The first flush after commit takes every pending key; the others find nothing left. Keys left by a
    rolled-back transaction go out with the next commit, which costs a re-index and nothing else."""
    if not hasattr(_pending, "keys"):
        _pending.keys = set()
    _pending.keys.update(key_for(obj) for obj in objects)
    transaction.on_commit(flush)


def flush():
    keys, _pending.keys = getattr(_pending, "keys", set()), set()
    if keys:
        update_entries.enqueue(sorted(keys))


def page_and_descendants(instance, **kwargs):
    # Pages below carry this page's title and address in their entries (strategy, project, URL), and a
    # new edition changes whether the other editions of its document are current.
    editions = (
        [*type(instance).objects.filter(code=instance.code)] if isinstance(instance, EditionPage) else []
    )
    queue([instance, *Page.objects.descendant_of(instance), *editions])


def object_only(instance, **kwargs):
    queue([instance])


def topic_and_replies(instance, **kwargs):
    # A reply's entry carries its topic's title, facets and audience.
    queue([instance, *instance.posts.filter(number__gt=1)])


def category_topics(instance, **kwargs):
    """A category's reading rule is in every entry of its topics and replies."""
    category = instance if isinstance(instance, Category) else None
    if category is not None and category.pk:
        topics = list(category.topics.all())
        queue([*topics, *Post.objects.filter(topic__in=topics, number__gt=1)])


def category_access_changed(instance, action, **kwargs):
    if action.startswith("post_"):
        category_topics(instance)


def topic_of_changed(instance, **kwargs):
    """Case fields, tags and project links are part of their topic's entry."""
    if isinstance(instance, CaseStudy):
        instance = instance.topic
    elif isinstance(instance, TopicTag):
        instance = Topic(pk=instance.content_object_id)  # by id: on delete the topic may be gone already
    queue([instance])


def terms_changed(**kwargs):
    """A new or removed term changes how text is cut into words: re-analyse everything after commit."""
    analysis.terms_changed()
    transaction.on_commit(lambda: rebuild_index.enqueue())


def lexicon_changed(**kwargs):
    """Synonyms and agencies' names are read at query time: only the query side must learn them."""
    analysis.terms_changed()


def connect():
    page_published.connect(page_and_descendants, dispatch_uid="search.published")
    post_page_move.connect(page_and_descendants, dispatch_uid="search.moved")
    page_unpublished.connect(object_only, dispatch_uid="search.unpublished")
    post_delete.connect(object_only, sender=Page, dispatch_uid="search.page_deleted")
    post_save.connect(terms_changed, sender=SearchTerm, dispatch_uid="search.term_saved")
    post_delete.connect(terms_changed, sender=SearchTerm, dispatch_uid="search.term_deleted")
    for model in (SearchSynonym, Agency):
        post_save.connect(
            lexicon_changed, sender=model, dispatch_uid=f"search.lexicon_saved.{model.__name__}"
        )
        post_delete.connect(
            lexicon_changed, sender=model, dispatch_uid=f"search.lexicon_gone.{model.__name__}"
        )
    post_save.connect(topic_and_replies, sender=Topic, dispatch_uid="search.topic_saved")
    post_delete.connect(object_only, sender=Topic, dispatch_uid="search.topic_deleted")
    post_save.connect(object_only, sender=Post, dispatch_uid="search.post_saved")
    post_delete.connect(object_only, sender=Post, dispatch_uid="search.post_deleted")
    post_save.connect(topic_of_changed, sender=CaseStudy, dispatch_uid="search.case_saved")
    m2m_changed.connect(topic_of_changed, sender=Topic.projects.through, dispatch_uid="search.topic_projects")
    post_save.connect(topic_of_changed, sender=TopicTag, dispatch_uid="search.topic_tagged")
    post_delete.connect(topic_of_changed, sender=TopicTag, dispatch_uid="search.topic_untagged")
    post_save.connect(category_topics, sender=Category, dispatch_uid="search.category_saved")
    for through in (Category.groups.through, Category.agencies.through):
        m2m_changed.connect(
            category_access_changed, sender=through, dispatch_uid=f"search.access.{through.__name__}"
        )
    for model in (Agency, Indicator, PMQACategory, SubPlan, Gov40Goal):
        post_save.connect(object_only, sender=model, dispatch_uid=f"search.saved.{model.__name__}")
        post_delete.connect(object_only, sender=model, dispatch_uid=f"search.deleted.{model.__name__}")
