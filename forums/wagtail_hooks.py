"""Forum categories in Wagtail's admin: moderators create them and set who may read each one."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Forum categories")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "access", "is_clinic", "topic_count"]
    list_filter = ["access", "is_clinic"]
    search_fields = ["name", "description"]
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("strategy"), FieldPanel("project")]),
        FieldRowPanel([FieldPanel("is_clinic"), FieldPanel("sort_order")]),
        MultiFieldPanel(
            [
                FieldPanel("access", widget=forms.RadioSelect),
                FieldPanel("groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("agencies", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who may read"),
            help_text=_(
                "Restricted: only the groups and agencies ticked here (and moderators). "
                "A topic moved or a reader removed takes effect at once, in lists, search and e-mail."
            ),
        ),
    ]


register_snippet(CategoryViewSet)
