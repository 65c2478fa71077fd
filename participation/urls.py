"""Under /participation/: hearings (open and closed), one hearing, the owner's answer to a comment;
stakeholders' feedback on a project and the moderators' queue."""

from django.urls import path

from . import views

app_name = "participation"

urlpatterns = [
    path("", views.hearing_list, name="index"),
    path("<int:pk>/", views.hearing_detail, name="hearing"),
    path("comments/<int:pk>/answer/", views.comment_answer, name="answer"),
    path("feedback/", views.feedback_queue, name="feedback_queue"),
    path("projects/<str:code>/feedback/", views.feedback_form, name="feedback"),
]
