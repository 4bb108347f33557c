"""The audit of reporters' identities: every surface that shows a reporter's name, phone or
e-mail to staff calls ``record_identity_view`` (after ``permissions.can_see_identity``);
an export calls ``record_identity_views`` once per batch of rows."""

from __future__ import annotations

from collections.abc import Iterable
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


def record_identity_views(*, user: Any, complaint_ids: Iterable[int], surface: str) -> None:
    """``record_identity_view`` for many complaints at once (an export): a fixed number of
    queries whatever the number of complaints (callers pass them in bounded batches)."""
    if not getattr(user, "is_authenticated", False):
        return
    IdentitySurface(surface)
    ids = set(complaint_ids)
    if not ids:
        return
    now = timezone.now()
    day = timezone.localdate(now)
    today = IdentityView.objects.filter(user_id=user.pk, surface=surface, day=day)
    seen = set(today.filter(complaint_id__in=ids).values_list("complaint_id", flat=True))
    if seen:
        today.filter(complaint_id__in=seen).update(count=F("count") + 1, last_seen=now)
    # A row another request created in between is left as it is (that view counts once).
    IdentityView.objects.bulk_create(
        [
            IdentityView(
                user_id=user.pk,
                complaint_id=pk,
                surface=surface,
                day=day,
                first_seen=now,
                last_seen=now,
            )
            for pk in sorted(ids - seen)
        ],
        ignore_conflicts=True,
    )
