"""Template context of the notifications app."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from aduan.notifications.selectors import unread_label


def bell(request: HttpRequest) -> dict[str, Any]:
    """``{"bell_unread": "3"}`` for a signed-in staff member: their unread in-app
    notifications ("" for none, "99+" beyond ``selectors.UNREAD_CAP``). One query, run only
    if a template shows the number; nothing for visitors who are not signed in."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"bell_unread": SimpleLazyObject(lambda: unread_label(user))}
