from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "aduan.privacy"
    label = "privacy"
    verbose_name = "Data pribadi dan cadangan / Personal data and backups"
