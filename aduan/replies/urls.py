"""URLs of the replies app, under /kerja/balasan/."""

from django.urls import path

from aduan.replies import views

app_name = "replies"

urlpatterns = [
    path("templat/", views.template_list, name="templates"),
    path("templat/baru/", views.template_create, name="template_create"),
    path("templat/<int:pk>/", views.template_edit, name="template_edit"),
    path("isi/<str:code>/<slug:action>/", views.fill_template, name="fill"),
    path("periksa/", views.check_tone, name="check"),
    path("mutu/", views.quality, name="quality"),
]
