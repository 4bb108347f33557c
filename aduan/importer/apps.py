from django.apps import AppConfig


class ImporterConfig(AppConfig):
    name = "aduan.importer"
    label = "importer"
    verbose_name = "Impor data lama / Legacy import"
