"""Reads from a streaming read replica where a little lag does no harm.

Active when the ``replica`` database alias exists (``DATABASE_REPLICA_URL``). One mechanism
decides: a per-request state in a context variable.

- ``ReplicaMiddleware`` allows the replica for GET/HEAD requests whose path starts with one
  of ``ADUAN_REPLICA_PATHS`` (dashboards, exports, the public transparency pages).
- Code outside a request (a management command writing an export) allows it with
  ``with use_replica(): ...``.
- Everything else reads from the primary; every write goes to the primary.
- Read-your-writes: once anything is written in a request or block, its later reads go to
  the primary; and the middleware sets a cookie that keeps the browser's requests on the
  primary for ``ADUAN_REPLICA_STICKY_SECONDS`` (longer than the replica's lag), so that a
  write followed by a read of the same complaint sees it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PRIMARY = "default"
COOKIE = "aduan_primary_until"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class _State:
    replica_allowed: bool = False
    pinned: bool = False  # the browser wrote recently (cookie)
    wrote: bool = False  # something was written in this request or block


_state: ContextVar[_State | None] = ContextVar("aduan_db_state", default=None)


def replica_configured() -> bool:
    return REPLICA in connections.settings


@contextmanager
def use_replica() -> Iterator[None]:
    """Let the reads in this block go to the replica (until the block writes)."""
    token = _state.set(_State(replica_allowed=True))
    try:
        yield
    finally:
        _state.reset(token)


def reads_from_replica() -> bool:
    state = _state.get()
    return (
        state is not None
        and state.replica_allowed
        and not state.pinned
        and not state.wrote
        and replica_configured()
    )


class ReplicaRouter:
    """Django database router: reads to the replica when the current state allows it."""

    def db_for_read(self, model: Any, **hints: Any) -> str:
        return REPLICA if reads_from_replica() else PRIMARY

    def db_for_write(self, model: Any, **hints: Any) -> str:
        state = _state.get()
        if state is not None:
            state.wrote = True
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replica is a copy of the primary: same rows

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db != REPLICA


class ReplicaMiddleware:
    """Sets the request's state (see the module docstring) and the sticky cookie."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            pinned = float(request.COOKIES.get(COOKIE, "0")) > time.time()
        except ValueError:
            pinned = False
        allowed = request.method in ("GET", "HEAD") and request.path.startswith(
            tuple(settings.ADUAN_REPLICA_PATHS)
        )
        state = _State(replica_allowed=allowed, pinned=pinned)
        token = _state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _state.reset(token)
        if replica_configured() and (state.wrote or request.method not in SAFE_METHODS):
            seconds = settings.ADUAN_REPLICA_STICKY_SECONDS
            response.set_cookie(
                COOKIE,
                f"{time.time() + seconds:.0f}",
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
