from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "aduan.reports"
    label = "reports"
    verbose_name = "Laporan dan dasbor / Reports and dashboards"
