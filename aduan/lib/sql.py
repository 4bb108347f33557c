"""Hand-written SQL for the few statements every page or report makes, built once per
database, and the cursor that keeps their plans (PostgreSQL)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections, models, router

M = TypeVar("M", bound=models.Model)


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


def get_by_pk(model: type[M], pk: Any) -> M | None:
    """The row of ``model`` whose primary key is ``pk``, built as
    ``model._default_manager.get(pk=pk)`` builds it (every column, through the database's
    converters, from the database the router reads ``model`` from), or None when there is
    none. For the rows every request reads (its session, its user): the statement and the
    converters are made once per model and database (``_select_statement``), not compiled
    by the ORM on every call. The key goes through the field's preparation as in a filter
    (a key that is not a number raises ``ValueError`` for an integer key, as there)."""
    alias = router.db_for_read(model)
    connection = connections[alias]
    select, column = _select_statement(model, alias)
    key = model._meta.pk.get_db_prep_value(pk, connection)
    return _one(model, alias, f"{select} WHERE {column} = %s", [key])


def first_of(qs: models.QuerySet[M]) -> M | None:
    """``qs.first()`` for a queryset of a model's every column without joins, such as a
    permission-aware getter's: the same row (the lowest key among its matches) or None.
    The ORM compiles only the ids the queryset selects (its filters, one column); every
    column of the model is asked for around them by a statement made once per model and
    database (``_select_statement``), one statement in all: compiling the forty-odd
    columns of a complaint was most of the cost of reading one."""
    query = qs.query
    if query.select_related or query.deferred_loading != (frozenset(), True):
        raise ValueError("first_of reads every column of the model, without joins")
    alias = qs.db
    try:
        inner, params = qs.order_by("pk").values("pk")[:1].query.get_compiler(alias).as_sql()
    except EmptyResultSet:  # a queryset that can match nothing (``.none()``)
        return None
    select, column = _select_statement(qs.model, alias)
    return _one(qs.model, alias, f"{select} WHERE {column} IN ({inner})", params)


def _one(model: type[M], alias: str, sql: str, params: Sequence[Any]) -> M | None:
    connection = connections[alias]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    attnames, converters = _columns(model, alias)
    if converters:
        values = list(row)
        for position, (functions, expression) in converters:
            value = values[position]
            for function in functions:
                value = function(value, expression, connection)
            values[position] = value
        row = tuple(values)
    return model.from_db(alias, attnames, row)


@functools.cache
def _compiled(model: type[models.Model], alias: str) -> tuple[str, str, list[str], list[Any]]:
    """The SELECT of ``model``'s default manager (its columns in the ORM's order, without
    ordering), its primary key's quoted column, the columns' attribute names, and the
    database's converters by column position (SQLite's for booleans and datetimes; none on
    PostgreSQL). The converters depend only on the database's vendor and the settings."""
    compiler = model._default_manager.db_manager(alias).order_by().query.get_compiler(alias)
    sql, params = compiler.as_sql()
    if params:  # a default manager that filters: not what this is for
        raise ValueError(f"{model.__name__}'s default manager filters its rows")
    qn = connections[alias].ops.quote_name
    pk: Any = model._meta.pk
    column = f"{qn(model._meta.db_table)}.{qn(pk.column)}"
    columns = [expression for expression, _, _ in compiler.select]
    attnames = [expression.target.attname for expression in columns]
    converters = sorted(compiler.get_converters(columns).items())
    return sql, column, attnames, converters


def _select_statement(model: type[models.Model], alias: str) -> tuple[str, str]:
    sql, column, _, _ = _compiled(model, alias)
    return sql, column


def _columns(model: type[models.Model], alias: str) -> tuple[list[str], list[Any]]:
    _, _, attnames, converters = _compiled(model, alias)
    return attnames, converters


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
