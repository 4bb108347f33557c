"""Reads of the notifications app: who to notify, and a staff member's in-app inbox."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from aduan.accounts.models import User
from aduan.notifications.choices import OutboxChannel
from aduan.notifications.models import OutboxMessage
from aduan.organisation.choices import MembershipRole

if TYPE_CHECKING:
    from aduan.organisation.models import Unit


def unit_staff(unit: Unit, *, heads_only: bool = False) -> QuerySet[User]:
    """The active members of ``unit`` (officers and heads, or only heads): the recipients
    of "new complaint in your unit", reminders and escalations."""
    qs = User.objects.filter(is_active=True, memberships__unit=unit)
    if heads_only:
        qs = qs.filter(memberships__role=MembershipRole.HEAD)
    return qs.distinct().order_by("pk")


def inapp_notifications(user: User) -> QuerySet[OutboxMessage]:
    """The user's in-app notifications, newest first, with their complaints."""
    return (
        OutboxMessage.objects.filter(recipient_user=user, channel=OutboxChannel.INAPP)
        .select_related("complaint")
        .order_by("-created_at", "-id")
    )


#: The bell counts this many unread notifications at most and shows more as "99+": an
#: officer who never opens them must not make every page count thousands of rows.
UNREAD_CAP = 99


def unread_count(user: User) -> int:
    """How many of the user's in-app notifications are unread, up to ``UNREAD_CAP + 1``
    (one indexed query that stops there)."""
    unread = OutboxMessage.objects.filter(
        recipient_user=user, channel=OutboxChannel.INAPP, read_at__isnull=True
    )
    return unread.order_by()[: UNREAD_CAP + 1].count()


def unread_label(user: User) -> str:
    """The bell's number: "" for none, "99+" beyond the cap."""
    n = unread_count(user)
    if n > UNREAD_CAP:
        return f"{UNREAD_CAP}+"
    return str(n) if n else ""
