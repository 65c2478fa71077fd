"""Webhooks in Wagtail's admin, for administrators: the addresses, and every delivery with its outcome."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .forms import WebhookForm
from .models import Delivery, Webhook


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Deliveries are a record: viewed, never added, changed or deleted by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


class WebhookViewSet(SnippetViewSet):
    model = Webhook
    icon = "link-external"
    menu_label = _("Webhooks")
    list_display = ["name", "url", "is_active"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("events"),
            FieldPanel("is_active"),
            FieldPanel("secret"),
        ],
        base_form_class=WebhookForm,
    )


class DeliveryViewSet(SnippetViewSet):
    """Read only: what was sent, how often it was tried and what the receiver answered."""

    model = Delivery
    icon = "list-ul"
    menu_label = _("Webhook deliveries")
    list_display = ["webhook", "event", "status", "attempts", "response_code", "created_at", "delivered_at"]
    list_filter = ["status", "event", "webhook"]
    inspect_view_enabled = True

    def get_permissions_policy(self):
        return ReadOnlyPolicy(self.model)


class IntegrationsGroup(SnippetViewSetGroup):
    items = (WebhookViewSet, DeliveryViewSet)
    menu_icon = "link-external"
    menu_label = _("Integrations")
    menu_order = 800


register_snippet(IntegrationsGroup)
