from django.db import migrations

from aduan.complaints import search


def cap(apps, schema_editor):
    search.cap_pending_list(schema_editor)


def uncap(apps, schema_editor):
    search.cap_pending_list(schema_editor, undo=True)


class Migration(migrations.Migration):
    """PostgreSQL: the search index's pending list bounded (``search.PG_PENDING_LIST_KB``)."""

    dependencies = [
        ("complaints", "0020_queued_submission"),
    ]

    operations = [
        migrations.RunPython(cap, uncap, elidable=False),
    ]
