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


def unread_count(user: User) -> int:
    """How many of the user's in-app notifications are unread (one indexed query)."""
    return OutboxMessage.objects.filter(
        recipient_user=user, channel=OutboxChannel.INAPP, read_at__isnull=True
    ).count()
