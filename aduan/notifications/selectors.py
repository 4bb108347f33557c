"""Reads of the notifications app: who to notify, and a staff member's in-app inbox."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from django.db import connections
from django.db.models import QuerySet

from aduan.accounts.models import User
from aduan.lib.sql import fetch_one
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
    (one query on the partial index of unread in-app rows, that stops there). Asked on every
    staff page, so its SQL is built once per process rather than compiled by the ORM each
    time; ``test_unread_count_matches_the_orm`` holds it to the ORM's answer."""
    row = fetch_one(OutboxMessage, _unread_sql, [user.pk, UNREAD_CAP + 1])
    return int(row[0]) if row else 0


@functools.cache
def _unread_sql(alias: str) -> str:
    qn = connections[alias].ops.quote_name
    meta = OutboxMessage._meta
    # Only quoted names of the model and the channel's code constant go into the text (the
    # constant as a literal, so that the partial index's condition is seen to hold).
    channel = OutboxChannel.INAPP.value
    assert channel.isalnum()  # noqa: S101 - a code constant, never input
    return (
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {qn(meta.db_table)}"  # noqa: S608
        f" WHERE {qn(meta.get_field('recipient_user').column)} = %s"
        f" AND {qn(meta.get_field('channel').column)} = '{channel}'"
        f" AND {qn(meta.get_field('read_at').column)} IS NULL LIMIT %s) AS unread"
    )


def unread_label(user: User) -> str:
    """The bell's number: "" for none, "99+" beyond the cap."""
    n = unread_count(user)
    if n > UNREAD_CAP:
        return f"{UNREAD_CAP}+"
    return str(n) if n else ""
