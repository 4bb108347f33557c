from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "aduan.practice"
    label = "practice"
    verbose_name = "Latihan menjawab / Reply practice"
