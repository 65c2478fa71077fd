"""Narrowing topic lists by the plan's taxonomy: strategy, project, agency, tag, kind and author.

The choices are plain (code, label) lists kept in the cache until a strategy, project or agency changes:
building them from page querysets on every request cost more than the rest of a topic list.
"""

import django_filters
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from knowledge import dependencies
from knowledge.models import Agency, ProjectPage, StrategyPage

from .models import Topic, TopicKind


def taxonomy_choices():
    def choices():
        return {
            "strategy": [(s.code, s.title) for s in StrategyPage.objects.live().order_by("number")],
            "project": [(p.code, f"{p.code} {p.title}") for p in ProjectPage.objects.live().order_by("path")],
            "agency": [(a.code, a.abbreviation) for a in Agency.objects.all()],
        }

    names = ["kind:strategypage", "kind:projectpage", "reference"]
    return dependencies.cached(f"forum-filter-choices:{get_language()}", choices, 3600, names)


class TopicFilter(django_filters.FilterSet):
    strategy = django_filters.ChoiceFilter(label=_("Strategy"), method="by_strategy")
    project = django_filters.ChoiceFilter(label=_("Project"), method="by_project")
    agency = django_filters.ChoiceFilter(label=_("Agency"), method="by_agency")
    tag = django_filters.CharFilter(label=_("Tag"), field_name="tags__slug")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=TopicKind.choices)
    author = django_filters.CharFilter(label=_("Author"), field_name="author__username")

    class Meta:
        model = Topic
        fields = ["strategy", "project", "agency", "tag", "kind", "author"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in taxonomy_choices().items():
            self.filters[name].extra["choices"] = choices

    def by_strategy(self, topics, name, code):
        return topics.for_strategy(StrategyPage.objects.get(code=code))

    def by_project(self, topics, name, code):
        return topics.filter(projects__code=code)

    def by_agency(self, topics, name, code):
        return topics.for_agency(Agency.objects.get(code=code))

    def active(self):
        """(parameter, shown value) of each filter in use, for the "remove filter" chips."""
        if not self.is_bound or not self.form.is_valid():
            return []
        labels = {
            name: dict(self.form.fields[name].choices) for name in ("strategy", "project", "agency", "kind")
        }
        return [
            (name, labels.get(name, {}).get(value, value))
            for name, value in self.form.cleaned_data.items()
            if value
        ]
