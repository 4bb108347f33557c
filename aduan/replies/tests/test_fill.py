"""Filling templates: placeholders, and the reporter's identity and internal notes never
leaking into a reply."""

from __future__ import annotations

import pytest

from aduan.complaints import services
from aduan.replies.fill import GENERIC_SALUTATION, fill, unknown_placeholders

pytestmark = pytest.mark.django_db

BODY = "Yth. {nama}, laporan {kode} ditangani {unit} sampai {batas_waktu}. Salam, {petugas}"


class FillTests:
    def test_it_fills_every_placeholder(self, people, cases):
        text = fill(BODY, people.officer_a, cases.biasa)
        assert "Bapak/Ibu Siti Aminah" in text
        assert cases.biasa.tracking_code in text
        assert people.unit_a.name in text
        assert "Budi" in text
        assert "{" not in text
        assert str(cases.biasa.due_at.year) in text

    def test_an_anonymous_reporter_is_always_bapak_ibu(self, people, cases):
        # even the verifier, who may see the identity, never puts it into a reply
        for user in (people.verifier, people.officer_a, people.admin, people.supervisor):
            text = fill(BODY, user, cases.anonim)
            assert "Wawan" not in text
            assert text.startswith(f"Yth. {GENERIC_SALUTATION}, laporan")

    def test_a_confidential_reporter_is_bapak_ibu(self, people, cases):
        text = fill(BODY, people.officer_a, cases.rahasia)
        assert "Rahmat" not in text
        assert text.startswith(f"Yth. {GENERIC_SALUTATION},")

    def test_the_name_needs_the_right_to_see_the_identity(self, people, cases):
        # supervisors and officers of other units do not see identities
        assert "Siti" not in fill(BODY, people.supervisor, cases.biasa)
        assert "Siti" not in fill(BODY, people.officer_b, cases.biasa)
        assert "Siti" in fill(BODY, people.verifier, cases.biasa)

    def test_contact_details_and_internal_notes_never_enter(self, people, cases):
        services.complaint_add_note(
            complaint=cases.biasa, actor=people.officer_a, text="RAHASIA-INTERNAL oknum X"
        )
        body = (
            "{nama} {kode} {unit} {petugas} {batas_waktu} {reporter_phone} {reporter_email} "
            "{description} {catatan} {kode.__class__} {complaint}"
        )
        text = fill(body, people.officer_a, cases.biasa)
        for secret in ("RAHASIA-INTERNAL", "0812", "siti@example.org", "KTP-el saya"):
            assert secret not in text
        assert "{reporter_phone}" in text and "{kode.__class__}" in text

    def test_unknown_placeholders_are_named(self):
        assert unknown_placeholders("{nama} {telepon} {kode} {nik}") == ["nik", "telepon"]
