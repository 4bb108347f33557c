"""Who may manage response templates and read reply quality.

Administrators manage every template of their jurisdiction; a unit head (``MembershipRole
.HEAD``) manages the templates of the units they head. Supervisors and administrators read
the reply quality of every unit; unit heads that of their own units.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from aduan.accounts.choices import Role
from aduan.lib.refcache import LocalCache
from aduan.organisation.choices import MembershipRole
from aduan.organisation.models import Unit
from aduan.replies.models import ResponseTemplate

if TYPE_CHECKING:
    from aduan.accounts.models import User

ALL = None  # every unit of the jurisdiction


def _staff(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active and user.jurisdiction_id)


def _read_headed(user: User) -> set[int]:
    return set(user.memberships.filter(role=MembershipRole.HEAD).values_list("unit_id", flat=True))


#: For the navigation links only, which every staff page shows: a unit head made or unmade
#: in another process changes the links within a minute; the pages check afresh.
_headed_for_links: LocalCache[set[int]] = LocalCache(
    "headed units (links)", seconds=60.0, invalidated_by=("organisation.Membership",)
)


def headed_unit_ids(user: User) -> set[int]:
    cached = getattr(user, "_aduan_headed_unit_ids", None)
    if cached is None:
        cached = _read_headed(user)
        user._aduan_headed_unit_ids = cached  # type: ignore[attr-defined]
    return cached


def _headed_for_navigation(user: User) -> set[int]:
    return _headed_for_links.get(user.pk, lambda: _read_headed(user))


def links(user: User) -> dict[str, bool]:
    """Which of the two pages the staff navigation links to: ``template_scope`` and
    ``quality_scope`` with the headed units read through the per-process cache."""
    return {
        "templates": template_scope(user, headed=_headed_for_navigation) != set(),
        "quality": quality_scope(user, headed=_headed_for_navigation) != set(),
    }


def template_scope(
    user: User, *, headed: Callable[[User], set[int]] = headed_unit_ids
) -> set[int] | None:
    """The unit ids whose templates the user manages (``ALL``: every one, jurisdiction-wide
    templates included); an empty set: none."""
    if not _staff(user):
        return set()
    if user.role == Role.ADMIN:
        return ALL
    return headed(user)


def can_manage_templates(user: User) -> bool:
    return template_scope(user) != set()


def templates_manageable_by(user: User) -> QuerySet[ResponseTemplate]:
    scope = template_scope(user)
    if scope == set():
        return ResponseTemplate.objects.none()
    qs = ResponseTemplate.objects.filter(jurisdiction_id=user.jurisdiction_id or -1)
    return qs if scope is ALL else qs.filter(unit_id__in=scope)


def template_units(user: User) -> QuerySet[Unit]:
    """The units a user may attach a template to."""
    scope = template_scope(user)
    qs = Unit.objects.filter(jurisdiction_id=user.jurisdiction_id or -1).exclude(kind="external")
    if scope == set():
        return qs.none()
    return qs if scope is ALL else qs.filter(id__in=scope)


def quality_scope(
    user: User, *, headed: Callable[[User], set[int]] = headed_unit_ids
) -> set[int] | None:
    """The unit ids whose reply quality the user reads (``ALL``: every one); empty: none."""
    if not _staff(user):
        return set()
    if user.role in (Role.SUPERVISOR, Role.ADMIN):
        return ALL
    return headed(user)
