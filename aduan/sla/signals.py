"""Cached calendars of this process are dropped as soon as an override is saved or deleted
here; other processes notice through the version check in ``calendar_for``."""

from __future__ import annotations

from typing import Any

from aduan.sla.calendar import calendar_cache_clear


def calendar_day_changed(sender: Any, **kwargs: Any) -> None:
    calendar_cache_clear()
