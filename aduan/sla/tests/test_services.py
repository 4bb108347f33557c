"""Adding and removing calendar overrides: who may, and what is refused."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from aduan.lib.workdays import Source
from aduan.sla import services
from aduan.sla.choices import DaySource
from aduan.sla.models import CalendarDay
from aduan.sla.services import CalendarInputError

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("early_2026")]


def add(**kwargs):
    values: dict[str, Any] = {
        "date": date(2026, 2, 3),
        "kind": "local",
        "name": "Hari Jadi",
        "actor": None,
    }
    values.update(kwargs)
    return services.calendar_day_add(**values)


def test_day_sources_label_every_calendar_source():
    assert set(DaySource.values) == {s.value for s in Source}


class CalendarDayAddTests:
    def test_it_records_who_added_the_day(self, people):
        row = add(jurisdiction=people.jurisdiction, actor=people.admin, note="Perda 1/2020")
        assert row.created_by == people.admin
        assert (row.kind, row.name, row.note) == ("local", "Hari Jadi", "Perda 1/2020")

    def test_a_verifier_may_add(self, people):
        assert add(jurisdiction=people.jurisdiction, actor=people.verifier).pk

    @pytest.mark.parametrize("persona", ["officer_a", "supervisor", "tapd"])
    def test_other_roles_may_not(self, people, persona):
        with pytest.raises(PermissionDenied):
            add(jurisdiction=people.jurisdiction, actor=getattr(people, persona))
        assert not CalendarDay.objects.exists()

    def test_an_admin_may_not_edit_another_jurisdiction(self, people, batang):
        with pytest.raises(PermissionDenied):
            add(jurisdiction=batang, actor=people.admin)

    def test_only_a_superuser_sets_installation_wide_days(self, people, django_user_model):
        with pytest.raises(PermissionDenied):
            add(jurisdiction=None, actor=people.admin)
        root = django_user_model.objects.create_superuser("root", password="x")  # noqa: S106
        assert add(jurisdiction=None, actor=root).jurisdiction is None

    def test_a_name_is_required_for_a_holiday(self, pekalongan):
        with pytest.raises(CalendarInputError) as caught:
            add(jurisdiction=pekalongan, name="  ")
        assert "Isi nama hari libur" in caught.value.errors["name"][0]

    def test_an_unknown_kind_is_refused(self, pekalongan):
        with pytest.raises(CalendarInputError) as caught:
            add(jurisdiction=pekalongan, kind="libur")
        assert "kind" in caught.value.errors

    def test_a_day_that_is_already_off_is_refused(self, pekalongan):
        with pytest.raises(CalendarInputError) as caught:
            add(jurisdiction=pekalongan, date=date(2026, 3, 19))
        message = caught.value.errors["date"][0]
        assert "sudah hari libur" in message and "Hari Suci Nyepi" in message
        assert "Libur nasional" in message

    def test_making_a_working_day_working_is_refused(self, pekalongan):
        with pytest.raises(CalendarInputError) as caught:
            add(jurisdiction=pekalongan, kind="working", name="")
        assert "sudah hari kerja" in caught.value.errors["date"][0]

    def test_a_removed_day_takes_the_listed_name(self, pekalongan):
        row = add(jurisdiction=pekalongan, date=date(2026, 3, 24), kind="working", name="")
        assert row.name == "Cuti Bersama Hari Raya Idul Fitri"

    def test_one_override_per_date(self, pekalongan):
        add(jurisdiction=pekalongan)
        with pytest.raises(CalendarInputError) as caught:
            add(jurisdiction=pekalongan, name="Lain")
        assert "sudah diatur" in caught.value.errors["date"][0]

    def test_one_installation_wide_override_per_date(self, db):
        add(jurisdiction=None)
        with pytest.raises(CalendarInputError):
            add(jurisdiction=None, name="Lain")
        assert CalendarDay.objects.count() == 1

    def test_a_day_off_everywhere_can_be_made_working_here(self, pekalongan):
        add(jurisdiction=None, kind="non_working", name="Cuti bersama tambahan")
        row = add(jurisdiction=pekalongan, kind="working", name="")
        assert row.name == "Cuti bersama tambahan"

    def test_a_missing_date_is_refused(self, pekalongan):
        with pytest.raises(CalendarInputError) as caught:
            add(jurisdiction=pekalongan, date=None)
        assert caught.value.errors["date"] == ["Isi tanggal."]

    @time_machine.travel("2026-02-01 09:00 +0700", tick=False)
    def test_dates_far_away_are_refused(self, pekalongan):
        with pytest.raises(CalendarInputError) as caught:
            add(jurisdiction=pekalongan, date=date(2206, 2, 3))
        assert "2021 dan 2031" in caught.value.errors["date"][0]


class CalendarDayRemoveTests:
    def test_it_deletes_the_override(self, people):
        add(jurisdiction=people.jurisdiction)
        row = services.calendar_day_remove(
            jurisdiction=people.jurisdiction, date=date(2026, 2, 3), actor=people.admin
        )
        assert row.name == "Hari Jadi"
        assert not CalendarDay.objects.exists()

    def test_it_only_deletes_this_jurisdictions_row(self, pekalongan, batang):
        add(jurisdiction=batang)
        add(jurisdiction=None, date=date(2026, 2, 4))
        with pytest.raises(CalendarInputError) as caught:
            services.calendar_day_remove(jurisdiction=pekalongan, date=date(2026, 2, 3), actor=None)
        assert "Tidak ada pengaturan" in caught.value.errors["date"][0]
        with pytest.raises(CalendarInputError):
            services.calendar_day_remove(jurisdiction=pekalongan, date=date(2026, 2, 4), actor=None)
        assert CalendarDay.objects.count() == 2

    def test_an_officer_may_not_remove(self, people):
        add(jurisdiction=people.jurisdiction)
        with pytest.raises(PermissionDenied):
            services.calendar_day_remove(
                jurisdiction=people.jurisdiction, date=date(2026, 2, 3), actor=people.officer_a
            )
        assert CalendarDay.objects.count() == 1
