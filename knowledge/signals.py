"""Receivers that keep derived state in step: profiles, communicators' rights, cached users (what cached
renderings depend on is config/dependencies.py)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published

from . import page_cache
from .auth import forget_user
from .models import EditionPage, Profile, ReadReceipt, UpdatesIndexPage
from .personal import read_pages_key
from .roles import grant_communicators
from .tasks import queue_print


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="knowledge.profile_for_user")
def create_profile(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


def forget_saved_user(sender, instance, raw=False, **kwargs):
    forget_user(instance.user_id if isinstance(instance, Profile) else instance.pk)


for model in (settings.AUTH_USER_MODEL, Profile):
    for signal in (post_save, post_delete):
        signal.connect(
            forget_saved_user, sender=model, dispatch_uid=f"knowledge.forget_user.{model}.{id(signal)}"
        )


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="knowledge.forget_user_groups")
def forget_regrouped_users(sender, instance, action, reverse, pk_set, **kwargs):
    """A user joined or left a group, from either side of the relation (a group's members are known only
    before it is cleared)."""
    if not reverse:
        users = [instance.pk] if action in ("post_add", "post_remove", "post_clear") else []
    elif action == "pre_clear":
        users = list(instance.user_set.values_list("pk", flat=True))
    else:
        users = list(pk_set or []) if action in ("post_add", "post_remove") else []
    for user_id in users:
        forget_user(user_id)


@receiver(pre_delete, sender=Group, dispatch_uid="knowledge.forget_group_members")
def forget_group_members(sender, instance, **kwargs):
    for user_id in instance.user_set.values_list("pk", flat=True):
        forget_user(user_id)


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="knowledge.forget_group_permissions")
def forget_regranted_members(sender, instance, action, reverse, **kwargs):
    """Cached users carry their permissions: a group's changing drops its members' copies."""
    if action.startswith("post_") and not reverse:
        forget_group_members(sender, instance)


@receiver(
    m2m_changed, sender=get_user_model().user_permissions.through, dispatch_uid="knowledge.forget_perms"
)
def forget_regranted_user(sender, instance, action, reverse, pk_set, **kwargs):
    if action.startswith("post_"):
        for user_id in (pk_set or []) if reverse else [instance.pk]:
            forget_user(user_id)


@receiver(post_save, sender=UpdatesIndexPage, dispatch_uid="knowledge.updates_for_communicators")
def open_updates_to_communicators(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_communicators(instance)


def forget_read_pages(sender, instance, **kwargs):
    page_cache.forget(read_pages_key(instance.user_id))


for signal in (post_save, post_delete):
    signal.connect(forget_read_pages, sender=ReadReceipt, dispatch_uid=f"knowledge.read_pages.{id(signal)}")


@receiver(page_published, dispatch_uid="knowledge.print_published_edition")
def print_published_edition(sender, instance, **kwargs):
    """A published edition's PDF is printed by the task queue, so the first reader gets it at once."""
    if settings.KNOWLEDGE_PRINT_ON_PUBLISH and isinstance(instance, EditionPage):
        queue_print(instance)
