"""Who may see and do what with a complaint. Services and selectors ask here; templates only
hide what these functions already refuse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aduan.accounts.choices import Role
from aduan.complaints.choices import (
    ACTION_STATUSES,
    SPAM_HELD_ACTIONS,
    VERIFIER_STATUSES,
    ComplaintStatus,
    Privacy,
)

if TYPE_CHECKING:
    from aduan.accounts.models import User
    from aduan.complaints.models import Complaint

S = ComplaintStatus


def unit_ids(user: User) -> set[int]:
    """The units a staff user works in (cached on the user object for the request)."""
    cached = getattr(user, "_aduan_unit_ids", None)
    if cached is None:
        cached = set(user.memberships.values_list("unit_id", flat=True))
        user._aduan_unit_ids = cached  # type: ignore[attr-defined]
    return cached


def is_staff_of(user: User, complaint: Complaint) -> bool:
    return (
        user.is_authenticated
        and user.is_active
        and user.jurisdiction_id is not None
        and user.jurisdiction_id == complaint.jurisdiction_id
    )


def can_view(user: User, complaint: Complaint) -> bool:
    if not is_staff_of(user, complaint):
        return False
    if user.reads_everything:
        return True
    return complaint.unit_id is not None and complaint.unit_id in unit_ids(user)


def can_see_identity(user: User, complaint: Complaint) -> bool:
    """Verifiers see every reporter; the handling unit sees biasa and rahasia reporters,
    never anonim ones; supervisors and TAPD do not need identities."""
    if not can_view(user, complaint):
        return False
    if user.is_verifier:
        return True
    if complaint.privacy == Privacy.ANONIM:
        return False
    return complaint.unit_id is not None and complaint.unit_id in unit_ids(user)


def can_verify(user: User, complaint: Complaint) -> bool:
    return is_staff_of(user, complaint) and user.is_verifier


def can_work(user: User, complaint: Complaint) -> bool:
    """Officers of the handling unit (and administrators) act on a disposed complaint."""
    if not is_staff_of(user, complaint):
        return False
    if user.role == Role.ADMIN:
        return True
    if user.role not in (Role.OFFICER, Role.VERIFIER):
        return False
    return complaint.unit_id is not None and complaint.unit_id in unit_ids(user)


def can_decide_tapd(user: User, complaint: Complaint) -> bool:
    return is_staff_of(user, complaint) and user.role in (Role.TAPD, Role.ADMIN)


#: The order in which the workspace offers actions.
STAFF_ACTIONS = [
    "release_spam",
    "dispose",
    "request_info",
    "hold",
    "refer",
    "archive",
    "start",
    "follow_up",
    "resolve",
    "flag_tapd",
    "forward",
    "merge",
    "note",
]
VERIFIER_ACTIONS = frozenset({"dispose", "hold", "refer", "archive", "merge", "release_spam"})
UNIT_ACTIONS = frozenset({"start", "follow_up", "flag_tapd", "resolve"})


def may(user: User, complaint: Complaint, action: str) -> bool:
    """Whether the user's role and units allow ``action`` on this complaint (the status is
    checked separately by ``choices.check_action``)."""
    if action in VERIFIER_ACTIONS:
        return can_verify(user, complaint)
    if action in UNIT_ACTIONS:
        return can_work(user, complaint)
    if action == "request_info":
        if complaint.status in VERIFIER_STATUSES:
            return can_verify(user, complaint)
        return can_work(user, complaint)
    if action in ("forward", "note"):
        return can_work(user, complaint) or can_verify(user, complaint)
    return False


def available_actions(user: User, complaint: Complaint) -> list[str]:
    """The actions the user may take now, in the order the page shows them."""
    return [
        action
        for action in STAFF_ACTIONS
        if complaint.status in ACTION_STATUSES[action]
        and not (action == "flag_tapd" and complaint.needs_tapd)
        and spam_allows(complaint, action)
        and may(user, complaint, action)
    ]


def spam_allows(complaint: Complaint, action: str) -> bool:
    """A complaint held as spam is released, archived or annotated, nothing else; release
    applies only to held ones."""
    if complaint.held_as_spam:
        return action in SPAM_HELD_ACTIONS
    return action != "release_spam"
