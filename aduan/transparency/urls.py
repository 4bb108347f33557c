"""URLs of the public transparency page, mounted at /publik/."""

from django.urls import path

from aduan.transparency import views

app_name = "transparency"

urlpatterns = [
    path("", views.index, name="index"),
    path("serupa/", views.similar, name="similar"),
    path("laporan/<str:code>/", views.detail, name="detail"),
    path("laporan/<str:code>/dukung/", views.support, name="support"),
    path("kelola/<str:code>/", views.publication, name="publication"),
]
