"""Bulk import benchmark: rows per second of ``aduan import`` on PostgreSQL and SQLite.

    ADUAN_DEBUG=1 .venv/bin/python bench/import_bench.py [--rows 100000]
        [--pg postgres://postgres@127.0.0.1:5432/aduan_bench_import] [--no-sqlite]

Writes an N-row SP4N-LAPOR! export (realistic columns: statuses, categories, units,
kelurahan and old kelurahan names, anonymous and confidential flags), makes a fresh database
for each engine (drops and creates the PostgreSQL database named in ``--pg``; a temporary
SQLite file), migrates it, loads the Kota Pekalongan defaults, then times a dry run, the
import, and a re-run (which must import nothing). Each step runs in its own process as an
operator would run it; the rows/s printed is the command's own measure (reading, checking,
mapping and writing, without process start-up). On a local PostgreSQL it then measures the
CPU time of the importer (its own and its checking process's, when the import is pipelined)
and of its database backend for a first load and a second one (database ``<name>_cpu``).
Prints numbers; never fails.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

HEADER = [
    "Tracking ID", "Tanggal", "Judul", "Isi Laporan", "Kategori", "Instansi/Unit", "Status",
    "Nama Pelapor", "No HP", "Email", "Lokasi/Kelurahan", "Anonim", "Rahasia", "Jenis",
    "Tanggal Selesai",
]  # fmt: skip
CATEGORIES = [
    ("Administrasi Kependudukan", "Disdukcapil", "KTP elektronik belum jadi sejak tiga bulan"),
    ("Jalan, Jembatan & Trotoar", "DPUPR", "Jalan berlubang besar membahayakan pengendara"),
    ("Drainase & Genangan", "DPUPR", "Saluran air tersumbat sampah, genangan setiap hujan"),
    ("Pendidikan", "Disdik", "Pungutan sekolah tanpa kejelasan dasar aturannya"),
    ("Layanan Kesehatan", "Dinkes", "Antrean puskesmas sangat panjang dan petugas kurang"),
]
KELURAHAN = ["Medono", "Podosugih", "Tirto", "Sapuro Kebulen", "Kel. Tirto", "Kramatsari"]
STATUSES = [
    "Belum Terverifikasi", "Terverifikasi", "Proses", "Ditindaklanjuti", "Selesai", "Selesai",
    "Diarsipkan",
]  # fmt: skip


def write_lapor(path: Path, rows: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    start = datetime(2024, 1, 2, 8, 0)  # noqa: DTZ001 - exports carry naive WIB times
    # Spread the rows over the 22 months after ``start`` whatever their number: an export
    # never holds reports from the future (the importer refuses them).
    step = max(1, min(17, 22 * 30 * 24 * 60 // max(rows, 1)))
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i in range(rows):
            category, unit, text = rnd.choice(CATEGORIES)
            status = rnd.choice(STATUSES)
            when = start + timedelta(minutes=step * i + rnd.randint(0, step - 1))
            anonymous = rnd.random() < 0.2
            secret = rnd.random() < 0.05
            done = when + timedelta(days=rnd.randint(1, 20))
            out.writerow(
                [
                    f"LPR{1000000 + i}",
                    when.strftime("%d/%m/%Y %H:%M"),
                    f"{category} #{i}",
                    f"{text} di RT {rnd.randint(1, 12)} RW {rnd.randint(1, 9)}, mohon "
                    f"segera ditindaklanjuti (laporan {i}).",
                    category,
                    unit if status != "Belum Terverifikasi" else "",
                    status,
                    "" if anonymous else f"Warga {i}",
                    f"08{rnd.randint(10, 99)}{rnd.randint(1000000, 9999999)}",
                    f"warga{i}@contoh.id" if rnd.random() < 0.4 else "",
                    rnd.choice(KELURAHAN),
                    "Ya" if anonymous else "Tidak",
                    "Ya" if secret else "Tidak",
                    "Pengaduan",
                    done.strftime("%d/%m/%Y") if status in ("Selesai", "Diarsipkan") else "",
                ]
            )


def run(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run(  # noqa: S603 - our own interpreter and command
        [PY, "-m", "aduan", *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stdout[-2000:] + proc.stderr[-4000:])
        raise SystemExit(f"aduan {' '.join(args)} failed")
    return elapsed, proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""


def rate(line: str) -> str:
    found = re.search(r"([\d,]+) baris/detik", line)
    return found.group(1) if found else "?"


CPU_SCRIPT = """
import dataclasses, os, sys, time
import django
django.setup()
from pathlib import Path
from django.db import connection
from aduan.importer import formats
from aduan.importer.services import import_file
from aduan.organisation.models import Jurisdiction

