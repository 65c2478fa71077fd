"""Keep the index in step: every publish, unpublish, move or delete queues an update after commit."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from knowledge.models import Agency, EditionPage, Indicator

from . import analysis
from .models import SearchTerm
from .sources import key_for
from .tasks import rebuild_index, update_entries


def queue(objects):
    keys = sorted({key_for(obj) for obj in objects})
    transaction.on_commit(lambda: update_entries.enqueue(keys))


def page_and_descendants(instance, **kwargs):
    # Pages below carry this page's title and address in their entries (strategy, project, URL), and a
    # new edition changes whether the other editions of its document are current.
    editions = (
        [*type(instance).objects.filter(code=instance.code)] if isinstance(instance, EditionPage) else []
    )
    queue([instance, *Page.objects.descendant_of(instance), *editions])


def object_only(instance, **kwargs):
    queue([instance])


def terms_changed(**kwargs):
    """A new or removed term changes how text is cut into words: re-analyse everything after commit."""
    analysis.terms_changed()
    transaction.on_commit(lambda: rebuild_index.enqueue())


def connect():
    page_published.connect(page_and_descendants, dispatch_uid="search.published")
    post_page_move.connect(page_and_descendants, dispatch_uid="search.moved")
    page_unpublished.connect(object_only, dispatch_uid="search.unpublished")
    post_delete.connect(object_only, sender=Page, dispatch_uid="search.page_deleted")
    post_save.connect(terms_changed, sender=SearchTerm, dispatch_uid="search.term_saved")
    post_delete.connect(terms_changed, sender=SearchTerm, dispatch_uid="search.term_deleted")
    for model in (Agency, Indicator):
        post_save.connect(object_only, sender=model, dispatch_uid=f"search.saved.{model.__name__}")
        post_delete.connect(object_only, sender=model, dispatch_uid=f"search.deleted.{model.__name__}")
