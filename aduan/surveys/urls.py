from django.urls import path

from aduan.surveys import printable, views

app_name = "surveys"

urlpatterns = [
    path("ikm/", views.ikm_report, name="ikm_report"),
    path("ikm/cetak/<slug:unit_code>/", printable.ikm_print, name="ikm_print"),
    path("ikm/poster/<slug:unit_code>/", printable.ikm_poster, name="ikm_poster"),
    path("nilai/<str:code>/<str:secret>/", views.rate, name="rate"),
    path("<slug:jurisdiction_slug>/<slug:unit_code>/", views.ikm_survey, name="ikm_survey"),
    path(
        "<slug:jurisdiction_slug>/<slug:unit_code>/terima-kasih/",
        views.ikm_thanks,
        name="ikm_thanks",
    ),
]
