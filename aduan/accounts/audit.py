"""The audit of reporters' identities: every surface that shows a reporter's name, phone or
e-mail to staff calls ``record_identity_view`` (after ``permissions.can_see_identity``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from aduan.accounts.models import IdentitySurface, IdentityView

if TYPE_CHECKING:
    from aduan.complaints.models import Complaint


def record_identity_view(*, user: Any, complaint: Complaint, surface: str) -> None:
    """Record that ``user`` saw the reporter of ``complaint`` on ``surface`` (one row per
    user, complaint, surface and day; later views that day count up)."""
    if not getattr(user, "is_authenticated", False):
        return
    IdentitySurface(surface)  # an unknown surface is a programming error
    now = timezone.now()
    day = timezone.localdate(now)
    key = {"user_id": user.pk, "complaint_id": complaint.pk, "surface": surface, "day": day}
    if IdentityView.objects.filter(**key).update(count=F("count") + 1, last_seen=now):
        return
    try:
        with transaction.atomic():
            IdentityView.objects.create(**key, first_seen=now, last_seen=now)
    except IntegrityError:  # another request created it in between
        IdentityView.objects.filter(**key).update(count=F("count") + 1, last_seen=now)
