"""Message texts: every kind renders in Bahasa Indonesia with its links and placeholders."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from aduan.notifications.choices import CITIZEN_KINDS, COMPOSED_KINDS, STAFF_KINDS, MessageKind
from aduan.notifications.messages import (
    TEMPLATES,
    WHATSAPP_TEXT_LIMIT,
    citizen_status_url,
    format_datetime,
    render_message,
)

K = MessageKind
pytestmark = pytest.mark.django_db

SAMPLE_CONTEXT = {
    K.INFO_REQUESTED: {"text": "Mohon kirim foto KTP lama Anda.", "reply_by": "20 Januari 2026"},
    K.FOLLOW_UP: {"text": "KTP-el Anda sudah dicetak dan dapat diambil di kecamatan."},
    K.CLOSED: {"text": "Terima kasih."},
    K.ARCHIVED: {"reason": "tidak_lengkap"},
    K.REFERRED: {"text": "Silakan hubungi PLN UP3 Pekalongan.", "referred_to": "PLN"},
    K.MERGED: {"into": "ADU-2026-000001"},
    K.SURVEY_INVITATION: {},
    K.TAPD_DECISION: {"text": "Perbaikan jalan masuk rencana anggaran 2027."},
    K.RECEIPT: {},
    K.NEW_IN_UNIT: {},
    K.INFO_PROVIDED: {"text": "Foto KTP lama sudah saya lampirkan."},
    K.REOPENED: {"text": "KTP belum bisa diambil."},
    K.REMINDER: {},
    K.ESCALATION: {},
}


class TestTemplates:
    def test_every_kind_has_a_template_and_an_audience(self):
        assert set(TEMPLATES) == CITIZEN_KINDS | STAFF_KINDS
        assert CITIZEN_KINDS | STAFF_KINDS | COMPOSED_KINDS == set(MessageKind.values)
        assert not CITIZEN_KINDS & STAFF_KINDS
        assert not (CITIZEN_KINDS | STAFF_KINDS) & COMPOSED_KINDS

    @pytest.mark.parametrize("kind", sorted(CITIZEN_KINDS | STAFF_KINDS))
    def test_each_kind_renders_completely(self, kind, complaint, people):
        rendered = render_message(
            kind, complaint=complaint, context=SAMPLE_CONTEXT[kind], recipient=people.officer_a
        )
        text = rendered.subject + rendered.body
        assert complaint.tracking_code in text
        assert "{{" not in text and "{%" not in text and "None" not in text
        assert "\n\n\n" not in rendered.body
        for value in SAMPLE_CONTEXT[kind].values():
            if kind == K.ARCHIVED:
                continue
            assert str(value) in rendered.body
        if kind in CITIZEN_KINDS:
            assert rendered.body.startswith("Yth. Bapak/Ibu Siti Aminah,")
            assert citizen_status_url(complaint) in rendered.body
            assert "Lapor Ajib" in rendered.body
        else:
            assert rendered.body.startswith("Yth. Bapak/Ibu Budi,")
            assert f"/kerja/aduan/{complaint.tracking_code}/" in rendered.body

    def test_the_status_link_opens_the_citizen_page(self, complaint, settings, client):
        settings.ADUAN_PUBLIC_URL = "https://lapor.pekalongankota.go.id/"
        url = citizen_status_url(complaint)
        assert url.startswith("https://lapor.pekalongankota.go.id/lacak/")
        assert complaint.access_secret in url
        path = url.removeprefix("https://lapor.pekalongankota.go.id")
        assert client.get(path).status_code == 200

    def test_the_receipt_gives_code_link_and_verification_date(self, complaint):
        rendered = render_message(K.RECEIPT, complaint=complaint)
        assert rendered.subject == f"Laporan Anda kami terima: {complaint.tracking_code}"
        assert f"\n\n{complaint.tracking_code}\n\n" in rendered.body
        assert "paling lambat" in rendered.body and "WIB" in rendered.body

    @pytest.mark.parametrize("reason", ["spam", "Spam / tidak relevan"])
    def test_archive_reasons_are_explained_courteously(self, complaint, reason):
        rendered = render_message(K.ARCHIVED, complaint=complaint, context={"reason": reason})
        assert "karena isinya tidak berkaitan dengan pelayanan publik." in rendered.body

    def test_a_missing_required_text_is_refused(self, complaint):
        with pytest.raises(ValueError, match="needs context keys"):
            render_message(K.FOLLOW_UP, complaint=complaint, context={})

    def test_an_unknown_context_key_is_refused(self, complaint):
        with pytest.raises(ValueError, match="does not use"):
            render_message(K.FOLLOW_UP, complaint=complaint, context={"txt": "typo"})

    def test_long_texts_are_shortened_for_whatsapp_only(self, complaint):
        long_text = "Jalan berlubang. " * 200
        wa = render_message(
            K.FOLLOW_UP, complaint=complaint, context={"text": long_text}, channel="whatsapp"
        )
        mail = render_message(K.FOLLOW_UP, complaint=complaint, context={"text": long_text})
        assert "selengkapnya melalui tautan" in wa.body
        assert len(wa.body) < WHATSAPP_TEXT_LIMIT + 1000
        assert long_text.strip() in mail.body

    def test_rahasia_complaints_keep_their_summary_out_of_staff_messages(self, submit, people):
        c = submit(privacy="rahasia", title="Pungli di kantor kelurahan").complaint
        rendered = render_message(K.NEW_IN_UNIT, complaint=c, recipient=people.officer_a)
        assert "Pungli" not in rendered.body


def test_dates_are_written_in_bahasa_indonesia(settings):
    moment = datetime(2026, 1, 12, 8, 30, tzinfo=ZoneInfo("UTC"))
    assert format_datetime(moment) == "12 Januari 2026 pukul 15.30 WIB"
