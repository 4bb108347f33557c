"""Reads of the practice app: who trains whom, and each officer's progress."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from aduan.accounts.choices import Role
from aduan.organisation.choices import MembershipRole
from aduan.organisation.models import Membership
from aduan.practice.models import Assignment, Attempt, Scenario

if TYPE_CHECKING:
    from aduan.accounts.models import User

#: Roles that see and train every staff member of their jurisdiction.
WIDE_TRAINERS = (Role.ADMIN, Role.SUPERVISOR)


def headed_unit_ids(user: User) -> set[int]:
    return set(
        Membership.objects.filter(user=user, role=MembershipRole.HEAD).values_list(
            "unit_id", flat=True
        )
    )


def is_trainer(user: User) -> bool:
    """Unit heads, supervisors and administrators of a jurisdiction assign and follow."""
    if not (user.is_authenticated and user.is_active and user.jurisdiction_id):
        return False
    return user.role in WIDE_TRAINERS or bool(headed_unit_ids(user))


def trainees(user: User) -> QuerySet:
    """The staff whose practice ``user`` may follow: a head's unit members; everyone of the
    jurisdiction for supervisors and administrators; nobody for the others."""
    users = get_user_model().objects.filter(is_active=True)
    if not is_trainer(user):
        return users.none()
    users = users.filter(jurisdiction=user.jurisdiction)
    if user.role in WIDE_TRAINERS:
        return users.exclude(pk=user.pk).order_by("first_name", "username")
    units = headed_unit_ids(user)
    return (
        users.filter(memberships__unit_id__in=units)
        .exclude(pk=user.pk)
        .distinct()
        .order_by("first_name", "username")
    )


def can_train(trainer: User, officer: User) -> bool:
    return trainees(trainer).filter(pk=officer.pk).exists()


def can_view_progress(viewer: User, officer: User) -> bool:
    """An officer sees their own progress; a trainer sees their trainees'."""
    if not (viewer.is_authenticated and viewer.jurisdiction_id):
        return False
    if viewer.pk == officer.pk:
        return True
    return can_train(viewer, officer)


@dataclass
class Progress:
    """One officer's practice in numbers."""

    user: User
    attempts: int = 0
    best: dict[int, int] = field(default_factory=dict)  # scenario id -> best score
    passed: set[int] = field(default_factory=set)  # scenario ids with an acceptable reply
    flaw_counts: Counter = field(default_factory=Counter)

    @property
    def practised(self) -> int:
        return len(self.best)

    @property
    def best_average(self) -> int | None:
        return round(sum(self.best.values()) / len(self.best)) if self.best else None

    @property
    def recurring(self) -> list[tuple[str, int]]:
        """Flaws seen in at least two attempts, most frequent first."""
        return [(code, n) for code, n in self.flaw_counts.most_common() if n >= 2]


def progress_for(users: list[User]) -> dict[int, Progress]:
    """Progress of each user, in one query over their attempts."""
    result = {u.pk: Progress(user=u) for u in users}
    rows = Attempt.objects.filter(user_id__in=result).values_list(
        "user_id", "scenario_id", "score", "acceptable", "flaws"
    )
    for user_id, scenario_id, score, acceptable, flaws in rows:
        p = result[user_id]
        p.attempts += 1
        p.best[scenario_id] = max(score, p.best.get(scenario_id, 0))
        if acceptable:
            p.passed.add(scenario_id)
        p.flaw_counts.update(flaws or [])
    return result


def assignments_of(user: User) -> list[Assignment]:
    return list(
        Assignment.objects.filter(officer=user)
        .select_related("scenario_set", "assigned_by")
        .prefetch_related("scenario_set__scenarios")
    )


def active_scenarios() -> QuerySet:
    return Scenario.objects.filter(is_active=True)
