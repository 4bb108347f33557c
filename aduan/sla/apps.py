from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "aduan.sla"
    label = "sla"
    verbose_name = "SLA & kalender kerja / SLA & working calendar"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from aduan.sla.models import CalendarDay
        from aduan.sla.signals import calendar_day_changed

        post_save.connect(calendar_day_changed, sender=CalendarDay, dispatch_uid="sla-calendar")
        post_delete.connect(calendar_day_changed, sender=CalendarDay, dispatch_uid="sla-calendar")
