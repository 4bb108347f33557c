"""Template context of the organisation app."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from aduan.organisation.models import Jurisdiction


def jurisdiction(request: HttpRequest) -> dict[str, Any]:
    """``{"jurisdiction": ...}``: the signed-in staff member's jurisdiction, else the default one.

    The default is ``settings.ADUAN_DEFAULT_JURISDICTION`` (a slug) if that jurisdiction exists
    and is active, else None. At most one query, no cache.
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "jurisdiction_id", None):
        return {"jurisdiction": user.jurisdiction}
    slug = getattr(settings, "ADUAN_DEFAULT_JURISDICTION", "")
    if not slug:
        return {"jurisdiction": None}
    return {"jurisdiction": Jurisdiction.objects.filter(slug=slug, is_active=True).first()}
