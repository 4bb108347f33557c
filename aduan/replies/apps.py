from django.apps import AppConfig


class RepliesConfig(AppConfig):
    name = "aduan.replies"
    label = "replies"
    verbose_name = "Balasan (templat, pemeriksa nada) / Replies (templates, tone checker)"
