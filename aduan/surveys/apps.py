from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "aduan.surveys"
    label = "surveys"
    verbose_name = "Survei (penilaian laporan, IKM) / Surveys (ratings, IKM)"
