"""Narrowing topic lists by the plan's taxonomy: strategy, project, agency, tag, kind and author."""

import django_filters
from django.utils.translation import gettext_lazy as _

from knowledge.models import Agency, ProjectPage, StrategyPage

from .models import Topic, TopicKind


class TopicFilter(django_filters.FilterSet):
    strategy = django_filters.ModelChoiceFilter(
        label=_("Strategy"),
        queryset=StrategyPage.objects.live().order_by("number"),
        to_field_name="code",
        method="filter_strategy",
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Project"),
        queryset=ProjectPage.objects.live().order_by("path"),
        to_field_name="code",
        field_name="projects",
    )
    agency = django_filters.ModelChoiceFilter(
        label=_("Agency"), queryset=Agency.objects.all(), to_field_name="code", method="filter_agency"
    )
    tag = django_filters.CharFilter(label=_("Tag"), field_name="tags__slug")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=TopicKind.choices)
    author = django_filters.CharFilter(label=_("Author"), field_name="author__username")

    class Meta:
        model = Topic
        fields = ["strategy", "project", "agency", "tag", "kind", "author"]

    def filter_strategy(self, topics, name, strategy):
        return topics.for_strategy(strategy)

    def filter_agency(self, topics, name, agency):
        return topics.for_agency(agency)

    def active(self):
        """(parameter, shown value) of each filter in use, for the "remove filter" chips."""
        if not self.is_bound or not self.form.is_valid():
            return []
        return [(name, value) for name, value in self.form.cleaned_data.items() if value]
