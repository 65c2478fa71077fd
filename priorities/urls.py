"""Budget priority: /priorities/ (every year), one ranking, its export, and the host unit's sheet."""

from django.urls import path

from . import views

app_name = "priorities"

urlpatterns = [
    path("", views.round_list, name="index"),
    path("<int:pk>/", views.round_detail, name="round"),
    path("<int:pk>/export.<slug:fmt>", views.round_export, name="export"),
    path("<int:pk>/score/", views.round_score, name="score"),
    path("<int:pk>/decide/", views.round_decide, name="decide"),
]
