"""The lockout backend: django-axes' standalone backend, which only counts failed logins and
refuses a locked-out username + address pair; ``UserBackend`` after it checks the password
and reads the user of every request."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from aduan.lib.sql import get_by_pk


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


class UserBackend(ModelBackend):
    """Django's ``ModelBackend`` (password check, permissions), except that the user of each
    request is read by a statement made once per process (``aduan.lib.sql.get_by_pk``), not
    compiled by the ORM: the same user, or None for a missing or inactive one."""

    def get_user(self, user_id: Any) -> Any:
        user = get_by_pk(get_user_model(), user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
