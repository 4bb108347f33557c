from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "aduan.triage"
    label = "triage"
    verbose_name = "Triase otomatis / Smart triage"
