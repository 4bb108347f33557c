"""Reference data kept in the process for a short while: areas, categories, routing rules,
webhook subscriptions, the working calendar's version.

Every submission reads the same few rows of reference data; reading them from the database
each time was most of an intake's queries. A ``LocalCache`` keeps a value per key for
``seconds``; a save or delete of one of its ``invalidated_by`` models (signals) empties it at
once in this process, other processes see the change after at most ``seconds``. A
``QuerySet.update`` sends no signal: call ``clear_all()`` after one (the tests clear every
cache before each test). While a change is inside an open transaction, the process reads
afresh without keeping what it read, so that a rollback leaves nothing stale behind.
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
        #: Database aliases with a change to this cache's models in an open transaction:
        #: until it ends, values are loaded but not kept (it may still roll back).
        self._unsettled: set[str] = set()
        for label in invalidated_by:
            LocalCache._by_label.setdefault(label.lower(), []).append(self)
        LocalCache._all.append(self)

    def get(self, key: Hashable, load: Callable[[], T]) -> T:
        if self._unsettled:
            if any(connections[alias].in_atomic_block for alias in self._unsettled):
                return load()
            self._unsettled.clear()  # committed (cleared on commit) or rolled back
            self.clear()
        now = _clock()
        hit = self._values.get(key)
        if hit is not None and now - hit[0] < self.seconds:
            return hit[1]
        value = load()
        with self._lock:
            self._values[key] = (now, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


def clear_all() -> None:
    """Empty every cache of this process."""
    for cache in LocalCache._all:
        cache.clear()
        cache._unsettled.clear()


def _changed(sender: Any, using: str = "default", **kwargs: Any) -> None:
    meta = getattr(sender, "_meta", None)
    for cache in LocalCache._by_label.get(meta.label_lower, ()) if meta is not None else ():
        cache.clear()
        if connections[using].in_atomic_block:
            cache._unsettled.add(using)
            transaction.on_commit(cache.clear, using=using)  # for the other threads' reads


post_save.connect(_changed, dispatch_uid="aduan.lib.refcache.saved")
post_delete.connect(_changed, dispatch_uid="aduan.lib.refcache.deleted")
