from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "aduan.transparency"
    label = "transparency"
    verbose_name = "Transparansi publik / Public transparency"

    def ready(self) -> None:
        from aduan.transparency import signals  # noqa: F401
