from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only public API for other ministry systems, and the webhooks that tell them of changes."""

    name = "api"
    verbose_name = "API"

    def ready(self):
        from . import events  # noqa: F401  (connects the changes webhooks announce)
