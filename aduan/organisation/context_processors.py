"""Template context of the organisation app."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from aduan.accounts.models import User
from aduan.organisation.selectors import active_jurisdiction


def jurisdiction(request: HttpRequest) -> dict[str, Any]:
    """``{"jurisdiction": ...}``: the signed-in staff member's jurisdiction, else the default one.

    The default is ``settings.ADUAN_DEFAULT_JURISDICTION`` (a slug) if that jurisdiction exists
    and is active, else None. Read through the per-process reference cache
    (``selectors.active_jurisdiction``): no query on most pages.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "jurisdiction_id", None):
        if not User.jurisdiction.is_cached(user):
            cached = active_jurisdiction(user.jurisdiction_id)
            if cached is not None:
                user.jurisdiction = cached
        return {"jurisdiction": user.jurisdiction}
    slug = getattr(settings, "ADUAN_DEFAULT_JURISDICTION", "")
    if not slug:
        return {"jurisdiction": None}
    return {"jurisdiction": active_jurisdiction(slug=slug)}
