"""Receivers that keep derived state in step: profiles, communicators' rights, the page cache."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache
from .models import (
    Agency,
    Gov40Goal,
    Indicator,
    IndicatorTarget,
    PMQACategory,
    Profile,
    SubPlan,
    UpdatesIndexPage,
)
from .roles import grant_communicators


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="knowledge.profile_for_user")
def create_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


@receiver(post_save, sender=UpdatesIndexPage, dispatch_uid="knowledge.updates_for_communicators")
def open_updates_to_communicators(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_communicators(instance)


def connect_page_cache_clearing():
    """Any change to what public pages show empties the anonymous page cache."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_cache.clear_on_change, dispatch_uid=f"page_cache.{id(signal)}")
    post_delete.connect(page_cache.clear_on_change, sender=Page, dispatch_uid="page_cache.page_delete")
    for model in (Agency, PMQACategory, SubPlan, Gov40Goal, Indicator, IndicatorTarget):
        for signal in (post_save, post_delete):
            signal.connect(
                page_cache.clear_on_change, sender=model, dispatch_uid=f"page_cache.{model}.{id(signal)}"
            )


connect_page_cache_clearing()
