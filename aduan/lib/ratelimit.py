"""Rate limits for the public doors (web form, API, Open311, WhatsApp), in Django's cache.

A sliding-window counter: the count of the current fixed window plus the previous window's
count weighted by how much of it still overlaps the last ``period`` seconds. Two cache keys
per (limit, subject), no lists of timestamps; works with the local-memory cache of a single
process and with Redis when ``CACHES`` names it (several processes then share the counts).

Limits are named in ``settings.ADUAN_RATE_LIMITS`` as ``"<count>/<period>"`` with period
``s``, ``m``, ``h`` or ``d`` (``"20/h"``); an empty value or ``0/…`` switches a limit off.
Subjects (an address, a phone number) are hashed before they become cache keys, so that no
personal data sits in the cache.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    period: int  # seconds

    @classmethod
    def parse(cls, text: str) -> Rate | None:
        """``"20/h"`` → Rate(20, 3600); ``"5/10m"`` → Rate(5, 600); empty or 0 → None."""
        match = _RATE.match(text or "")
        if match is None:
            if (text or "").strip():
                raise ValueError(f"Invalid rate {text!r}; expected e.g. '20/h' or '5/10m'.")
            return None
        count = int(match.group(1))
        period = int(match.group(2) or 1) * _UNITS[match.group(3)]
        return cls(count, period) if count > 0 else None


@dataclass(frozen=True)
class Decision:
    allowed: bool
    count: float  # the weighted count after this hit (or without it, for peek)
    limit: int
    retry_after: int  # seconds until one more request would be allowed (0 when allowed)


def rate_for(name: str) -> Rate | None:
    return _parsed(settings.ADUAN_RATE_LIMITS.get(name, ""))


@functools.lru_cache(maxsize=64)
def _parsed(text: str) -> Rate | None:
    """``Rate.parse``, once per text of the settings (a ``Rate`` does not change)."""
    return Rate.parse(text)


def _cache():
    return caches[getattr(settings, "ADUAN_RATE_LIMIT_CACHE", "default")]


def _digest(name: str, subject: str) -> str:
    return hashlib.sha256(f"{name}\0{subject}".encode()).hexdigest()[:32]


def _keyed(name: str, digest: str, window: int) -> str:
    return f"aduan:rl:{name}:{digest}:{window}"


def _key(name: str, subject: str, window: int) -> str:
    return _keyed(name, _digest(name, subject), window)


def _weighted(name: str, subject: str, rate: Rate, now: float) -> tuple[int, float, int]:
    window = int(now // rate.period)
    cache = _cache()
    values = cache.get_many([_key(name, subject, window), _key(name, subject, window - 1)])
    current = int(values.get(_key(name, subject, window)) or 0)
    previous = int(values.get(_key(name, subject, window - 1)) or 0)
    elapsed = (now % rate.period) / rate.period
    return current, previous * (1 - elapsed), window


def _retry_after(rate: Rate, current: int, previous_weighted: float, now: float) -> int:
    """Seconds until the weighted count falls below the limit again (at least 1)."""
    window_end = (int(now // rate.period) + 1) * rate.period
    if current >= rate.count:
        return max(1, math.ceil(window_end - now))
    # Only the previous window's share is in the way; it shrinks linearly to the window end.
    elapsed = (now % rate.period) / rate.period
    previous = previous_weighted / (1 - elapsed) if elapsed < 1 else 0
    if previous <= 0:
        return 1
    needed = 1 - (rate.count - current - 1e-9) / previous  # fraction of the window to pass
    return max(1, math.ceil(needed * rate.period - (now % rate.period)))


def peek(name: str, subject: str, *, now: float | None = None) -> Decision:
    """Whether one more request would be allowed, without counting one."""
    rate = rate_for(name)
    if rate is None or not subject:
        return Decision(True, 0, 0, 0)
    now = time.time() if now is None else now
    current, previous, _ = _weighted(name, subject, rate, now)
    count = current + previous
    if count + 1 > rate.count:
        return Decision(False, count, rate.count, _retry_after(rate, current, previous, now))
    return Decision(True, count, rate.count, 0)


def hit(name: str, subject: str, *, now: float | None = None) -> Decision:
    """Count one request of ``subject`` against limit ``name``; refused requests are not
    counted (a client that keeps retrying early is not locked out for longer)."""
    rate = rate_for(name)
    if rate is None or not subject:
        return Decision(True, 0, 0, 0)
    now = time.time() if now is None else now
    current, previous, window = _weighted(name, subject, rate, now)
    if current + previous + 1 > rate.count:
        return Decision(
            False, current + previous, rate.count, _retry_after(rate, current, previous, now)
        )
    key = _key(name, subject, window)
    cache = _cache()
    # Kept for two periods: the next window still weighs this one.
    if not cache.add(key, 1, timeout=rate.period * 2 + 1):
        try:
            current = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=rate.period * 2 + 1)
            current = 1
    else:
        current = 1
    return Decision(True, current + previous, rate.count, 0)


def hit_all(checks: Sequence[tuple[str, str]], *, now: float | None = None) -> Decision | None:
    """Count one request against each ``(limit, subject)`` when every one of them allows it,
    as ``peek`` on all then ``hit`` on each would; else nothing is counted and the first
    refusal (in the order given) is returned. One cache read for all the limits."""
    now = time.time() if now is None else now
    active = []
    for name, subject in checks:
        rate = rate_for(name)
        if rate is not None and subject:
            window = int(now // rate.period)
            digest = _digest(name, subject)
            active.append((rate, _keyed(name, digest, window), _keyed(name, digest, window - 1)))
    if not active:
        return None
    cache = _cache()
    values = cache.get_many([key for _, *keys in active for key in keys])
    counts = []
    for rate, key, previous_key in active:
        current = int(values.get(key) or 0)
        elapsed = (now % rate.period) / rate.period
        previous = int(values.get(previous_key) or 0) * (1 - elapsed)
        if current + previous + 1 > rate.count:
            return Decision(
                False, current + previous, rate.count, _retry_after(rate, current, previous, now)
            )
        counts.append((rate, key))
    for rate, key in counts:
        # Kept for two periods: the next window still weighs this one.
        if not cache.add(key, 1, timeout=rate.period * 2 + 1):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, timeout=rate.period * 2 + 1)
    return None


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or, behind ``ADUAN_TRUSTED_PROXIES`` reverse
    proxies, the address the outermost trusted proxy saw (from X-Forwarded-For)."""
    proxies = getattr(settings, "ADUAN_TRUSTED_PROXIES", 0)
    remote = request.META.get("REMOTE_ADDR", "") or ""
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) >= proxies:
        return forwarded[-proxies][:64]
    return remote


def retry_message(seconds: int) -> str:
    """The citizen's explanation, in Bahasa Indonesia / English."""
    minutes = max(1, math.ceil(seconds / 60))
    return (
        f"Terlalu banyak laporan dari alamat atau nomor ini. Coba lagi dalam {minutes} menit. "
        f"Laporan Anda belum terkirim. / Too many reports from this address or number; try "
        f"again in {minutes} minutes. Your report has not been sent yet."
    )
