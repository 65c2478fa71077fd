"""The exchange's URLs. Forum content routes on primary keys (titles are Thai and change)."""

from django.urls import path

from . import feeds
from .views import actions, browse, export, people, queues, write

app_name = "forums"

FEED_SCOPES = (
    ("", {}),
    ("c/<int:key>/", {"kind": "category"}),
    ("tags/<str:key>/", {"kind": "tag"}),  # taggit's slugs may be Thai
    ("projects/<str:key>/", {"kind": "project"}),
)
feed_routes = []
for prefix, kwargs in FEED_SCOPES:
    name = kwargs.get("kind", "all")
    feed_routes += [
        path(f"{prefix}feed/", feeds.TopicsFeed(), kwargs, name=f"feed_{name}"),
        path(f"{prefix}feed/atom/", feeds.TopicsAtomFeed(), kwargs, name=f"atom_{name}"),
    ]

urlpatterns = [
    path("", browse.ForumIndexView.as_view(), name="index"),
    path("topics/", browse.TopicListView.as_view(), name="topics"),
    path("topics/export.csv", export.export_topics, name="export"),
    path("c/<int:pk>/", browse.TopicListView.as_view(), name="category"),
    path("t/<int:pk>/", browse.TopicView.as_view(), name="topic"),
    path("t/<int:pk>/reply/", write.ReplyView.as_view(), name="reply"),
    path("t/<int:pk>/bookmark/", actions.bookmark, name="bookmark"),
    path("t/<int:pk>/assign/", actions.assign, name="assign"),
    path("t/<int:pk>/endorse/", actions.endorse, name="endorse"),
    path("t/<int:pk>/adopt/", actions.adopt, name="adopt"),
    path("t/<int:pk>/to-manual/", actions.answer_to_manual, name="to_manual"),
    path("t/<int:pk>/<str:action>/", actions.moderate_topic, name="moderate_topic"),
    path("new/", write.TopicCreateView.as_view(), name="new"),
    path("p/<int:pk>/", browse.post_redirect, name="post"),
    path("p/<int:pk>/edit/", write.PostEditView.as_view(), name="edit"),
    path("p/<int:pk>/history/", write.post_history, name="history"),
    path("p/<int:pk>/flag/", actions.flag, name="flag"),
    path("p/<int:pk>/accept/", actions.accept, name="accept"),
    path("p/<int:pk>/react/<str:kind>/", actions.react, name="react"),
    path("p/<int:pk>/<str:action>/", actions.moderate_post, name="moderate_post"),
    path("watch/<str:target>/<str:key>/", actions.watch, name="watch"),
    path("exemplary/<be_year:year>/", browse.ExemplaryView.as_view(), name="exemplary"),
    path("clinic/", queues.ClinicQueueView.as_view(), name="clinic"),
    path("moderation/", queues.ModerationQueueView.as_view(), name="moderation"),
    path("moderation/log/", queues.ModerationLogView.as_view(), name="moderation_log"),
    path("me/notifications/", people.notification_list, name="notifications"),
    path("me/notifications/<int:pk>/", people.notification_open, name="notification"),
    path("me/bookmarks/", people.bookmark_list, name="bookmarks"),
    path("me/settings/", people.settings_view, name="settings"),
    path("unsubscribe/<str:token>/", people.unsubscribe, name="unsubscribe"),
    *feed_routes,
]
