"""URLs of the practice app (mounted at /kerja/latihan/)."""

from django.urls import path

from aduan.practice import views

app_name = "practice"

urlpatterns = [
    path("", views.index, name="index"),
    path("skenario/<slug:code>/", views.scenario, name="scenario"),
    path("skenario/<slug:code>/periksa/", views.feedback, name="feedback"),
    path("kemajuan/", views.team, name="team"),
    path("kemajuan/<int:user_id>/", views.officer, name="officer"),
]
