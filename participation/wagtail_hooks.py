"""The host unit opens hearings in the admin; saving one tells the project's watchers (once)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Hearing
from .tasks import queue_announce


class HearingViewSet(SnippetViewSet):
    model = Hearing
    icon = "comment"
    menu_label = _("Hearings")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["__str__", "opens_on", "closes_on"]


register_snippet(HearingViewSet)


@hooks.register("after_create_snippet")
def announce_new_hearing(request, instance):
    if isinstance(instance, Hearing):
        queue_announce(instance)
