"""How throughput grows with web processes: 1, 2, 4 gunicorn workers, and two gunicorn
groups behind nginx (the shape of docs/deployment.md, other machines emulated by processes
on this one).

    .venv/bin/python bench/scale_bench.py [--seconds 10] [--connections 8]
        [--pg postgres://postgres@127.0.0.1:5432/aduan_bench_scale]

Needs ``wrk`` (Debian package) and, for the nginx row, ``nginx``. Makes a fresh database
(drops and creates the one named in ``--pg``), migrates it and loads the Kota Pekalongan
defaults; runs gunicorn with deploy/gunicorn.conf.py (``ADUAN_DEBUG=0``). Two endpoints:

- read: the citizen's status page of one complaint (session, two queries, template);
- intake: ``POST /api/v1/complaints/`` with a bearer token and a unique Idempotency-Key
  (triage, tracking number, clock, event, outbox row: one transaction).

Each run is warmed up, then measured by wrk for ``--seconds``. wrk, PostgreSQL and the web
processes share this machine's cores, so the numbers say how far one machine goes and how
the work divides, not what separate machines would add. Prints a table; never fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

POST_LUA = """
counter = 0
setup = function(thread)
  thread:set("tid", tostring(math.random(100000000)))
end
request = function()
  counter = counter + 1
  local body = '{"description": "Jalan berlubang besar di depan pasar nomor ' .. counter ..
    ', mohon segera diperbaiki.", "privacy": "anonim"}'
  return wrk.format("POST", "/api/v1/complaints/", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer TOKEN",
    ["Idempotency-Key"] = "bench-" .. tid .. "-" .. counter,
  }, body)
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait(url: str) -> None:
    for _ in range(300):
        try:
            requests.get(url, timeout=5)
            return
        except requests.RequestException:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def wrk(url: str, seconds: float, connections: int, script: Path | None = None) -> str:
    args = [
        shutil.which("wrk") or "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds:.0f}s",
        "--latency",
    ]
    if script:
        args += ["-s", str(script)]
    out = subprocess.run(  # noqa: S603 - wrk from PATH
        [*args, url], capture_output=True, text=True, check=True
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50 = re.search(r"50%\s+([\d.]+\w+)", out)
    p99 = re.search(r"99%\s+([\d.]+\w+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return (
        f"{float(rps.group(1)) if rps else 0:8.1f} req/s  p50 {p50.group(1) if p50 else '?':>8s}"
        f"  p99 {p99.group(1) if p99 else '?':>8s}"
        + (f"  non-2xx {errors.group(1)}" if errors else "")
    )


class Gunicorn:
    def __init__(self, env: dict[str, str], workers: int) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter
            [PY, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
             "aduan.wsgi:application"],
            env={**env, "ADUAN_BIND": f"127.0.0.1:{self.port}",
                 "ADUAN_WEB_WORKERS": str(workers)},
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        wait(f"http://127.0.0.1:{self.port}/")

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=30)


