"""The Django admin of calendar overrides goes through the same service checks."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Permission

from aduan.sla import services
from aduan.sla.models import CalendarDay
from conftest import PASSWORD

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("early_2026")]

ADD = "/admin/sla/calendarday/add/"
LIST = "/admin/sla/calendarday/"


@pytest.fixture
def root(client, django_user_model):
    user = django_user_model.objects.create_superuser("root", password=PASSWORD)
    assert client.login(username="root", password=PASSWORD)
    return user


@pytest.fixture
def jurisdiction_admin(client, people):
    """Fajar, administrator of Pekalongan, with the admin site's permissions."""
    user = people.admin
    user.is_staff = True
    user.save()
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="sla"))
    assert client.login(username=user.username, password=PASSWORD)
    return user


def form(**values):
    data = {"jurisdiction": "", "date": "2026-02-03", "kind": "local", "name": "X", "note": ""}
    data.update(values)
    return data


class CalendarDayAdminTests:
    def test_a_superuser_adds_an_installation_wide_day(self, client, root):
        response = client.post(ADD, form(kind="non_working", name="Cuti bersama tambahan"))
        assert response.status_code == 302
        row = CalendarDay.objects.get()
        assert (row.jurisdiction, row.created_by, row.kind) == (None, root, "non_working")

    def test_the_service_checks_show_as_form_errors(self, client, root):
        response = client.post(ADD, form(date="2026-03-19"))
        assert response.status_code == 200
        assert "sudah hari libur: Hari Suci Nyepi" in response.content.decode()
        assert not CalendarDay.objects.exists()

    def test_a_jurisdiction_admin_sees_only_their_days(self, client, jurisdiction_admin, batang):
        for jurisdiction, name in (
            (jurisdiction_admin.jurisdiction, "Milik kita"),
            (batang, "Libur-Batang"),
        ):
            services.calendar_day_add(
                jurisdiction=jurisdiction,
                date=date(2026, 2, 3),
                kind="local",
                name=name,
                actor=None,
            )
        services.calendar_day_add(
            jurisdiction=None,
            date=date(2026, 2, 4),
            kind="local",
            name="Libur-Instalasi",
            actor=None,
        )
        html = client.get(LIST).content.decode()
        assert "Milik kita" in html
        assert "Libur-Instalasi" not in html and "Libur-Batang" not in html

    def test_a_jurisdiction_admin_cannot_add_installation_wide(self, client, jurisdiction_admin):
        response = client.post(ADD, form())
        assert response.status_code == 200
        assert not CalendarDay.objects.exists()
        response = client.post(ADD, form(jurisdiction=jurisdiction_admin.jurisdiction_id))
        assert response.status_code == 302
        assert CalendarDay.objects.get().created_by == jurisdiction_admin

    def test_deleting_goes_through_the_service(self, client, root, pekalongan):
        row = services.calendar_day_add(
            jurisdiction=pekalongan, date=date(2026, 2, 3), kind="local", name="X", actor=None
        )
        response = client.post(f"{LIST}{row.pk}/delete/", {"post": "yes"})
        assert response.status_code == 302
        assert not CalendarDay.objects.exists()
