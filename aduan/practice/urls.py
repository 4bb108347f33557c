"""URLs of the practice app."""

from django.urls import path  # noqa: F401

app_name = "practice"

urlpatterns: list = []
