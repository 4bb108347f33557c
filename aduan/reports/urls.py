"""URLs of the reports app: dashboards, the map and the PDF reports under /kerja/laporan/."""

from django.urls import path

from aduan.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.leadership, name="dashboard"),
    path("unit/<int:unit_id>/", views.unit_dashboard, name="unit"),
    path("peta/", views.complaint_map, name="map"),
    path("peta/data.json", views.complaint_map_data, name="map_data"),
    path("pdf/bulanan/", views.report_pdf, {"kind": "bulanan"}, name="pdf_monthly"),
    path("pdf/tahunan/", views.report_pdf, {"kind": "tahunan"}, name="pdf_annual"),
]
