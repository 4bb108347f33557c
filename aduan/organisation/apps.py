from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "aduan.organisation"
    label = "organisation"
    verbose_name = "Organisasi / Organisation"