def nginx_conf(tmp: Path, port: int, backends: list[int], static_root: str) -> Path:
    """deploy/nginx.conf with this run's port, backends and folders."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    site = re.sub(r"upstream aduan_web \{.*?\n\}", "upstream aduan_web {\n    least_conn;\n"
                  + "".join(f"    server 127.0.0.1:{p};\n" for p in backends)
                  + "    keepalive 32;\n}", site, flags=re.S)  # fmt: skip
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("listen [::]:80;", "")
    site = site.replace("/srv/aduan/staticfiles/", static_root.rstrip("/") + "/")
    (tmp / "site.conf").write_text(site)
    main = tmp / "nginx.conf"
    main.write_text(
        f"pid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nworker_processes 1;\n"
        "events { worker_connections 1024; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off;\n"
        f"  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;\n"
        f"  include {tmp}/site.conf; }}\n"
    )
    return main


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432/aduan_bench_scale")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk not installed (apt-get install wrk)")
    import psycopg

    admin, _, name = args.pg.rpartition("/")
    with psycopg.connect(f"{admin}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    tmp = Path(tempfile.mkdtemp(prefix="aduan-scale-"))
    tmp.chmod(0o755)  # nginx's workers (www-data) read the static files from here
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": args.pg,
        "ADUAN_DEBUG": "0",
        "ADUAN_SECRET_KEY": "bench-only-secret-key-bench-only-secret-key-0123",
        "ADUAN_SECURE_COOKIES": "0",
        "ADUAN_SSL_REDIRECT": "0",
        "ADUAN_DATA_DIR": str(tmp),
        "ADUAN_LOG_LEVEL": "WARNING",
    }

    def manage(*command: str) -> str:
        return subprocess.run(  # noqa: S603
            [PY, "-m", "aduan", *command], env=env, cwd=ROOT, capture_output=True, text=True,
            check=True,
        ).stdout  # fmt: skip

    manage("migrate", "-v", "0")
    manage("load-defaults", "--jurisdiction", "pekalongan")
    manage("collectstatic", "--noinput", "-v", "0")
    issued = manage("api_token", "issue", "--jurisdiction", "pekalongan", "--name", "bench",
                    "--scope", "complaints:submit")  # fmt: skip
    token = re.search(r"(adn_\S+)", issued).group(1)  # type: ignore[union-attr]
    script = tmp / "post.lua"
    script.write_text(POST_LUA.replace("TOKEN", token))

    print(f"{os.cpu_count()} cores; wrk -t2 -c{args.connections} -d{args.seconds:.0f}s; "
          "PostgreSQL, wrk and gunicorn on the same machine")  # fmt: skip
    status_path = ""
    try:
        for workers in (1, 2, 4):
            server = Gunicorn(env, workers)
            base = f"http://127.0.0.1:{server.port}"
            try:
                if not status_path:
                    created = requests.post(
                        f"{base}/api/v1/complaints/",
                        json={"description": "Lampu jalan mati di gang tiga.", "privacy": "anonim"},
                        headers={"Authorization": f"Bearer {token}"},
                        timeout=30,
                    ).json()
                    status_path = created["status_page_url"].split(":", 2)[2].split("/", 1)[1]
                for _ in range(20):  # warm up every worker (classifier load, connections)
                    requests.get(f"{base}/{status_path}", timeout=30)
                wrk(f"{base}/{status_path}", 2, args.connections)
                wrk(base, 2, args.connections, script)
                read = wrk(f"{base}/{status_path}", args.seconds, args.connections)
                post = wrk(base, args.seconds, args.connections, script)
                print(f"gunicorn {workers} worker(s)   read   {read}")
                print(f"gunicorn {workers} worker(s)   intake {post}")
            finally:
                server.stop()
        if shutil.which("nginx"):
            servers = [Gunicorn(env, 2), Gunicorn(env, 2)]
            port = free_port()
            conf = nginx_conf(tmp, port, [s.port for s in servers], str(tmp / "staticfiles"))
            proc = subprocess.Popen(  # noqa: S603
                [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-g", "daemon off;"],
                stderr=subprocess.DEVNULL,
            )
            try:
                base = f"http://127.0.0.1:{port}"
                wait(base)
                for _ in range(20):
                    requests.get(f"{base}/{status_path}", timeout=30)
                wrk(f"{base}/{status_path}", 2, args.connections)
                read = wrk(f"{base}/{status_path}", args.seconds, args.connections)
                post = wrk(base, args.seconds, args.connections, script)
                static = wrk(f"{base}/static/aduan/aduan.css", args.seconds, args.connections)
                print(f"nginx + 2×2 workers       read   {read}")
                print(f"nginx + 2×2 workers       intake {post}")
                print(f"nginx static file         css    {static}")
            finally:
                proc.send_signal(signal.SIGQUIT)
                proc.wait(timeout=30)
                for server in servers:
                    server.stop()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
