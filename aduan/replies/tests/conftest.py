"""Fixtures of the replies tests: a head of unit A, complaints at each privacy level in
unit A, and another jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from aduan.accounts.choices import Role
from aduan.accounts.models import User
from aduan.complaints import services
from aduan.complaints.models import Complaint
from aduan.organisation.choices import MembershipRole
from aduan.organisation.models import Jurisdiction, Membership, Unit
from conftest import PASSWORD


@dataclass
class Cases:
    biasa: Complaint
    anonim: Complaint
    rahasia: Complaint


def in_unit_a(people, result) -> Complaint:
    return services.complaint_dispose(
        complaint=result.complaint, actor=people.verifier, unit=people.unit_a
    )


@pytest.fixture
def cases(people, submit) -> Cases:
    return Cases(
        biasa=in_unit_a(people, submit()),
        anonim=in_unit_a(
            people, submit(privacy="anonim", reporter_name="Wawan Anonim", reporter_phone="")
        ),
        rahasia=in_unit_a(
            people,
            submit(privacy="rahasia", reporter_name="Rahmat Rahasia", reporter_phone=""),
        ),
    )


@pytest.fixture
def head_a(people) -> User:
    """Gita, head of Disdukcapil (unit A)."""
    user = User.objects.create_user(
        username="gita",
        password=PASSWORD,
        jurisdiction=people.jurisdiction,
        role=Role.OFFICER,
        first_name="Gita",
    )
    Membership.objects.create(user=user, unit=people.unit_a, role=MembershipRole.HEAD)
    return user


@pytest.fixture
def elsewhere(db) -> tuple[Jurisdiction, User]:
    """Another government with its own administrator."""
    other = Jurisdiction.objects.create(slug="batang", name="Kabupaten Batang", kind="kabupaten")
    Unit.objects.create(jurisdiction=other, code="dinas", name="Dinas", short_name="D", kind="opd")
    admin = User.objects.create_user(
        username="hadi", password=PASSWORD, jurisdiction=other, role=Role.ADMIN
    )
    return other, admin
