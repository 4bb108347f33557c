from django.urls import path

from aduan.privacy import views

app_name = "privacy"

urlpatterns = [
    path("ekspor/", views.export, name="export"),
]
