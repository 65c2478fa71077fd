"""The plan's reference lists and KPIs in Wagtail's admin, grouped under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Agency, Gov40Goal, Indicator, PMQACategory, Profile, SubPlan


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
