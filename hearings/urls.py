"""Hearings: /hearings/ (open and closed), one hearing, and the owner's answer to a comment."""

from django.urls import path

from . import views

app_name = "hearings"

urlpatterns = [
    path("", views.hearing_list, name="index"),
    path("<int:pk>/", views.hearing_detail, name="hearing"),
    path("comments/<int:pk>/answer/", views.comment_answer, name="answer"),
]
