"""The lockout backend: django-axes' standalone backend, which only counts failed logins and
refuses a locked-out username + address pair; ModelBackend after it checks the password."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LockoutBackend(AxesStandaloneBackend):
    """Every login over the web passes its request, and is counted. ``authenticate()``
    without a request (code that checks a password itself, such as the test client's
    ``login``) has no address to count against and is left to the next backend."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> None:
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
