"""The staff navigation's links, rendered once per role and language (``staff_links``)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def nav_links(client, user, language: str = "id") -> list[str]:
    client.force_login(user)
    client.cookies["django_language"] = language
    html = client.get(reverse("complaints:workspace"), follow=True).content.decode()
    nav = html[html.index("<nav>") : html.index("</nav>")]
    return re.findall(r'<a href="([^"]+)"', nav)


def test_each_role_sees_its_own_links_whoever_came_first(client, people):
    officer = nav_links(client, people.officer_a)
    verifier = nav_links(client, people.verifier)
    admin = nav_links(client, people.admin)
    again = nav_links(client, people.officer_a)
    assert again == officer
    planning, export = reverse("complaints:planning"), reverse("privacy:export")
    audit = reverse("accounts:identity_audit")
    assert planning not in officer and export not in officer and audit not in officer
    assert planning in verifier and export in verifier and audit not in verifier
    assert audit in admin and reverse("replies:templates") in admin
    assert reverse("replies:templates") not in verifier


def test_the_links_follow_the_language(client, people):
    client.force_login(people.verifier)
    client.cookies["django_language"] = "id"
    indonesian = client.get(reverse("complaints:workspace"), follow=True).content.decode()
    client.cookies["django_language"] = "en"
    english = client.get(reverse("complaints:workspace"), follow=True).content.decode()
    assert ">Ruang kerja</a>" in indonesian and ">Ruang kerja</a>" not in english
    assert ">Kalender kerja</a>" in indonesian and ">Kalender kerja</a>" not in english


def test_a_unit_head_gets_the_reply_pages(client, people):
    from aduan.organisation.choices import MembershipRole
    from aduan.organisation.models import Membership

    before = nav_links(client, people.officer_b)
    membership = Membership.objects.get(user=people.officer_b)
    membership.role = MembershipRole.HEAD
    membership.save()  # a saved membership empties the navigation's cache of unit heads
    after = nav_links(client, people.officer_b)
    assert reverse("replies:templates") not in before
    assert reverse("replies:templates") in after
