"""On PostgreSQL, vacuum the rollup and the complaint table after 2 % of their rows changed
(the default waits for 20 %): the dashboards' sums and the open-complaint counts are
index-only scans, which read the table itself for every row on a page changed since the
last VACUUM. Nothing to do on other databases."""

from django.db import migrations

TABLES = ("reports_complaintrollup", "complaints_complaint")
SETTINGS = (
    "autovacuum_vacuum_scale_factor",
    "autovacuum_vacuum_insert_scale_factor",
    "autovacuum_analyze_scale_factor",
)


def tune(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    values = ", ".join(f"{name} = 0.02" for name in SETTINGS)
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} SET ({values})")


def untune(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} RESET ({', '.join(SETTINGS)})")


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_rollup_rows_appended"),
        ("complaints", "0017_category_kelurahan_open_index"),
    ]

    operations = [migrations.RunPython(tune, untune, elidable=False)]
