"""URLs of the replies app."""

from django.urls import path  # noqa: F401

app_name = "replies"

urlpatterns: list = []
