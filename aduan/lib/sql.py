"""Hand-written SQL for the few statements every page or report makes, built once per
database, and the cursor that keeps their plans (PostgreSQL)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.db import connections, models, router


def fetch_one(
    model: type[models.Model], sql_for: Callable[[str], str], params: Sequence[Any]
) -> tuple[Any, ...] | None:
    """The first row of the SQL ``sql_for(alias)`` gives for the database ``model`` is read
    from, with ``params``. ``sql_for`` is meant to be cached per alias
    (``functools.cache``): the text is built once per process instead of compiled by the ORM
    on every request, and only quoted names and code constants go into it."""
    alias = router.db_for_read(model)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql_for(alias), params)
        return cursor.fetchone()


def prepared_cursor(connection: Any) -> Any:
    """A cursor of ``connection`` whose statements PostgreSQL plans once per connection and
    keeps (prepared statements) instead of parsing and planning them on every execution;
    elsewhere, or with ``ADUAN_DB_PREPARE`` off, the usual cursor.

    For statements run on every request whose planning costs more than their work, such as
    the intake's insert of a queued report (docs/performance.md, "Prepared intake
    statements"). Parameters are sent apart from the text (server-side binding), so the
    text must give each parameter's type where PostgreSQL cannot infer it. A pooler in
    transaction mode must keep prepared statements (PgBouncer 1.21 and newer, with
    ``max_prepared_statements``), or the setting be off. Django's query log and execute
    wrappers see these statements as any other."""
    if connection.vendor != "postgresql" or not settings.ADUAN_DB_PREPARE:
        return connection.cursor()
    connection.ensure_connection()
    raw_connection = connection.connection
    if raw_connection.prepare_threshold is None:
        # Django turns preparing off (for poolers); a threshold no statement reaches turns
        # it on for the statements that ask, and for no other.
        raw_connection.prepare_threshold = NEVER_BY_COUNT
    raw = _prepared_cursor_class()(raw_connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(raw)
    return connection.make_cursor(raw)


#: psycopg's count of executions after which any statement is prepared, set so high that
#: only ``prepared_cursor``'s statements are.
NEVER_BY_COUNT = 2**62


@functools.cache
def _prepared_cursor_class() -> type:
    from django.db.backends.postgresql.base import (  # type: ignore[attr-defined]
        ServerBindingCursor,
    )

    class PreparedCursor(ServerBindingCursor):
        def _maybe_prepare_gen(self, pgq: Any, *, prepare: Any = None, binary: Any = None) -> Any:
            # Every statement prepared; and the query kept where Django's query log reads
            # it (psycopg keeps it only for statements it does not prepare).
            self._query = pgq
            return super()._maybe_prepare_gen(pgq, prepare=True, binary=binary)

    return PreparedCursor
