"""The SLA clock in the officer's inbox and on the complaint page."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from aduan.complaints import services
from conftest import PASSWORD, at

WIB = ZoneInfo("Asia/Jakarta")
pytestmark = pytest.mark.django_db


@pytest.fixture
def three(submit, people):
    """Due Thu 5 Nov (adminduk, 3 HK), Tue 10 Nov (5 HK cap), Mon 23 Nov (jalan...)."""
    with at(2026, 11, 2, 10, 0):
        a = submit(category="adminduk").complaint
        a = services.complaint_dispose(complaint=a, actor=people.verifier, unit=people.unit_a)
        b = submit(category="bansos").complaint
        b = services.complaint_dispose(complaint=b, actor=people.verifier, unit=people.unit_a)
        c = submit(category="pendidikan").complaint
    with at(2026, 11, 4, 10, 0):
        c = services.complaint_dispose(complaint=c, actor=people.verifier, unit=people.unit_a)
    return a, b, c


def codes(response) -> list[str]:
    return [c.tracking_code for c in response.context["page"].object_list]


def test_filters_overdue_and_due_today_and_sorts_by_deadline(client, people, three):
    a, b, c = three
    client.login(username=people.officer_a.username, password=PASSWORD)
    url = reverse("complaints:inbox", args=["unit"])
    with at(2026, 11, 5, 9, 0):
        assert codes(client.get(url, {"due": "hari_ini"})) == [a.tracking_code]
        assert codes(client.get(url, {"due": "lewat"})) == []
        assert codes(client.get(url, {"sort": "batas"})) == [
            a.tracking_code,
            b.tracking_code,
            c.tracking_code,
        ]
        page = client.get(reverse("complaints:detail", args=[a.tracking_code]))
        assert "sisa 7 jam" in page.content.decode()
    with at(2026, 11, 10, 17, 0):
        assert codes(client.get(url, {"due": "lewat"})) == [b.tracking_code, a.tracking_code]
        body = client.get(url, {"sort": "batas"}).content.decode()
        assert "lewat 5 hari" in body


def test_supervisors_see_overdue_counts_per_unit_and_stage(client, people, three):
    client.login(username=people.supervisor.username, password=PASSWORD)
    with at(2026, 11, 10, 17, 0):
        page = client.get(reverse("complaints:overdue"))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Disdukcapil" in body and "Keputusan tindak lanjut oleh unit" in body
    assert page.context["total"] == 2
    client.logout()
    client.login(username=people.officer_a.username, password=PASSWORD)
    assert client.get(reverse("complaints:overdue")).status_code == 403
