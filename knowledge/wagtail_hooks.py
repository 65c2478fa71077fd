"""The plan's reference lists and KPIs in Wagtail's admin, grouped under one menu."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .auth import forget_user
from .fields import BuddhistEraDateFormField, BuddhistEraDateTimeFormField
from .models import Agency, EditionPage, Gov40Goal, Indicator, PMQACategory, Profile, SubPlan
from .services import edition_create_next

# Every date and schedule in the admin takes a Buddhist-Era year as well (knowledge.fields).
DATE_HELP = _("A year in BE or CE, e.g. 10/01/2566 or 10/01/2023.")
register_form_field_override(
    models.DateField,
    override={"form_class": BuddhistEraDateFormField, "widget": AdminDateInput, "help_text": DATE_HELP},
)
register_form_field_override(
    models.DateTimeField, override={"form_class": BuddhistEraDateTimeFormField, "widget": AdminDateTimeInput}
)


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    list_display = ["name", "abbreviation", "name_en"]
    search_fields = ["name", "abbreviation", "name_en", "abbreviation_variants"]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    list_display = ["code", "name", "unit", "project"]
    list_filter = ["direction"]
    search_fields = ["code", "name"]


class PMQACategoryViewSet(SnippetViewSet):
    model = PMQACategory
    icon = "list-ol"
    list_display = ["number", "title"]


class SubPlanViewSet(SnippetViewSet):
    model = SubPlan
    icon = "list-ul"
    list_display = ["code", "title"]


class Gov40GoalViewSet(SnippetViewSet):
    model = Gov40Goal
    icon = "pick"
    list_display = ["number", "title", "title_en"]


class ProfileViewSet(SnippetViewSet):
    model = Profile
    icon = "user"
    list_display = ["__str__", "agency", "position"]
    list_filter = ["agency"]


class PlanReferenceGroup(SnippetViewSetGroup):
    menu_label = _("Plan reference data")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (
        AgencyViewSet,
        IndicatorViewSet,
        PMQACategoryViewSet,
        SubPlanViewSet,
        Gov40GoalViewSet,
        ProfileViewSet,
    )


register_snippet(PlanReferenceGroup)


# A new edition of a manual or standard: a draft copy of the current one, one click from its page.


def can_start_edition(page, user):
    return page.live and page.get_parent().permissions_for_user(user).can_add_subpage()


def new_edition(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, EditionPage) or not can_start_edition(page, request.user):
        raise PermissionDenied
    if request.method == "POST":
        draft = edition_create_next(page=page, user=request.user)
        messages.success(
            request,
            _("Draft of edition %(number)s created: edit it, then submit it for approval.")
            % {"number": draft.edition},
        )
        return redirect("wagtailadmin_pages:edit", draft.pk)
    return TemplateResponse(request, "knowledge/admin/new_edition.html", {"page": page})


@hooks.register("register_admin_urls")
def new_edition_urls():
    return [path("editions/<int:page_id>/new/", new_edition, name="knowledge_new_edition")]


def new_edition_button(page, user):
    if isinstance(page.specific_deferred, EditionPage) and can_start_edition(page, user):
        url = reverse("knowledge_new_edition", args=[page.pk])
        yield PageMenuItem(_("New edition"), url, icon_name="copy", priority=25, page=page)


@hooks.register("register_page_header_buttons")
def page_header_new_edition(page, user, view_name=None, next_url=None):
    yield from new_edition_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def page_listing_new_edition(page, user, next_url=None):
    yield from new_edition_button(page, user)


@hooks.register("after_bulk_action")
def forget_users_changed_in_bulk(request, action_type, objects, action_class_instance):
    """Wagtail's bulk "mark as inactive" and "assign role" change users with a queryset update, which no
    signal reports: forget their cached copies, so an account switched off is signed out on its next
    request (knowledge.auth)."""
    for obj in objects:
        if isinstance(obj, get_user_model()):
            forget_user(obj.pk)


@hooks.register("insert_global_admin_js")
def admin_calls():
    """Starts the widgets whose inline scripts knowledge/admin_scripts.py turned into data."""
    return format_html('<script src="{}"></script>', static("js/admin-calls.js"))


@hooks.register("insert_global_admin_css")
def thai_font():
    """The admin in Sarabun, from this site's files: without a Thai system font it showed boxes."""
    return format_html_join(
        "", '<link rel="stylesheet" href="{}">', ((static(f"css/{name}.css"),) for name in ("fonts", "admin"))
    )
