"""Fixtures of the practice tests: the shipped scenarios, a unit head, another jurisdiction."""

from __future__ import annotations

import pytest

from conftest import PASSWORD


@pytest.fixture
def scenarios(db):
    from aduan.practice.services import scenarios_load

    scenarios_load()
    from aduan.practice.models import Scenario

    return Scenario.objects.all()


@pytest.fixture
def head_a(people):
    """Hana, head of Disdukcapil (Budi's unit)."""
    from aduan.accounts.choices import Role
    from aduan.accounts.models import User
    from aduan.organisation.choices import MembershipRole
    from aduan.organisation.models import Membership

    user = User.objects.create_user(
        username="hana",
        password=PASSWORD,
        jurisdiction=people.jurisdiction,
        role=Role.OFFICER,
        first_name="Hana",
    )
    Membership.objects.create(user=user, unit=people.unit_a, role=MembershipRole.HEAD)
    return user


@pytest.fixture
def outsider(people):
    """Omar, an administrator of another jurisdiction."""
    from aduan.accounts.choices import Role
    from aduan.accounts.models import User
    from aduan.organisation.choices import JurisdictionKind
    from aduan.organisation.models import Jurisdiction

    other = Jurisdiction.objects.create(
        slug="batang", name="Kabupaten Batang", kind=JurisdictionKind.KABUPATEN
    )
    return User.objects.create_user(
        username="omar", password=PASSWORD, jurisdiction=other, role=Role.ADMIN
    )


def login(client, user):
    client.force_login(user)
    return client
