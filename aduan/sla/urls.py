from django.urls import path

from aduan.sla import views

app_name = "sla"

urlpatterns = [
    path("", views.calendar, name="calendar"),
]
