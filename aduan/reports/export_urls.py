"""URLs of list exports (CSV, XLSX) under /kerja/ekspor/: the inbox's queue and filters."""

from django.urls import path

from aduan.reports import exports

app_name = "exports"

urlpatterns = [
    path("<str:queue>/csv/", exports.export_csv, name="csv"),
    path("<str:queue>/xlsx/", exports.export_xlsx, name="xlsx"),
]
