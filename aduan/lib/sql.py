"""Hand-written SQL for the few reads every page makes, built once per database."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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
