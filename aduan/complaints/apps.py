from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_search_index(sender: AppConfig, using: str = "default", **kwargs: object) -> None:
    """SQLite drops a table's triggers when a migration remakes it; put them back."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    from aduan.complaints.search import MIGRATION, ensure_sqlite_fts

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    if ("complaints", MIGRATION) in MigrationRecorder(connection).applied_migrations():
        ensure_sqlite_fts(connection)


class ComplaintsConfig(AppConfig):
    name = "aduan.complaints"
    label = "complaints"
    verbose_name = "Pengaduan / Complaints"

    def ready(self) -> None:
        post_migrate.connect(_ensure_search_index, sender=self)
