"""The one check every staff page makes first: a signed-in user of a jurisdiction."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _

from aduan.accounts.models import User
from aduan.organisation.models import Jurisdiction


def staff_user(request: HttpRequest) -> User:
    """The signed-in staff user; 403 for an account not attached to a jurisdiction (the
    views are behind ``login_required``, so anonymous visitors never get here)."""
    user = request.user
    if not (isinstance(user, User) and user.jurisdiction_id):
        raise PermissionDenied(_("Akun ini belum terhubung ke yurisdiksi."))
    return user


def staff_and_jurisdiction(request: HttpRequest) -> tuple[User, Jurisdiction]:
    """``staff_user`` and the jurisdiction it works in."""
    user = staff_user(request)
    return user, user.jurisdiction  # type: ignore[return-value]  # checked by staff_user
