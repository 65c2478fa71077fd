from django.urls import path

from . import views
from .feeds import UpdatesAtomFeed, UpdatesFeed

app_name = "knowledge"

urlpatterns = [
    path("agencies/", views.agency_list, name="agency_list"),
    path("agencies/<slug:code>/", views.agency_detail, name="agency"),
    path("reference/<slug:kind>/<str:key>/", views.reference_detail, name="reference"),
    path("updates/feed/", UpdatesAtomFeed(), name="updates_feed"),
    path("updates/feed/rss/", UpdatesFeed(), name="updates_feed_rss"),
    path("files/<int:document_id>/", views.serve_document, name="document"),
    path("files/<int:document_id>/v<int:number>/", views.serve_document, name="document_version"),
    path("reading/<int:page_id>/read/", views.mark_read, name="mark_read"),
    path("reading/<int:page_id>/feedback/", views.send_feedback, name="send_feedback"),
    path("reading/inbox/", views.feedback_inbox, name="feedback_inbox"),
    path("language/", views.switch_language, name="switch_language"),
    path("healthz", views.healthz, name="healthz"),
]
