"""Sessions in the database (``SESSION_ENGINE``), each request's row read by a statement
made once per process (``aduan.lib.sql.get_by_pk``) instead of compiled by the ORM."""

from __future__ import annotations

from typing import Any

from django.contrib.sessions.backends import db
from django.utils import timezone

from aduan.lib.sql import get_by_pk


class SessionStore(db.SessionStore):
    """Django's database session store; only the read of the session's row differs, with
    the same answer: the row of the key unless it has expired."""

    def _get_session_from_db(self) -> Any:
        session = get_by_pk(self.model, self.session_key)
        if session is None or session.expire_date <= timezone.now():
            self._session_key = None
            return None
        return session
