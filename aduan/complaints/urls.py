from django.urls import path

from aduan.complaints import views

app_name = "complaints"

urlpatterns = [
    path("", views.home, name="home"),
    path("lapor/", views.complaint_new, name="new"),
    path("j/<slug:jurisdiction_slug>/", views.home, name="home_for"),
    path("j/<slug:jurisdiction_slug>/lapor/", views.complaint_new, name="new_for"),
    path("lacak/", views.track, name="track"),
    path("lacak/<str:code>/<str:secret>/", views.citizen_status, name="citizen_status"),
    path(
        "lacak/<str:code>/<str:secret>/lampiran/<int:pk>/",
        views.citizen_attachment,
        name="citizen_attachment",
    ),
    path("kerja/", views.workspace, name="workspace"),
    path("kerja/daftar/<str:queue>/", views.inbox, name="inbox"),
    path("kerja/tapd/", views.planning, name="planning"),
    path("kerja/terlambat/", views.overdue, name="overdue"),
    path("kerja/aduan/<str:code>/", views.detail, name="detail"),
    path("kerja/aduan/<str:code>/serupa/", views.duplicates, name="duplicates"),
    path("kerja/aduan/<str:code>/aksi/<str:action>/", views.act, name="act"),
    path(
        "kerja/aduan/<str:code>/lampiran/<int:pk>/", views.staff_attachment, name="staff_attachment"
    ),
]
