from django.urls import path

from aduan.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("lonceng/", views.bell, name="bell"),
    path("<int:pk>/baca/", views.mark_read, name="read"),
    path("baca-semua/", views.mark_all_read, name="read_all"),
]
