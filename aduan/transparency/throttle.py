"""A light rate limit for public endpoints: a counter per visitor and time window in the
cache. Good enough to stop a script hammering an endpoint from one address; not a defence
against many addresses (the web server's own limits are)."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.http import HttpRequest

from aduan.transparency.services import visitor_key


def client_address(request: HttpRequest) -> str:
    """The address the request came from, as the web server reports it."""
    return str(request.META.get("REMOTE_ADDR", "") or "")


def allow(request: HttpRequest, scope: str, *, limit: int, window: int = 60) -> bool:
    """Count one request of this visitor in ``scope``; False beyond ``limit`` per ``window``
    seconds."""
    slot = int(time.time() // window)
    key = f"aduan:throttle:{scope}:{visitor_key(client_address(request))}:{slot}"
    if cache.add(key, 1, timeout=window + 1):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        return True
    return count <= limit
