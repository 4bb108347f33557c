"""The current moment as the services see it.

``now()`` is ``django.utils.timezone.now()`` unless code runs inside ``at(moment)``: the demo
loader uses that to replay a complaint's history at the moments it planned, through the same
services, so that every stamp and SLA clock is what it would have been.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from django.utils import timezone

_override: ContextVar[datetime | None] = ContextVar("aduan_clock", default=None)


def now() -> datetime:
    return _override.get() or timezone.now()


@contextmanager
def at(moment: datetime) -> Iterator[None]:
    token = _override.set(moment)
    try:
        yield
    finally:
        _override.reset(token)
