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

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import F, OrderBy, Q, QuerySet

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


def _window(rows: list[Any], size: int, *, started: bool, reverse: bool) -> Window:
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
    return _window(rows, size, started=values is not None, reverse=reverse)


def read_list(
    rows: list[Any],
    ordering: Ordering,
    values: Sequence[Any] | None,
    *,
    size: int,
    reverse: bool = False,
) -> Window:
    """The same over rows already read (e.g. a complaint's timeline); every column must
    sort the same way and none may be NULL."""
    directions = {descending for _column, descending in ordering}
    if len(directions) != 1:
        raise ValueError("List pagination needs one direction for every column.")
    backwards = directions.pop() != reverse
    ordered = sorted(rows, key=lambda row: position(row, ordering), reverse=backwards)
    if values is not None:
        start = list(values)
        ordered = [
            row
            for row in ordered
            if (position(row, ordering) < start if backwards else position(row, ordering) > start)
        ]
    return _window(ordered[: size + 1], size, started=values is not None, reverse=reverse)
