"""Reference data kept in the process for a short while: areas, categories, routing rules,
webhook subscriptions, the working calendar's version.

Every submission reads the same few rows of reference data; reading them from the database
each time was most of an intake's queries. A ``LocalCache`` keeps a value per key for
``seconds``; a save or delete of one of its ``invalidated_by`` models (signals) empties it at
once in this process, other processes see the change after at most ``seconds``. A
``QuerySet.update`` sends no signal: call ``clear_all()`` after one (the tests clear every
cache before each test). What is read after a change inside an atomic block is dropped
again once that block ends, so that a rollback leaves nothing stale behind.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from typing import Any, ClassVar, Generic, TypeVar

from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save

T = TypeVar("T")


def _clock() -> float:
    return time.monotonic()


class LocalCache(Generic[T]):
    """Values per key for ``seconds``, emptied when a model named in ``invalidated_by``
    ("app_label.ModelName") is saved or deleted in this process."""

    _by_label: ClassVar[dict[str, list[LocalCache[Any]]]] = {}
    _all: ClassVar[list[LocalCache[Any]]] = []

    def __init__(self, name: str, *, seconds: float, invalidated_by: Iterable[str]) -> None:
        self.name = name
        self.seconds = seconds
        self._values: dict[Hashable, tuple[float, T]] = {}
        self._lock = threading.Lock()
        #: Changes to this cache's models inside atomic blocks that may still roll back:
        #: (alias, savepoint ids of the blocks around the change when it was made).
        self._pending: list[tuple[str, tuple[str | None, ...]]] = []
        for label in invalidated_by:
            LocalCache._by_label.setdefault(label.lower(), []).append(self)
        LocalCache._all.append(self)

    def changed_in_transaction(self, alias: str) -> None:
        self._pending.append((alias, tuple(connections[alias].savepoint_ids)))

    def _settle(self) -> None:
        """Drop what was read since a change whose atomic block has ended: released into
        the enclosing block (the change is still pending there) or rolled back (what was
        read never existed); either way the values go, and the change stays pending in the
        blocks still open around it, until the transaction ends."""
        pending = []
        ended = False
        for alias, ids in self._pending:
            connection = connections[alias]
            if not connection.in_atomic_block:
                ended = True
                continue
            now = tuple(connection.savepoint_ids)
            common = 0
            while common < min(len(ids), len(now)) and ids[common] == now[common]:
                common += 1
            if common < len(ids):
                ended = True
            pending.append((alias, ids[:common]))
        self._pending = pending
        if ended:
            self.clear()

    def get(self, key: Hashable, load: Callable[[], T]) -> T:
        if self._pending:
            self._settle()
        now = _clock()
        hit = self._values.get(key)
        if hit is not None and now - hit[0] < self.seconds:
            return hit[1]
        value = load()
        with self._lock:
            self._values[key] = (now, value)
        return value

    def discard(self, key: Hashable) -> None:
        """Forget one key (a value not worth keeping, such as a failed look-up)."""
        with self._lock:
            self._values.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


def clear_all() -> None:
    """Empty every cache of this process."""
    for cache in LocalCache._all:
        cache.clear()
        cache._pending.clear()


def _changed(sender: Any, using: str = "default", **kwargs: Any) -> None:
    meta = getattr(sender, "_meta", None)
    for cache in LocalCache._by_label.get(meta.label_lower, ()) if meta is not None else ():
        cache.clear()
        if connections[using].in_atomic_block:
            cache.changed_in_transaction(using)
            transaction.on_commit(cache.clear, using=using)  # for the other threads' reads


post_save.connect(_changed, dispatch_uid="aduan.lib.refcache.saved")
post_delete.connect(_changed, dispatch_uid="aduan.lib.refcache.deleted")
