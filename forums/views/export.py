"""Topic lists as CSV, with the same filters and the same visibility as the page."""

from knowledge.spreadsheets import table_response

from ..filters import TopicFilter
from ..models import Topic

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
    rows = (
        [
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
        for topic in topics
    )
    return table_response("forum-topics", "csv", COLUMNS, rows)
