"""``aduan backup`` / ``aduan restore``: a backup restored into an empty database holds every
complaint, event and user, and the uploaded files come back byte for byte.

SQLite always; PostgreSQL when the test run uses it and pg_dump for its server is installed.
The data must be committed for a backup to see it, hence ``transactional_db``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from aduan.accounts.models import User
from aduan.complaints.models import Attachment, Complaint, ComplaintEvent
from aduan.complaints.tests.helpers import png
from aduan.privacy import backup


@pytest.fixture
def data(transactional_db, people, submit):
    first = submit(attachments=[png()])
    second = submit(privacy="anonim", reporter_name="", description="Jalan rusak parah di "
                    "depan sekolah dasar, mohon diperbaiki.")  # fmt: skip
    return {
        "codes": sorted(Complaint.objects.values_list("tracking_code", flat=True)),
        "events": sorted(ComplaintEvent.objects.values_list("complaint__tracking_code", "kind")),
        "users": sorted(User.objects.values_list("username", flat=True)),
        "attachment": Attachment.objects.get(complaint=first.complaint),
        "second": second.complaint.tracking_code,
    }


def _rows(query, conn) -> list:
    cursor = conn.cursor()
    cursor.execute(query)
    return sorted(tuple(r) if len(r) > 1 else r[0] for r in cursor.fetchall())


def _check_restored(conn, data, media_root: Path) -> None:
    assert _rows("SELECT tracking_code FROM complaints_complaint", conn) == data["codes"]
    assert _rows(
        "SELECT c.tracking_code, e.kind FROM complaints_complaintevent e "
        "JOIN complaints_complaint c ON c.id = e.complaint_id",
        conn,
    ) == sorted(data["events"])
    assert _rows("SELECT username FROM accounts_user", conn) == data["users"]
    attachment = data["attachment"]
    restored = media_root / attachment.file.name
    assert restored.read_bytes() == Path(attachment.file.path).read_bytes()


@pytest.mark.skipif(
    "postgresql" in settings.DATABASES["default"]["ENGINE"], reason="SQLite run only"
)
class SqliteBackupTests:
    def test_a_backup_restored_into_an_empty_database_finds_everything(self, data, tmp_path):
        archive = tmp_path / "cadangan.tar.gz"
        call_command("backup", "--output", str(archive))
        target = tmp_path / "pulih.sqlite3"
        media = tmp_path / "media-pulih"
        call_command(
            "restore", "--input", str(archive), "--database-url", f"sqlite:///{target}",
            "--media-root", str(media),
        )  # fmt: skip
        with sqlite3.connect(target) as conn:
            _check_restored(conn, data, media)

    def test_it_refuses_to_overwrite_a_database_that_has_tables(self, data, tmp_path):
        archive = tmp_path / "cadangan.tar"
        call_command("backup", "--output", str(archive), "--no-media")
        target = tmp_path / "isi.sqlite3"
        with sqlite3.connect(target) as conn:
            conn.execute("CREATE TABLE t (x)")
        with pytest.raises(CommandError, match="tidak kosong"):
            call_command(
                "restore", "--input", str(archive), "--database-url", f"sqlite:///{target}"
            )


def test_a_damaged_backup_file_is_refused_with_a_clear_message(tmp_path):
    broken = tmp_path / "rusak.tar"
    broken.write_bytes(b"bukan tar")
    with pytest.raises(CommandError, match="rusak"):
        call_command("restore", "--input", str(broken), "--database-url", "sqlite:///x")


def _pg_dump_available() -> str:
    """Why the PostgreSQL test cannot run, or "" when it can."""
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        return "PostgreSQL run only (set DATABASE_URL)"
    try:
        server = {**settings.DATABASES["default"], "NAME": "postgres"}
        backup.pg_tool("pg_dump", backup._server_major(server))
    except backup.BackupError as exc:
        return f"pg_dump missing: {exc}"
    return ""


@pytest.mark.skipif(bool(_pg_dump_available()), reason=_pg_dump_available() or "ok")
class PostgresBackupTests:
    def test_a_backup_restored_into_an_empty_database_finds_everything(self, data, tmp_path):
        import psycopg

        archive = tmp_path / "cadangan.tar"
        call_command("backup", "--output", str(archive))
        db = dict(connection.settings_dict)
        name = f"{db['NAME']}_pulih"
        admin = backup._psycopg_kwargs({**db, "NAME": "postgres"})
        with psycopg.connect(**admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        try:
            url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{name}"
            media = tmp_path / "media-pulih"
            call_command(
                "restore", "--input", str(archive), "--database-url", url,
                "--media-root", str(media),
            )  # fmt: skip
            with psycopg.connect(**backup._psycopg_kwargs({**db, "NAME": name})) as conn:
                _check_restored(conn, data, media)
            with pytest.raises(CommandError, match="tidak kosong"):
                call_command("restore", "--input", str(archive), "--database-url", url)
        finally:
            with psycopg.connect(**admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
