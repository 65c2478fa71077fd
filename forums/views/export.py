"""Topic lists as CSV, with the same filters and the same visibility as the page."""

import csv

from django.http import HttpResponse

from ..filters import TopicFilter
from ..models import Topic

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """Text as Excel shows it: a title starting like a formula is kept as text, never evaluated."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


COLUMNS = [
    "id",
    "kind",
    "title",
    "category",
    "author",
    "created",
    "replies",
    "views",
    "projects",
    "tags",
    "url",
]


def export_topics(request):
    topics = TopicFilter(request.GET or None, queryset=Topic.objects.visible_to(request.user)).qs
    topics = topics.listing().prefetch_related("projects", "tags")[:10_000]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="forum-topics.csv"'
    response.write("\ufeff")  # a byte-order mark so Excel reads the Thai text as UTF-8
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for topic in topics:
        writer.writerow(
            cell(value)
            for value in [
                topic.pk,
                topic.kind,
                topic.title,
                topic.category.name,
                topic.author.get_username(),
                topic.created_at.date().isoformat(),
                topic.reply_count,
                topic.view_count,
                "; ".join(project.code for project in topic.projects.all()),
                "; ".join(tag.name for tag in topic.tags.all()),
                request.build_absolute_uri(topic.get_absolute_url()),
            ]
        )
    return response