def server_cpu(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

j = Jurisdiction.objects.get(slug="pekalongan")
with connection.cursor() as cursor:
    cursor.execute("SELECT pg_backend_pid()")
    pid = cursor.fetchone()[0]
def children_cpu():
    times = os.times()
    return times.children_user + times.children_system

for attempt in ("first load", "second load"):
    fmt = dataclasses.replace(formats.LAPOR, source="cpu-%d" % time.time())
    client, child, server = time.process_time(), children_cpu(), server_cpu(pid)
    wall = time.perf_counter()
    report = import_file(path=Path(sys.argv[1]), fmt=fmt, jurisdiction=j)
    client = time.process_time() - client
    child = children_cpu() - child
    server = server_cpu(pid) - server
    wall = time.perf_counter() - wall
    n = report.imported
    mine = client + child
    print(f"{attempt}: {n} rows: wall {wall:.2f}s; CPU: importer {mine:.2f}s "
          f"({mine / n * 1e6:.0f} us/row: main {client / n * 1e6:.0f}, checking process "
          f"{child / n * 1e6:.0f}), PostgreSQL backend {server:.2f}s "
          f"({server / n * 1e6:.0f} us/row); with a core for each, "
          f"{n / max(mine, server):,.0f} rows/s; both on one core, "
          f"{n / (mine + server):,.0f} rows/s")
"""


def cpu_cost(url: str, csv_path: Path) -> None:
    """CPU seconds of the importer and of its PostgreSQL backend (when both run on this
    machine): a measure that does not depend on what else the machine is doing. In a fresh
    database: the first load goes into an empty complaint table (indexes and foreign keys
    made again at the end), the second one into a table already holding the first."""
    import psycopg

    admin, _, name = url.rpartition("/")
    url = f"{admin}/{name}_cpu"
    with psycopg.connect(f"{admin}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}_cpu"')
        conn.execute(f'CREATE DATABASE "{name}_cpu"')
    setup = {**os.environ, "DATABASE_URL": url, "ADUAN_DEBUG": "1", "PYTHONPATH": str(ROOT)}
    run(["migrate", "-v", "0"], setup)
    run(["load-defaults", "--jurisdiction", "pekalongan"], setup)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "ADUAN_DEBUG": "1",
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "aduan.settings",
        "ADUAN_LOG_LEVEL": "WARNING",
    }
    proc = subprocess.run(  # noqa: S603 - our own interpreter and script
        [PY, "-c", CPU_SCRIPT, str(csv_path)], env=env, cwd=ROOT, capture_output=True, text=True
    )
    lines = proc.stdout.strip().splitlines() if proc.stdout.strip() else [proc.stderr[-500:]]
    for line in lines:
        print(f"PostgreSQL cpu       {line}")


def bench(engine: str, url: str, csv_path: Path, rows: int) -> None:
    env = {**os.environ, "DATABASE_URL": url, "ADUAN_DEBUG": "1", "PYTHONPATH": str(ROOT)}
    env["ADUAN_LOG_LEVEL"] = "WARNING"
    run(["migrate", "-v", "0"], env)
    run(["load-defaults", "--jurisdiction", "pekalongan"], env)
    base = ["import", "--format", "lapor", "--input", str(csv_path)]
    wall, line = run([*base, "--dry-run"], env)
    print(f"{engine:10s} dry run   {rows:>8,} rows  {rate(line):>8s} rows/s  (wall {wall:.1f}s)")
    wall, line = run(base, env)
    print(f"{engine:10s} import    {rows:>8,} rows  {rate(line):>8s} rows/s  (wall {wall:.1f}s)")
    print(f"           {line}")
    wall, line = run(base, env)
    print(f"{engine:10s} re-run    {rows:>8,} rows  {rate(line):>8s} rows/s  (wall {wall:.1f}s)")
    print(f"           {line}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432/aduan_bench_import")
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "lapor.csv"
        write_lapor(csv_path, args.rows)
        size = csv_path.stat().st_size / 1e6
        print(f"{args.rows:,} rows of SP4N-LAPOR! export, {size:.1f} MB, {os.cpu_count()} cores")
        if not args.no_pg:
            import psycopg

            admin, _, name = args.pg.rpartition("/")
            with psycopg.connect(f"{admin}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
                conn.execute(f'CREATE DATABASE "{name}"')
            bench("PostgreSQL", args.pg, csv_path, args.rows)
            if args.pg.split("@")[-1].startswith(("127.0.0.1", "localhost")):
                cpu_cost(args.pg, csv_path)
        if not args.no_sqlite:
            bench("SQLite", f"sqlite:///{tmp}/bench.sqlite3", csv_path, args.rows)


if __name__ == "__main__":
    main()
