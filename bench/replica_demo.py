"""A real streaming read replica, and a write followed at once by a read of the same
complaint that sees it.

    .venv/bin/python bench/replica_demo.py [--primary-port 5435] [--replica-port 5433]

Runs as root and touches no other database: makes a private primary cluster (initdb in a
temporary folder, ``wal_level=replica`` as PostgreSQL 15 has by default, replication
allowed from 127.0.0.1) and a replica of it with ``pg_basebackup -R`` (streaming, hot
standby), migrates the primary, then drives Aduan in this process with ``DATABASE_URL`` on
the primary and ``DATABASE_REPLICA_URL`` on the replica, the citizen's status page being
one of the replica's paths (``ADUAN_REPLICA_PATHS``).

To make the replica's lag visible, WAL replay on the replica is paused
(``pg_wal_replay_pause()``) while a complaint is submitted through the web form. Then:

1. the same browser, carrying the sticky cookie the write set, opens the status page at
   once: read from the primary, it sees the complaint;
2. another browser (no cookie) opens the same page: read from the replica, which has not
   replayed the write yet, the complaint is not there (404);
3. replay resumes; the other browser opens the page again and sees it.

Removes both clusters at the end. Prints what happened at each step.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PGBIN = Path("/usr/lib/postgresql/15/bin")


def as_postgres(*args: str) -> str:
    return subprocess.run(  # noqa: S603 - fixed tools of the PostgreSQL install
        ["/usr/sbin/runuser", "-u", "postgres", "--", *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def pg_ctl(data: Path, port: int, *args: str) -> None:
    options = f"-p {port} -k /tmp -c listen_addresses=127.0.0.1"
    as_postgres(str(PGBIN / "pg_ctl"), "-D", str(data), "-l", str(data.parent / f"{port}.log"),
                "-o", options, "-w", *args)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--primary-port", type=int, default=5435)
    parser.add_argument("--replica-port", type=int, default=5433)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="aduan-replica-"))
    shutil.chown(work, "postgres", "postgres")
    primary, replica = work / "primary", work / "replica"
    started: list[tuple[Path, int]] = []
    try:
        as_postgres(str(PGBIN / "initdb"), "-D", str(primary), "-A", "trust", "-U", "postgres")
        pg_ctl(primary, args.primary_port, "start")
        started.append((primary, args.primary_port))
        as_postgres(str(PGBIN / "psql"), "-h", "127.0.0.1", "-p", str(args.primary_port),
                    "-c", "CREATE DATABASE aduan_demo")  # fmt: skip
        as_postgres(str(PGBIN / "pg_basebackup"), "-h", "127.0.0.1", "-p",
                    str(args.primary_port), "-D", str(replica), "-R", "-X", "stream")  # fmt: skip
        pg_ctl(replica, args.replica_port, "start")
        started.append((replica, args.replica_port))
        print(f"primary 127.0.0.1:{args.primary_port}, streaming replica "
              f"127.0.0.1:{args.replica_port} (pg_basebackup -R)")  # fmt: skip

        primary_url = f"postgres://postgres@127.0.0.1:{args.primary_port}/aduan_demo"
        replica_url = f"postgres://postgres@127.0.0.1:{args.replica_port}/aduan_demo"
        os.environ.update(
            {
                "DJANGO_SETTINGS_MODULE": "aduan.settings",
                "ADUAN_DEBUG": "1",
                "DATABASE_URL": primary_url,
                "DATABASE_REPLICA_URL": replica_url,
                "ADUAN_REPLICA_PATHS": "/lacak/,/publik/",
                "ADUAN_DATA_DIR": str(work),
                "ADUAN_LOG_LEVEL": "WARNING",
            }
        )
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections
        from django.test import Client

        call_command("migrate", verbosity=0)
        call_command("load-defaults", jurisdiction="pekalongan", stdout=open(os.devnull, "w"))  # noqa: SIM115
        with connections["replica"].cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery()")
            print(f"replica in recovery (read-only standby): {cursor.fetchone()[0]}")
            cursor.execute("SELECT count(*) FROM organisation_unit")
            print(f"units seen on the replica after the migration: {cursor.fetchone()[0]}")

        def replica_sql(sql: str) -> object:
            with connections["replica"].cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchone()[0]

        replica_sql("SELECT pg_wal_replay_pause()")
        print("\nWAL replay on the replica paused (to make its lag visible)")

        citizen = Client()
        page = citizen.get("/lapor/")
        token = re.search(r'name="submission_key" value="([^"]*)"', page.content.decode())
        response = citizen.post(
            "/lapor/",
            {
                "report_type": "aduan",
                "description": "Lampu penerangan jalan mati sepanjang Jalan Merdeka.",
                "privacy": "biasa",
                "reporter_name": "Rina",
                "reporter_email": "rina@warga.test",
                "submission_key": token.group(1) if token else "",
            },
        )
        location = response["Location"]
        code = location.split("/")[2]
        cookie = citizen.cookies.get("aduan_primary_until")
        print(f"1. web form POST -> {response.status_code} {location}")
        print(f"   sticky cookie set by the write: aduan_primary_until (max-age "
              f"{cookie['max-age'] if cookie else '-'} s)")  # fmt: skip
        status_path = location.split("?")[0]
        same = citizen.get(status_path)
        print(f"2. same browser, at once: GET {status_path} -> {same.status_code} "
              f"({'sees ' + code if code in same.content.decode() else 'not found'}; "
              "read from the primary)")  # fmt: skip
        other = Client()
        seen = other.get(status_path)
        print(f"3. another browser, at once: -> {seen.status_code} (read from the replica, "
              "which has not replayed the write)")  # fmt: skip
        replica_sql("SELECT pg_wal_replay_resume()")
        for _ in range(50):
            if replica_sql(
                f"SELECT count(*) FROM complaints_complaint WHERE tracking_code = '{code}'"  # noqa: S608
            ):
                break
            time.sleep(0.1)
        lag = replica_sql(
            "SELECT coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)"
        )
        again = other.get(status_path)
        print(f"4. replay resumed; other browser again -> {again.status_code} (replica caught "
              f"up; last replayed transaction {float(lag):.2f} s ago)")  # fmt: skip
        ok = same.status_code == 200 and seen.status_code == 404 and again.status_code == 200
        print("\nread-your-writes holds" if ok else "\nUNEXPECTED RESULT")
        connections.close_all()
    finally:
        for data, port in reversed(started):
            try:
                pg_ctl(data, port, "-m", "fast", "stop")
            except subprocess.CalledProcessError:
                pass
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
