"""suggest, find_duplicates and correction_examples on the real database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aduan.complaints import services as complaint_services
from aduan.complaints.choices import EventKind
from aduan.complaints.models import Complaint, ComplaintEvent
from aduan.organisation.models import Area, Category, Unit
from aduan.triage import services
from aduan.triage.services import (
    CANDIDATE_LIMIT,
    correction_examples,
    duplicate_candidates,
    find_duplicates,
    suggest,
)

pytestmark = pytest.mark.django_db


def area(j, code):
    return Area.objects.get(jurisdiction=j, code=code)


class TestSuggest:
    def test_it_suggests_category_kelurahan_and_the_routed_unit(self, pekalongan):
        s = suggest(
            jurisdiction=pekalongan,
            text="Antrean di Puskesmas Tirto lama sekali, dokternya datang jam 10",
        )
        assert s.category_code == "kesehatan" and s.category.code == "kesehatan"
        assert s.kelurahan_area.code == "tirto"
        assert s.unit == Unit.objects.get(jurisdiction=pekalongan, code="pkm-tirto")
        assert len(s.top3) == 3 and s.top3[0][0] == "kesehatan"
        assert not s.urgent

    def test_a_kelurahan_service_goes_to_the_kelurahan_office_of_a_pre_2015_name(self, pekalongan):
        s = suggest(
            jurisdiction=pekalongan,
            text="Di kantor kelurahan Sugihwaras minta surat pengantar dipersulit terus",
        )
        assert s.category_code == "pelayanan_kelurahan"
        assert s.kelurahan_area.code == "kauman"
        assert s.unit.kind == "kelurahan" and s.unit.area.code == "kauman"

    def test_urgent_flood(self, pekalongan):
        s = suggest(jurisdiction=pekalongan, text="tanggul jebol di bandengan, air masuk rumah!!")
        assert s.category_code == "banjir_rob" and s.urgent
        assert s.unit.code == "bpbd"
        assert s.as_event_data()["category"] == "banjir_rob"

    def test_uncertain_text_needs_review(self, pekalongan):
        s = suggest(jurisdiction=pekalongan, text="tolong dibantu pak")
        assert s.needs_review


@pytest.fixture
def report(submit):
    """Submit a complaint at a kelurahan, optionally backdated or closed."""

    def _report(text, kel, category="jalan", days_ago=0, lat=None, lon=None):
        c = submit(
            description=text, area=kel, category=category, latitude=lat, longitude=lon
        ).complaint
        if days_ago:
            Complaint.objects.filter(pk=c.pk).update(
                submitted_at=timezone.now() - timedelta(days=days_ago)
            )
            c.refresh_from_db()
        return c

    return _report


class TestFindDuplicates:
    def test_same_incident_is_found_and_a_hard_negative_is_not(self, pekalongan, report):
        same = report(
            "Lampu jalan di gang Melati RT 03 Tirto mati sudah seminggu, gelap.", "tirto", "pju"
        )
        other = report(
            "Lampu jalan di gang Kenanga RT 09 Tirto mati, jalan gelap sekali.", "tirto", "pju"
        )
        found = find_duplicates(
            jurisdiction=pekalongan,
            text="pju gg melati rt 3 tirto mati min, gelap bgt",
            area=area(pekalongan, "tirto"),
        )
        ids = [c.pk for c, _ in found]
        assert same.pk in ids and other.pk not in ids

    def test_it_looks_in_neighbouring_kelurahan_and_reads_the_place_from_the_text(
        self, pekalongan, report
    ):
        near = report("Jalan Jlamprang depan pabrik es berlubang besar, motor jatuh.", "degayu")
        found = find_duplicates(
            jurisdiction=pekalongan,
            text="JALAN JLAMPRANG DEKAT PABRIK ES BERLUBANG, MOTOR JATUH TERUS",
        )
        assert [c.pk for c, _ in found] == [near.pk]  # text names Krapyak, Degayu borders it

    def test_closed_old_and_far_complaints_are_not_candidates(self, pekalongan, report, people):
        text = "Sampah di TPS Pasar Banjarsari tidak diangkut lima hari, bau."
        old = report(text, "kauman", "sampah", days_ago=31)
        far = report(text, "sokoduwet", "sampah")
        closed = report(text, "kauman", "sampah")
        complaint_services.complaint_archive(complaint=closed, actor=people.verifier, reason="spam")
        found = find_duplicates(jurisdiction=pekalongan, text=text, area=area(pekalongan, "kauman"))
        assert {old.pk, far.pk, closed.pk}.isdisjoint(c.pk for c, _ in found)

    def test_the_newest_of_several_kelurahan_are_read_area_by_area(
        self, pekalongan, report, monkeypatch
    ):
        monkeypatch.setattr(services, "CANDIDATE_LIMIT", 3)
        ages = {"tirto": (1, 4, 9), "medono": (2, 3, 12), "kauman": (5, 6, 7)}
        made = {
            (code, days): report(f"Jalan rusak di {code} ({days})", code, days_ago=days)
            for code, days_list in ages.items()
            for days in days_list
        }
        found = duplicate_candidates(
            jurisdiction=pekalongan,
            area_ids=[area(pekalongan, code).pk for code in (*ages, "tirto")],
            latitude=None,
            longitude=None,
            category=None,
            since=timezone.now() - timedelta(days=30),
            exclude=made["medono", 3].pk,
        )
        # The three newest of the three kelurahan together, newest first (one kelurahan
        # given twice counts once; the excluded one is left out).
        assert [c.pk for c in found] == [
            made[k].pk for k in (("tirto", 1), ("medono", 2), ("tirto", 4))
        ]
        assert found[0].description.startswith("Jalan rusak di tirto")

    def test_points_within_a_few_hundred_metres(self, pekalongan, report):
        c = report(
            "Pohon tumbang menutup jalan di depan toko bangunan",
            "medono",
            "banjir_rob",
            lat=-6.8970,
            lon=109.6650,
        )
        report(
            "Pohon tumbang menutup jalan di depan toko bangunan",
            "medono",
            "banjir_rob",
            lat=-6.9100,
            lon=109.6650,
        )  # 1.4 km away
        found = duplicate_candidates(
            jurisdiction=pekalongan,
            area_ids=[],
            latitude=-6.8975,
            longitude=109.6652,
            category=None,
            since=timezone.now() - timedelta(days=30),
        )
        assert [x.pk for x in found] == [c.pk]

    def test_without_a_place_or_category_nothing_is_compared(self, pekalongan, report):
        report("Jalan berlubang", "medono")
        assert find_duplicates(jurisdiction=pekalongan, text="jalan berlubang") == []

    def test_the_candidate_query_is_bounded_and_indexed(
        self, pekalongan, submit, report, django_assert_max_num_queries
    ):
        kel = area(pekalongan, "medono")
        cat = Category.objects.get(jurisdiction=pekalongan, code="jalan")
        base = submit(description="Jalan berlubang di Medono", area=kel, category=cat).complaint
        fields = {
            f.attname: getattr(base, f.attname)
            for f in Complaint._meta.concrete_fields
            if f.attname not in ("id", "tracking_code", "submission_key")
        }
        Complaint.objects.bulk_create(
            [
                Complaint(**{**fields, "tracking_code": f"ADU-T-{i:06d}"})
                for i in range(CANDIDATE_LIMIT + 60)
            ]
        )
        seen = {}
        real = services.duplicate_candidates

        def spy(**kwargs):
            result = real(**kwargs)
            seen["n"] = len(result)
            return result

        services.find_duplicates(jurisdiction=pekalongan, text="jalan rusak", area=kel)  # warm
        with CaptureQueriesContext(connection) as ctx:
            services.duplicate_candidates = spy
            try:
                services.find_duplicates(jurisdiction=pekalongan, text="jalan rusak", area=kel)
            finally:
                services.duplicate_candidates = real
        assert seen["n"] <= CANDIDATE_LIMIT
        assert len(ctx.captured_queries) == 1
        sql = ctx.captured_queries[0]["sql"].upper()
        assert "LIMIT" in sql and "SUBMITTED_AT" in sql and "AREA_ID" in sql
        with django_assert_max_num_queries(3):
            services.find_duplicates(
                jurisdiction=pekalongan, text="jalan rusak", latitude=-6.9, longitude=109.66
            )


class TestCorrections:
    def _verified(self, submit, people, text, suggested, chosen):
        c = submit(description=text, category=suggested).complaint
        # What the intake will record on the submitted event (Suggestion.as_event_data);
        # events are immutable through the ORM save(), a queryset update stands in here.
        event = c.events.get(kind=EventKind.SUBMITTED)
        ComplaintEvent.objects.filter(pk=event.pk).update(data={"triage": {"category": suggested}})
        complaint_services.complaint_dispose(
            complaint=c,
            actor=people.verifier,
            unit=people.unit_a,
            category=Category.objects.get(jurisdiction=people.jurisdiction, code=chosen),
        )
        return c

    def test_a_changed_category_is_a_labelled_example(self, submit, people, pekalongan):
        changed = self._verified(
            submit,
            people,
            "Petugas capil minta uang 200 ribu biar KTP cepat",
            "adminduk",
            "aparatur",
        )
        kept = self._verified(
            submit, people, "KTP saya belum dicetak dua bulan", "adminduk", "adminduk"
        )
        rows = correction_examples(jurisdiction=pekalongan)
        assert [r["id"] for r in rows] == [f"complaint-{changed.pk}"]
        assert rows[0]["category"] == "aparatur" and rows[0]["corrected"]
        assert rows[0]["suggested"] == "adminduk" and "200 ribu" in rows[0]["text"]
        everything = correction_examples(jurisdiction=pekalongan, include_confirmed=True)
        assert {r["id"] for r in everything} == {f"complaint-{changed.pk}", f"complaint-{kept.pk}"}

    def test_without_a_recorded_suggestion_the_verified_category_is_the_label(self, submit, people):
        c = submit(description="Gaji di bawah UMK", category="adminduk").complaint
        # A complaint from before the intake recorded suggestions.
        ComplaintEvent.objects.filter(complaint=c, kind=EventKind.SUBMITTED).update(data={})
        complaint_services.complaint_dispose(
            complaint=c,
            actor=people.verifier,
            unit=people.unit_a,
            category=Category.objects.get(jurisdiction=people.jurisdiction, code="ketenagakerjaan"),
        )
        rows = correction_examples()
        assert rows == [
            {
                "id": f"complaint-{c.pk}",
                "text": "Gaji di bawah UMK",
                "category": "ketenagakerjaan",
                "type": "aduan",
                "suggested": None,
                "corrected": False,
            }
        ]

    def test_it_reads_them_in_two_queries(self, submit, people, django_assert_num_queries):
        for i in range(3):
            self._verified(submit, people, f"Contoh {i} pungli di loket", "adminduk", "aparatur")
        with django_assert_num_queries(2):
            assert len(correction_examples()) == 3

    def test_the_command_prints_them(self, submit, people):
        import io
        import json

        from django.core.management import call_command

        self._verified(submit, people, "Calo di MPP minta uang", "adminduk", "aparatur")
        out = io.StringIO()
        call_command("triage", "corrections", stdout=out)
        (line,) = out.getvalue().splitlines()
        assert json.loads(line)["category"] == "aparatur"
