from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    """The best-practice exchange: categories, topics, cases and the consultation clinic."""

    name = "forums"
    verbose_name = _("Best-practice exchange")
    demo_loader = "forums.demo.loader.ForumDemoLoader"  # run by `manage.py load_demo`

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from knowledge import page_cache

        from . import models, notifications

        # Anonymous pages show forum content (lists, the project hub, the home page): any change empties
        # the page cache. Per-person rows (notifications, bookmarks, watches) are never in cached pages.
        shown = [
            models.Category,
            models.Topic,
            models.Post,
            models.CaseStudy,
            models.Adoption,
            models.Reaction,
        ]
        for model in shown:
            post_save.connect(
                page_cache.clear_on_change, sender=model, dispatch_uid=f"forums.cache.{model.__name__}"
            )
            post_delete.connect(
                page_cache.clear_on_change, sender=model, dispatch_uid=f"forums.cache.d.{model.__name__}"
            )
        for signal in (post_save, post_delete):
            signal.connect(
                notifications.forget_recipients_unread,
                sender=models.Notification,
                dispatch_uid=f"forums.unread.{id(signal)}",
            )
        m2m_changed.connect(
            page_cache.clear_on_change,
            sender=models.Category.groups.through,
            dispatch_uid="forums.cache.groups",
        )
