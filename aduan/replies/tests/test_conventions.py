"""The conventions of the authors who never saw the flaw definitions (sets O, P and a third
probe set; docs/replies.md, "Conventions of the authors who never saw the definitions"):
``no_timeline`` whenever the reply gives no time frame, with or without an action; the
city's unit short names and everyday civic acronyms are no jargon, technical and legal
terms still are."""

from __future__ import annotations

import pytest

from aduan.replies.checker import MESSAGES, SUGGESTIONS, check, check_rules

ROAD = "Jalan di depan pasar Grogolan berlubang besar, kemarin ada pengendara jatuh."
POLITE = "Selamat pagi Bapak, terima kasih atas laporannya dan mohon maaf atas kejadian ini. "


class NoTimelineTests:
    @pytest.mark.parametrize(
        "reply",
        [
            "Laporan sudah kami terima.",
            POLITE + "Laporan Bapak sudah kami catat.",
            "Terima kasih infonya.",
            "",
        ],
    )
    def test_a_reply_without_an_action_gets_no_timeline_too(self, reply):
        codes = check_rules(reply, ROAD).codes
        assert "no_action" in codes
        assert "no_timeline" in codes

    def test_an_action_done_without_any_time_gets_no_timeline(self):
        reply = POLITE + "Petugas DPUPR sudah menambal lubang di depan pasar Grogolan."
        assert "no_timeline" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            POLITE + "Petugas DPUPR menambal lubang di depan pasar Grogolan besok pagi.",
            POLITE + "Petugas DPUPR sudah menambal lubang di depan pasar Grogolan tadi pagi.",
            POLITE + "Lubang di depan pasar Grogolan ditambal paling lambat 3 hari kerja.",
        ],
    )
    def test_a_time_frame_is_enough(self, reply):
        assert "no_timeline" not in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "word", ["segera", "secepatnya", "dalam waktu dekat", "sesuai antrean"]
    )
    def test_soon_is_not_a_time(self, word):
        reply = POLITE + f"Petugas DPUPR akan menambal lubang di depan pasar Grogolan {word}."
        assert "no_timeline" in check_rules(reply, ROAD).codes

    def test_acceptability_of_a_reply_without_action_is_unchanged(self):
        # no_action is severe already: the added no_timeline only lowers the score.
        verdict = check_rules(POLITE + "Laporan Bapak sudah kami catat.", ROAD)
        assert not verdict.acceptable

    def test_the_message_asks_for_what_and_when(self):
        assert "kapan" in MESSAGES["no_timeline"]
        assert "apa yang akan dilakukan dan kapan" in SUGGESTIONS["no_timeline"]


TIMED = POLITE + "Petugas akan datang ke lokasi besok pagi, Selasa 1 Desember 2026. "


class JargonTests:
    @pytest.mark.parametrize(
        "sentence",
        [
            "Laporan juga kami teruskan ke Disdukcapil.",
            "Tim BPBD dan DLH ikut meninjau.",
            "Mohon bawa KTP dan KK asli.",
            "Petugas Dishub, Dinsos dan DPUPR sudah kami kabari.",
            "Data NIK, RT/RW dan nomor PBB Bapak kami cocokkan.",
            "Kartu KIS, PKH dan BPNT Ibu tetap aktif.",
            "Satpol P3KP menertibkan PKL di sekitar TPS.",
        ],
    )
    def test_unit_short_names_and_civic_acronyms_are_not_jargon(self, sentence):
        assert "jargon" not in check_rules(TIMED + sentence, ROAD).codes

    @pytest.mark.parametrize(
        ("sentence", "word"),
        [
            ("Hal ini sesuai Pasal 59 Perpres 96/2018.", "Perpres 96/2018"),
            ("Permohonan diproses lewat SIMBG.", "SIMBG"),
            ("Berkas SLF dan KRK Bapak masih kurang.", "SLF"),
            ("Masuk usulan DED multiyears di RKPD.", "DED"),
            ("Diajukan dalam KBLI lewat OSS RBA dengan SPPL.", "KBLI"),
            ("Laporan sudah kami teruskan ke SKPD terkait.", "SKPD"),
        ],
    )
    def test_technical_and_legal_terms_still_are(self, sentence, word):
        verdict = check_rules(TIMED + sentence, ROAD)
        flaw = {f.code: f for f in verdict.flaws}.get("jargon")
        assert flaw is not None, verdict.codes
        assert any(word in w for w in flaw.words), flaw.words

    def test_the_jurisdictions_own_units_are_names(self):
        reply = TIMED + "Laporan ini kami teruskan ke DPKP."
        assert "jargon" in check_rules(reply, ROAD).codes
        assert "jargon" not in check_rules(reply, ROAD, units=["DPKP"]).codes
        assert "jargon" not in check(reply, ROAD, units=("DPKP",)).codes

    def test_a_generic_word_in_a_unit_name_does_not_exempt_it(self):
        reply = TIMED + "Laporan ini kami teruskan ke UPTD terkait."
        assert "jargon" in check_rules(reply, ROAD, units=["UPTD Parkir"]).codes
