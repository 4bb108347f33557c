from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "aduan.sla"
    label = "sla"
    verbose_name = "SLA & kalender kerja / SLA & working calendar"
