"""The prepared cursor: the same rows as any cursor, planned once per connection."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from aduan.lib.sql import prepared_cursor

pytestmark = pytest.mark.django_db


def _select(value: int) -> int:
    with prepared_cursor(connection) as cursor:
        cast = "%s::integer" if connection.vendor == "postgresql" else "CAST(%s AS integer)"
        cursor.execute(f"SELECT {cast} + 1", [value])
        return cursor.fetchone()[0]


def test_a_prepared_statement_gives_what_any_statement_gives_and_is_logged():
    with CaptureQueriesContext(connection) as ctx:
        assert [_select(n) for n in range(4)] == [1, 2, 3, 4]
    assert len(ctx.captured_queries) == 4
    assert all("+ 1" in query["sql"] for query in ctx.captured_queries)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
def test_postgresql_plans_the_statement_once_per_connection():
    def prepared() -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [row[0] for row in cursor.fetchall()]

    before = prepared()
    for n in range(3):
        _select(n)
    kept = [sql for sql in prepared() if sql not in before]
    assert kept == ["SELECT $1::integer + 1"]
    # Django's own queries are not prepared by this: only those that ask.
    with connection.cursor() as cursor:
        for _ in range(8):
            cursor.execute("SELECT 2 + %s", [1])
    assert [sql for sql in prepared() if sql not in before] == kept


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
@override_settings(ADUAN_DB_PREPARE=False)
def test_preparing_can_be_turned_off_for_a_pooler():
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    assert _select(41) == 42
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone()[0] == 0
