"""Keyset ("seek") pages: a page starts strictly after a boundary row, compared on every
ordering column, so a deep page costs what the first does (an index range, no OFFSET) and
rows added or removed meanwhile never shift, repeat or skip others.

An ordering is a sequence of ``(column, descending)`` pairs whose last column is unique
and never NULL; the columns may be annotations. A column named in ``nullable`` may hold
NULL, which sorts after every value (PostgreSQL's own default: ``NULLS LAST`` ascending,
``NULLS FIRST`` descending, so its plain indexes still serve the order).

A position is the list of a row's ordering values. How a position travels as a cursor
(signed for the API, a short URL-safe string for the web pages) is the caller's affair.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, F, OrderBy, Q, QuerySet
from django.db.models import Window as Over
from django.db.models.functions import RowNumber

Ordering = Sequence[tuple[str, bool]]


def from_names(names: Sequence[str]) -> tuple[tuple[str, bool], ...]:
    """``["-submitted_at", "id"]`` as an ordering."""
    return tuple((name.lstrip("-"), name.startswith("-")) for name in names)


def position(row: Any, ordering: Ordering) -> list[Any]:
    """The ordering values of ``row``."""
    return [getattr(row, column) for column, _descending in ordering]


def order_by(
    ordering: Ordering, *, reverse: bool = False, nullable: Collection[str] = ()
) -> list[OrderBy]:
    """ORDER BY terms, read backwards when ``reverse``. Only nullable columns say where
    NULLs go; the others stay plain so that a ``DESC`` index matches."""
    terms = []
    for column, descending in ordering:
        if descending != reverse:
            terms.append(F(column).desc(nulls_first=True if column in nullable else None))
        else:
            terms.append(F(column).asc(nulls_last=True if column in nullable else None))
    return terms


def _columns_to_the_key(qs: QuerySet, ordering: Ordering) -> list[str]:
    """The ordering's columns, which must end with the primary key (a walk and a page
    among matches return only the key of each row)."""
    columns = [column for column, _descending in ordering]
    if columns[-1] not in ("pk", qs.model._meta.pk.attname):
        raise ValueError("The ordering must end with the primary key.")
    return columns


def _order_sql(
    alias: str,
    ordering: Ordering,
    reverse: bool,
    nullable: Collection[str],
    quote: Callable[[str], str],
) -> str:
    """``order_by`` as SQL over the columns of a derived table ``alias``."""
    terms = []
    for column, descending in ordering:
        backwards = descending != reverse
        term = f"{alias}.{quote(column)} {'DESC' if backwards else 'ASC'}"
        if column in nullable:
            term += " NULLS FIRST" if backwards else " NULLS LAST"
        terms.append(term)
    return ", ".join(terms)


def seek(
    ordering: Ordering,
    values: Sequence[Any],
    *,
    reverse: bool = False,
    nullable: Collection[str] = (),
) -> Q:
    """Rows strictly after the position ``values`` in ``ordering`` (before it when
    ``reverse``).

    Each column but the last also gets a plain bound (``a <= x AND (a < x OR (a = x AND
    …))``) so that the database starts the index range there instead of filtering from
    the top."""
    (column, descending), *tail = ordering
    value, *tail_values = values
    rising = descending == reverse  # reading towards larger values (and the NULLs)
    if value is None:
        if column not in nullable or not tail:
            raise ValueError(f"{column} cannot be NULL in a position")
        equal_then_rest = Q(**{f"{column}__isnull": True}) & seek(
            tail, tail_values, reverse=reverse, nullable=nullable
        )
        if rising:  # after a NULL come only NULLs
            return equal_then_rest
        return Q(**{f"{column}__isnull": False}) | equal_then_rest
    strict = Q(**{f"{column}__{'gt' if rising else 'lt'}": value})
    if tail:
        rest = seek(tail, tail_values, reverse=reverse, nullable=nullable)
        beyond = Q(**{f"{column}__{'gte' if rising else 'lte'}": value}) & (
            strict | Q(**{column: value}) & rest
        )
    else:
        beyond = strict
    if rising and column in nullable:
        return beyond | Q(**{f"{column}__isnull": True})
    return beyond


@dataclass
class Window:
    """The rows of one page in reading order, and whether rows lie on either side."""

    rows: list[Any]
    has_next: bool
    has_previous: bool


def window(rows: list[Any], size: int, *, started: bool, reverse: bool) -> Window:
    """``rows`` read (up to ``size + 1``, in the direction of reading) from a position
    (``started``) or from the start."""
    more = len(rows) > size
    rows = rows[:size]
    if reverse:  # read backwards from a row that follows this page
        rows.reverse()
        return Window(rows, has_next=True, has_previous=more)
    return Window(rows, has_next=more, has_previous=started)


def read(
    qs: QuerySet,
    ordering: Ordering,
    values: Sequence[Any] | None,
    *,
    size: int,
    reverse: bool = False,
    nullable: Collection[str] = (),
) -> Window:
    """The page of ``qs`` just after the position ``values`` (just before it when
    ``reverse``; the first page when None). One query, for ``size + 1`` rows."""
    if values is not None:
        qs = qs.filter(seek(ordering, values, reverse=reverse, nullable=nullable))
    rows = list(qs.order_by(*order_by(ordering, reverse=reverse, nullable=nullable))[: size + 1])
    return window(rows, size, started=values is not None, reverse=reverse)


@dataclass
class Walk:
    """The primary keys of the rows a walk found, in reading order, and whether it looked
    at every row after its position (``exhausted``) or stopped at its budget or its want.
    When it stopped at its budget short of its want, ``stopped_at`` is the position of the
    last row it looked at: a later walk from there goes on where this one ended."""

    ids: list[Any]
    exhausted: bool
    stopped_at: list[Any] | None = None


def walk_statement(
    qs: QuerySet,
    condition: Q,
    ordering: Ordering,
    values: Sequence[Any] | None,
    *,
    want: int,
    budget: int,
    reverse: bool = False,
    nullable: Collection[str] = (),
) -> tuple[str, list[Any]]:
    """The SQL of ``walk`` and its parameters (rows: the ordering's columns, the last the
    primary key, then match and row number). The ordering must end with the primary key."""
    if values is not None:
        qs = qs.filter(seek(ordering, values, reverse=reverse, nullable=nullable))
    terms = order_by(ordering, reverse=reverse, nullable=nullable)
    columns = _columns_to_the_key(qs, ordering)
    inner = (
        qs.order_by(*terms)
        .annotate(
            walk_hit=ExpressionWrapper(condition, output_field=BooleanField()),
            walk_n=Over(RowNumber(), order_by=terms),
        )
        .values_list(*columns, "walk_hit", "walk_n")[: budget + 1]
    )
    sql, params = inner.query.sql_with_params()
    quote = connections[qs.db].ops.quote_name
    listed = ", ".join(f"w.{quote(column)}" for column in columns)
    # The outer ORDER BY repeats the inner one, so the database keeps the inner order
    # (no sort) and stops reading as soon as the LIMIT is met. Besides the matches it
    # returns the last row within the budget and the first beyond it, as markers.
    statement = (
        f"SELECT {listed}, w.walk_hit, w.walk_n FROM ({sql}) w "  # noqa: S608
        f"WHERE (w.walk_hit AND w.walk_n <= %s) OR w.walk_n >= %s "
        f"ORDER BY {_order_sql('w', ordering, reverse, nullable, quote)} LIMIT %s"
    )
    return statement, [*params, budget, budget, want + 2]


def walk(
    qs: QuerySet,
    condition: Q,
    ordering: Ordering,
    values: Sequence[Any] | None,
    *,
    want: int,
    budget: int,
    reverse: bool = False,
    nullable: Collection[str] = (),
) -> Walk:
    """The first ``want`` rows of ``qs`` after the position ``values`` (before it when
    ``reverse``; from the start when None) that meet ``condition``, looking at no more
    than ``budget`` rows of ``qs`` in page order. One query.

    The rows of ``qs`` are read in order (an index range, as a page reads them) with the
    condition evaluated on each as a column, and the reading stops at the ``want``-th
    match or after ``budget`` rows, whichever comes first: its cost depends on how dense
    the matches are, never on how many rows match in all. The row after the budget is
    returned as a marker (not as a match) so that a walk that ran out of budget is told
    from one that ran out of rows."""
    statement, params = walk_statement(
        qs,
        condition,
        ordering,
        values,
        want=want,
        budget=budget,
        reverse=reverse,
        nullable=nullable,
    )
    with connections[qs.db].cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    ids = [row[-3] for row in rows if row[-2] and row[-1] <= budget][:want]
    beyond = any(row[-1] > budget for row in rows)
    stopped_at = None
    if beyond and len(ids) < want:
        last = next(row for row in rows if row[-1] == budget)
        stopped_at = _as_read(qs, _columns_to_the_key(qs, ordering), list(last[:-2]))
    return Walk(ids=ids, exhausted=len(ids) < want and not beyond, stopped_at=stopped_at)


def _as_read(qs: QuerySet, columns: list[str], values: list[Any]) -> list[Any]:
    """Column values from a raw cursor, converted as the ORM converts them (SQLite gives
    datetimes as text); a column that is not a field (an annotation) is read again by key."""
    connection = connections[qs.db]
    opts = qs.model._meta
    converted = []
    for column, value in zip(columns, values, strict=True):
        try:
            field = opts.pk if column == "pk" else opts.get_field(column)
        except FieldDoesNotExist:
            row = qs.order_by().filter(pk=values[-1]).values_list(*columns).get()
            return list(row)
        expression = field.get_col(opts.db_table)
        converters = connection.ops.get_db_converters(expression)
        converters += expression.get_db_converters(connection)
        for converter in converters:
            value = converter(value, expression, connection)
        converted.append(value)
    return converted


@dataclass
class Among:
    """What ``among`` found: how many rows matched (up to its cap and one more), and the
    primary keys of the page's rows among them, in reading order, with one more when a row
    follows (``size + 1`` at most)."""

    count: int
    ids: list[Any]


def among_statement(
    qs: QuerySet,
    ordering: Ordering,
    values: Sequence[Any] | None,
    *,
    size: int,
    cap: int,
    reverse: bool = False,
    nullable: Collection[str] = (),
) -> tuple[str, list[Any]]:
    """The SQL of ``among`` and its parameters (rows: the count, a primary key or NULL).
    The ordering must end with the primary key."""
    columns = _columns_to_the_key(qs, ordering)
    after = (
        seek(ordering, values, reverse=reverse, nullable=nullable) if values is not None else None
    )
    inner = qs.order_by()
    if after is not None:
        inner = inner.annotate(among_after=ExpressionWrapper(after, output_field=BooleanField()))
    picked = [*columns, "among_after"] if after is not None else columns
    sql, params = inner.values_list(*picked)[: cap + 1].query.sql_with_params()
    quote = connections[qs.db].ops.quote_name
    listed = ", ".join(f"m.{quote(column)}" for column in columns)
    where = "WHERE m.among_after " if after is not None else ""
    # The matches are found first, in whatever order the database finds cheapest (an
    # index that starts with the filtered columns, the GIN index of a search), and kept
    # (MATERIALIZED: never folded into the page's query, where the planner might walk the
    # ordering's index past rows that all fail the filter); then counted, and the page is
    # sorted among them. The LEFT JOIN keeps the count when no row follows the position.
    statement = (
        f"WITH m AS MATERIALIZED ({sql}) "  # noqa: S608 - our own compiled query
        f"SELECT n.c, p.{quote(columns[-1])} FROM (SELECT COUNT(*) AS c FROM m) n "
        f"LEFT JOIN (SELECT {listed} FROM m {where}"
        f"ORDER BY {_order_sql('m', ordering, reverse, nullable, quote)} LIMIT %s) p "
        f"ON 1 = 1 ORDER BY {_order_sql('p', ordering, reverse, nullable, quote)}"
    )
    return statement, [*params, size + 1]


def among(
    qs: QuerySet,
    ordering: Ordering,
    values: Sequence[Any] | None,
    *,
    size: int,
    cap: int,
    reverse: bool = False,
    nullable: Collection[str] = (),
) -> Among:
    """At most ``cap + 1`` rows of ``qs``, found in whatever order is cheapest, counted,
    and among them the ``size + 1`` just after the position ``values`` (just before it
    when ``reverse``; from the start when None), in one query: the page chosen and
    sorted by the database, only its keys returned. When the count passes ``cap`` the
    page is among those rows only, not the whole of ``qs``: read it with ``read``."""
    try:
        statement, params = among_statement(
            qs, ordering, values, size=size, cap=cap, reverse=reverse, nullable=nullable
        )
    except EmptyResultSet:  # a filter that can match nothing (an empty list of units)
        return Among(count=0, ids=[])
    with connections[qs.db].cursor() as cursor:
        cursor.execute(statement, params)
        rows = cursor.fetchall()
    count = rows[0][0] if rows else 0
    return Among(count=count, ids=[pk for _count, pk in rows if pk is not None])


def compare(a: Sequence[Any], b: Sequence[Any], ordering: Ordering) -> int:
    """-1, 0 or 1 as the position ``a`` comes before, at or after ``b`` in ``ordering``,
    with NULL after every value of its column read ascending (before it descending), as
    ``order_by`` asks the database for."""
    for (_column, descending), x, y in zip(ordering, a, b, strict=True):
        if x == y:
            continue
        if x is None or y is None:
            rank = 1 if x is None else -1
        else:
            rank = -1 if x < y else 1
        return -rank if descending else rank
    return 0


def read_list(
    rows: list[Any],
    ordering: Ordering,
    values: Sequence[Any] | None,
    *,
    size: int,
    reverse: bool = False,
) -> Window:
    """The same as ``read`` over rows already in memory (e.g. a complaint's timeline)."""
    by_position = functools.cmp_to_key(
        lambda a, b: compare(a[0], b[0], ordering)  # type: ignore[index]
    )
    keyed = sorted(
        ((position(row, ordering), row) for row in rows), key=by_position, reverse=reverse
    )
    if values is not None:
        start = list(values)
        side = -1 if reverse else 1
        keyed = [pair for pair in keyed if compare(pair[0], start, ordering) == side]
    return window(
        [row for _key, row in keyed[: size + 1]], size, started=values is not None, reverse=reverse
    )
