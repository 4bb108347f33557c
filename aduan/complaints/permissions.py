"""Who may see and do what with a complaint. Services and selectors ask here; templates only
hide what these functions already refuse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aduan.accounts.choices import Role
from aduan.complaints.choices import (
    UNIT_STATUSES,
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
        user.is_authenticated and user.is_active
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


def can_forward(user: User, complaint: Complaint) -> bool:
    return can_work(user, complaint) or can_verify(user, complaint)


def can_add_note(user: User, complaint: Complaint) -> bool:
    return can_work(user, complaint) or can_verify(user, complaint)


def available_actions(user: User, complaint: Complaint) -> list[str]:
    """Names of the actions the user may take now, in the order the page shows them."""
    status = complaint.status
    actions: list[str] = []
    if can_verify(user, complaint) and status in VERIFIER_STATUSES:
        actions += ["dispose", "request_info", "hold", "refer", "archive", "merge"]
        if status == S.DITUNDA:
            actions.remove("hold")
    if status in UNIT_STATUSES or status == S.DIBUKA_KEMBALI:
        if can_work(user, complaint):
            if status in (S.DIDISPOSISIKAN, S.DIBUKA_KEMBALI, S.DITINDAKLANJUTI):
                actions.append("start")
            if status != S.DITINDAKLANJUTI:
                actions.append("request_info")
            actions.append("follow_up")
            if status == S.DITINDAKLANJUTI:
                actions.append("resolve")
            if not complaint.needs_tapd:
                actions.append("flag_tapd")
        if can_forward(user, complaint) and status != S.DITINDAKLANJUTI:
            actions.append("forward")
        if can_verify(user, complaint) and status != S.DITINDAKLANJUTI:
            actions.append("merge")
    if not complaint.is_closed and can_add_note(user, complaint):
        actions.append("note")
    return actions
