from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    """The best-practice exchange: categories, topics, cases and the consultation clinic."""

    name = "forums"
    verbose_name = _("Best-practice exchange")
    demo_loader = "forums.demo.loader.ForumDemoLoader"  # run by `manage.py load_demo`

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import models, notifications

        # What cached pages show of the exchange is in config/dependencies.py; this is the bell's count.
        for signal in (post_save, post_delete):
            signal.connect(
                notifications.forget_recipients_unread,
                sender=models.Notification,
                dispatch_uid=f"forums.unread.{id(signal)}",
            )
