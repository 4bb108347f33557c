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


def _fields(instance: object) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_a_row_by_its_key_is_the_row_the_orm_gives():
    from datetime import timedelta

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from aduan.accounts.models import User
    from aduan.lib.sql import get_by_pk

    user = User.objects.create_user(
        username="pembaca", password="rahasia-123", is_staff=True, role="verifier"
    )
    User.objects.filter(pk=user.pk).update(last_login=timezone.now())
    session = Session.objects.create(
        session_key="k" * 32, session_data="data", expire_date=timezone.now() + timedelta(hours=1)
    )
    for model, pk in ((User, user.pk), (User, str(user.pk)), (Session, session.pk)):
        found = get_by_pk(model, pk)
        expected = model.objects.get(pk=pk)
        assert _fields(found) == _fields(expected)
        assert found._state.db == expected._state.db and not found._state.adding
    assert isinstance(get_by_pk(User, user.pk).is_active, bool)  # SQLite's 0/1 converted
    assert get_by_pk(User, user.pk + 1000) is None
    assert get_by_pk(Session, "tidak-ada") is None
    with pytest.raises(ValueError):
        get_by_pk(User, "bukan-angka")


def test_first_of_is_what_first_gives():
    from aduan.accounts.models import User
    from aduan.lib.sql import first_of

    users = [
        User.objects.create_user(username=f"petugas{n}", password="x", role="officer")
        for n in range(3)
    ]
    for qs in (
        User.objects.filter(username="petugas1"),
        User.objects.filter(role="officer"),  # several: the lowest key, as ``first()``
        User.objects.filter(username="tidak-ada"),
        User.objects.filter(pk__in=[u.pk for u in users[1:]]).exclude(username="petugas1"),
        User.objects.none(),
    ):
        expected = qs.first()
        found = first_of(qs)
        assert (found and _fields(found)) == (expected and _fields(expected))
    with pytest.raises(ValueError):
        first_of(User.objects.select_related("jurisdiction"))
    with pytest.raises(ValueError):
        first_of(User.objects.only("username"))
