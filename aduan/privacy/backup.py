"""Backups of the database and the uploaded files, and their restore (``aduan backup`` /
``aduan restore``).

A backup is one tar file:

- ``manifest.json``: format version, database engine, time, row counts of the main tables;
- ``database.dump`` (PostgreSQL, ``pg_dump -Fc`` by the client of the server's major version)
  or ``database.sqlite3`` (SQLite, copied online with sqlite3's backup API);
- ``media/``: the uploaded files, when they are on local disk (``FileSystemStorage``). Media
  on S3-compatible storage are not copied: keep them with the bucket's versioning and
  replication (docs/deployment.md).

Restore goes into an empty database (``--force`` overwrites a non-empty one).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

FORMAT_VERSION = 1
#: Tables whose row counts the manifest records and a restore checks.
COUNTED_TABLES = ("complaints_complaint", "complaints_complaintevent", "accounts_user")


class BackupError(RuntimeError):
    """The backup or restore cannot be made; the message says why (Bahasa Indonesia)."""


def _pg_env(db: Mapping[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: Mapping[str, Any]) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    return args


def pg_tool(name: str, server_major: int) -> str:
    """The ``pg_dump``/``pg_restore`` for the server's major version: Debian's
    ``/usr/lib/postgresql/<major>/bin`` first, else the one on PATH when it is new enough."""
    versioned = Path(f"/usr/lib/postgresql/{server_major}/bin/{name}")
    if versioned.exists():
        return str(versioned)
    found = shutil.which(name)
    if found:
        out = subprocess.run(  # noqa: S603 - a fixed tool name found on PATH
            [found, "--version"], capture_output=True, text=True, check=False
        ).stdout
        match = re.search(r"(\d+)", out)
        if match and int(match.group(1)) >= server_major:
            return found
    raise BackupError(
        f"{name} untuk PostgreSQL {server_major} tidak ditemukan; pasang paket "
        f"postgresql-client-{server_major}."
    )


def _server_major(db: Mapping[str, Any]) -> int:
    import psycopg

    with psycopg.connect(**_psycopg_kwargs(db)) as conn:
        return _scalar(conn, "SHOW server_version_num") // 10000


def _scalar(conn: Any, sql: str) -> int:
    row = conn.execute(sql).fetchone()
    return int(row[0]) if row else 0


def _psycopg_kwargs(db: Mapping[str, Any]) -> dict[str, Any]:
    kwargs = {"dbname": db["NAME"]}
    for key, name in (
        ("HOST", "host"),
        ("PORT", "port"),
        ("USER", "user"),
        ("PASSWORD", "password"),
    ):
        if db.get(key):
            kwargs[name] = str(db[key])
    return kwargs


def _counts_sqlite(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}  # noqa: S608


def _media_root() -> Path | None:
    backend = settings.STORAGES["default"]["BACKEND"]
    if backend.endswith("FileSystemStorage"):
        return Path(settings.MEDIA_ROOT)
    return None


def create_backup(output: Path, *, include_media: bool = True) -> dict[str, Any]:
    """Write the backup tar of the default database (and local media) to ``output``."""
    db = settings.DATABASES["default"]
    vendor = connection.vendor
    manifest: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "engine": vendor,
        "created_at": datetime.now(UTC).isoformat(),
        "media": False,
    }
    with tempfile.TemporaryDirectory(prefix="aduan-backup-") as tmp:
        work = Path(tmp)
        if vendor == "postgresql":
            major = _server_major(db)
            dump = work / "database.dump"
            proc = subprocess.run(  # noqa: S603 - the arguments are ours
                [pg_tool("pg_dump", major), "-Fc", "--no-owner", "-f", str(dump),
                 *_pg_args(db), str(db["NAME"])],
                env=_pg_env(db), capture_output=True, text=True, check=False,
            )  # fmt: skip
            if proc.returncode != 0:
                raise BackupError(f"pg_dump gagal: {proc.stderr.strip()}")
            manifest["server_major"] = major
            with connection.cursor() as cursor:
                manifest["counts"] = {}
                for table in COUNTED_TABLES:
                    cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed names
                    manifest["counts"][table] = cursor.fetchone()[0]
            members = [dump]
        elif vendor == "sqlite":
            connection.ensure_connection()
            copy = work / "database.sqlite3"
            target = sqlite3.connect(copy)
            try:
                connection.connection.backup(target)
                manifest["counts"] = _counts_sqlite(target)
            finally:
                target.close()
            members = [copy]
        else:
            raise BackupError(f"Basis data {vendor} tidak didukung untuk cadangan.")
        media = _media_root() if include_media else None
        if media is not None and media.exists():
            manifest["media"] = True
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(output.name + ".partial")
        compressed = output.name.endswith((".tar.gz", ".tgz"))
        with tarfile.open(partial, "w:gz") if compressed else tarfile.open(partial, "w") as tar:
            tar.add(work / "manifest.json", arcname="manifest.json")
            for member in members:
                tar.add(member, arcname=member.name)
            if manifest["media"]:
                tar.add(str(media), arcname="media")
        partial.replace(output)  # a backup file exists only when it is complete
    return manifest


@contextmanager
def _opened(path: Path) -> Iterator[tuple[tarfile.TarFile, dict[str, Any]]]:
    if not path.exists():
        raise BackupError(f"Berkas cadangan {path} tidak ditemukan.")
    try:
        tar = tarfile.open(path)
    except tarfile.TarError as exc:
        raise BackupError(f"Berkas cadangan rusak atau bukan tar: {exc}") from exc
    with tar:
        try:
            manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
        except (KeyError, ValueError) as exc:
            raise BackupError("Berkas cadangan tidak memuat manifest.json.") from exc
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError(f"Versi cadangan {manifest.get('format')} tidak dikenal.")
        yield tar, manifest


def restore_backup(
    source: Path,
    *,
    db: Mapping[str, Any],
    media_root: Path | None,
    force: bool = False,
) -> dict[str, Any]:
    """Restore ``source`` into the database ``db`` (a Django DATABASES entry) and the
    media files into ``media_root``; return the manifest."""
    engine = (
        "postgresql"
        if "postgresql" in db["ENGINE"]
        else ("sqlite" if "sqlite3" in db["ENGINE"] else db["ENGINE"])
    )
    with _opened(source) as (tar, manifest), tempfile.TemporaryDirectory() as tmp:
        if manifest["engine"] != engine:
            raise BackupError(
                f"Cadangan ini dari {manifest['engine']}, tidak dapat dipulihkan ke {engine}."
            )
        work = Path(tmp)
        if engine == "postgresql":
            tar.extract("database.dump", work, filter="data")
            _restore_pg(work / "database.dump", db, force=force)
        else:
            tar.extract("database.sqlite3", work, filter="data")
            _restore_sqlite(work / "database.sqlite3", Path(db["NAME"]), force=force)
        if manifest.get("media") and media_root is not None:
            members = [m for m in tar.getmembers() if m.name.startswith("media/")]
            tar.extractall(work, members=members, filter="data")
            media_root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(work / "media", media_root, dirs_exist_ok=True)
    return manifest


def _restore_sqlite(dump: Path, target: Path, *, force: bool) -> None:
    if target.exists() and target.stat().st_size > 0 and not force:
        with sqlite3.connect(target) as conn:
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'")
            if tables.fetchone()[0]:
                raise BackupError(
                    f"Basis data {target} tidak kosong; gunakan --force untuk menimpanya."
                )
    source = sqlite3.connect(dump)
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
    finally:
        source.close()
        destination.close()


def _restore_pg(dump: Path, db: Mapping[str, Any], *, force: bool) -> None:
    import psycopg

    with psycopg.connect(**_psycopg_kwargs(db)) as conn:
        major = _scalar(conn, "SHOW server_version_num") // 10000
        tables = _scalar(
            conn, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
    if tables and not force:
        raise BackupError(
            f"Basis data {db['NAME']} tidak kosong ({tables} tabel); gunakan --force untuk "
            "menimpanya."
        )
    args = [pg_tool("pg_restore", major), "--no-owner", "--no-privileges", "--exit-on-error",
            "--single-transaction", *_pg_args(db), "-d", str(db["NAME"])]  # fmt: skip
    if force:
        args[1:1] = ["--clean", "--if-exists"]
    proc = subprocess.run(  # noqa: S603 - the arguments are ours
        [*args, str(dump)], env=_pg_env(db), capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise BackupError(f"pg_restore gagal: {proc.stderr.strip()}")
