"""The benchmark generator's loaders count the dashboards' rollup as they write their rows
(``bench/generate.py``); the counts must equal what ``rollups.compute`` reads back from the
stored complaints, timelines and ratings, with several loader processes writing chunks."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.django_db
def test_generated_rollup_equals_the_computed_one():
    if connection.vendor != "postgresql":
        pytest.skip("bench/generate.py loads PostgreSQL only: run with DATABASE_URL=postgres://…")
    settings = connection.settings_dict
    name = f"aduan_gen_test_{uuid.uuid4().hex[:8]}"
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    user = settings.get("USER") or "postgres"
    url = f"postgres://{user}@{host}:{port}/{name}"
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    try:
        done = subprocess.run(  # noqa: S603 - our own script, our own arguments
            [sys.executable, "bench/generate.py", "--size", "900", "--chunk", "200"]
            + ["--jobs", "2", "--verify", "--database-url", url, "--reset"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
        assert "rollup verified against the stored rows" in done.stdout
        assert "done: 900 complaints" in done.stdout
    finally:
        import psycopg

        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
