from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The plan in the CMS: plan, chapters, strategies, projects, agencies, KPIs, updates."""

    name = "knowledge"
    verbose_name = _("Plan and knowledge")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import dependencies, roles, signals  # noqa: F401  (connects receivers)

        dependencies.connect()  # what cached renderings depend on (settings.CACHE_DEPENDENCIES)

        # Permissions exist only after every app has migrated, so roles get theirs afterwards.
        post_migrate.connect(roles.sync_role_permissions, dispatch_uid="knowledge.sync_roles")
        post_migrate.connect(analyze_tables, dispatch_uid="knowledge.analyze")


def analyze_tables(using="default", **kwargs):
    """Give the query planner table statistics (SQLite has none until ANALYZE; connections then keep them
    fresh with PRAGMA optimize). Without them SQLite sorts a whole forum to show its first page."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
