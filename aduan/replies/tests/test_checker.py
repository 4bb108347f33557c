"""The reply-tone checker: its contract, each flaw on replies it has not been tuned on, the
acceptability rule, informal spellings, negation and sarcasm."""

from __future__ import annotations

import pytest

from aduan.replies.checker import (
    FLAWS,
    WEIGHTS,
    Flaw,
    Verdict,
    check,
    check_rules,
)

KTP = "KTP-el saya belum jadi sudah dua bulan sejak perekaman di kecamatan."
ROAD = "Jalan di depan pasar Grogolan berlubang besar, kemarin ada pengendara jatuh."

GOOD = (
    "Selamat siang Ibu, terima kasih atas laporannya dan kami mohon maaf atas lubang yang "
    "membahayakan itu. Tim pemeliharaan jalan akan menambal lubang di depan Pasar Grogolan "
    "pada Rabu, 14 Mei, mulai pukul 08.00, dan rambu peringatan dipasang hari ini."
)


def codes(reply: str, complaint: str = ROAD) -> set[str]:
    return set(check(reply, complaint).codes)


class ContractTests:
    def test_the_verdict_has_score_acceptable_and_flaws_with_words_and_advice(self):
        verdict = check("bukan wewenang kami", KTP)
        assert isinstance(verdict, Verdict) and 0 <= verdict.score <= 100
        assert verdict.acceptable is False
        flaw = next(f for f in verdict.flaws if f.code == "wrong_unit_deflection")
        assert isinstance(flaw, Flaw)
        assert flaw.words == ("bukan wewenang",)
        assert flaw.suggestion and flaw.message
        data = verdict.as_dict()
        assert set(data) == {"acceptable", "score", "flaws"}
        assert data["flaws"][0].keys() == {"code", "words", "suggestion", "message"}
        assert all(f.code in FLAWS for f in verdict.flaws)

    def test_it_is_deterministic_and_pure(self):
        assert check(GOOD, ROAD) == check(GOOD, ROAD)

    def test_empty_input_is_unacceptable(self):
        verdict = check("", ROAD)
        assert verdict.score == 0 and not verdict.acceptable

    def test_weights_cover_every_flaw(self):
        assert set(WEIGHTS) == set(FLAWS) and all(w > 0 for w in WEIGHTS.values())


class AcceptabilityTests:
    def test_a_complete_courteous_concrete_reply_passes(self):
        verdict = check(GOOD, ROAD)
        assert verdict.acceptable and verdict.score == 100 and not verdict.flaws

    def test_polite_but_empty_does_not_pass(self):
        verdict = check(
            "Yth. Ibu, terima kasih atas laporannya. Kami mohon maaf atas ketidaknyamanannya. "
            "Laporan Ibu akan segera kami tindak lanjuti.",
            ROAD,
        )
        assert {"vague", "no_timeline"} <= set(verdict.codes)
        assert not verdict.acceptable and verdict.score < 100

    def test_sarcastic_politeness_does_not_pass(self):
        verdict = check(
            "Terima kasih atas kesabarannya yang luar biasa mengeluh terus setiap minggu, Bu. "
            "Jalannya sudah kami tambal kemarin.",
            ROAD,
        )
        assert "rude" in verdict.codes and not verdict.acceptable

    def test_a_severe_flaw_fails_whatever_the_score(self):
        verdict = check(GOOD + " Lain kali jangan banyak protes.", ROAD)
        assert "rude" in verdict.codes and not verdict.acceptable

    def test_missing_greeting_alone_costs_little_and_still_passes(self):
        # A single missing courtesy passes (docs/replies.md, "Score and acceptability").
        verdict = check(GOOD.replace("Selamat siang Ibu, terima", "Terima"), ROAD)
        assert verdict.codes == ["no_greeting"] and verdict.acceptable
        assert verdict.score == 100 - WEIGHTS["no_greeting"]

    def test_two_missing_courtesies_or_any_other_flaw_do_not_pass(self):
        verdict = check(
            GOOD.replace("Selamat siang Ibu, terima kasih atas laporannya dan kami", "Kami"),
            ROAD,
        )
        assert verdict.codes == ["no_greeting", "no_thanks"] and not verdict.acceptable
        verdict = check(GOOD.replace(" dan kami mohon maaf atas lubang yang membahayakan itu", ""))
        assert verdict.codes == ["no_empathy"] and not verdict.acceptable, verdict.codes


class FlawTests:
    @pytest.mark.parametrize(
        ("reply", "flaw"),
        [
            (
                "Terima kasih, lubang akan ditambal besok oleh tim jalan di depan pasar.",
                "no_greeting",
            ),
            (
                "Selamat pagi Bu. Mohon maaf, lubang di depan pasar ditambal besok pagi.",
                "no_thanks",
            ),
            (
                "Selamat pagi Bu, terima kasih. Lubang di depan pasar ditambal besok pagi.",
                "no_empathy",
            ),
            ("Itu akibat ulah warga sendiri yang parkir truk sembarangan.", "blames_citizen"),
            ("Seharusnya Ibu lebih hati-hati kalau lewat situ.", "blames_citizen"),
            ("Ibu kurang teliti membaca pengumuman di kelurahan.", "blames_citizen"),
            ("Jangan cerewet Bu, kami juga kerja.", "rude"),
            ("Masa gitu aja ga ngerti, mikir dong!!", "rude"),
            ("Tidak ada yang bisa kami lakukan.", "dismissive"),
            ("Silakan urus sendiri ke kantor.", "dismissive"),
            ("Bukan urusan kami, Bu.", "dismissive"),
            ("Sudah jelas di website kami, silakan dibaca.", "dismissive"),
            ("Jalan rusak itu hal biasa di musim hujan.", "dismissive"),
            ("Selamat pagi Bu, terima kasih atas laporannya, mohon maaf.", "no_action"),
            (
                "Yth. Ibu, terima kasih, mohon maaf. Tim kami akan menambal lubang di pasar.",
                "no_timeline",
            ),
            ("Yth. Ibu, terima kasih, mohon maaf. Akan segera diproses.", "vague"),
            ("MOHON MAAF JALAN AKAN DIPERBAIKI MINGGU DEPAN OLEH PETUGAS", "all_caps"),
            (
                "Sesuai Perwal No. 12/2019 pasal 4 ayat 2, perbaikan jalan dianggarkan tahun "
                "depan.",
                "jargon",
            ),
            ("Laporan sudah kami teruskan ke SKPD terkait.", "jargon"),
            ("Bukan wewenang kami, silakan ke instansi terkait.", "wrong_unit_deflection"),
            ("Itu di luar kewenangan kelurahan.", "wrong_unit_deflection"),
        ],
    )
    def test_it_finds_the_flaw(self, reply, flaw):
        assert flaw in codes(reply), check(reply, ROAD).codes

    @pytest.mark.parametrize(
        ("reply", "flaw"),
        [
            (GOOD, "jargon"),
            (
                "Yth. Ibu, terima kasih dan mohon maaf. Perbaikan ini kewenangan Dinas Pekerjaan "
                "Umum dan Penataan Ruang (DPUPR); laporan Ibu sudah kami teruskan ke DPUPR hari "
                "ini dan lubang ditambal Jumat.",
                "jargon",
            ),
            (
                "Yth. Ibu, terima kasih dan mohon maaf. Jalan itu bukan kewenangan kota; laporan "
                "sudah kami teruskan ke Balai Besar Jalan Nasional hari ini.",
                "wrong_unit_deflection",
            ),
            (
                "Yth. Ibu, terima kasih, mohon maaf. Lubang sudah kami tambal tadi pagi.",
                "no_timeline",
            ),
            (
                "Selamat pagi Ibu, menurut Perwal No. 12/2019, artinya perbaikan jalan kota "
                "dikerjakan Dinas PU; kami tambal besok.",
                "jargon",
            ),
        ],
    )
    def test_it_does_not_invent_the_flaw(self, reply, flaw):
        assert flaw not in codes(reply), check(reply, ROAD).codes

    def test_flaw_words_point_at_the_reply_as_written(self):
        verdict = check("Gak ada yg bisa kami lakukan pak, urus sendiri aja.", KTP)
        flaw = next(f for f in verdict.flaws if f.code == "dismissive")
        assert flaw.words == ("Gak ada yg bisa kami lakukan", "urus sendiri")


class RegisterTests:
    def test_whatsapp_register_is_read_like_the_formal_one(self):
        verdict = check(
            "Halo bu, makasih laporannya, maaf bgt ya 🙏 lubangnya udh kami tambal tadi pagi "
            "sama tim jalan, skrg udh aman.",
            ROAD,
        )
        assert verdict.acceptable, verdict.codes

    def test_negation_cancels_an_action(self):
        assert "no_action" in codes("Yth. Ibu, terima kasih. Perbaikan tidak dapat kami lakukan.")

    def test_a_wish_is_not_an_action(self):
        assert "no_action" in codes(
            "Selamat pagi Ibu, terima kasih, mohon maaf. Semoga jalannya segera diperbaiki."
        )

    def test_a_referral_with_a_named_body_is_no_deflection(self):
        verdict = check(
            "Selamat malam Bapak, terima kasih dan mohon maaf. Listrik bukan kewenangan kami; "
            "laporan Bapak sudah kami teruskan ke PLN hari ini.",
            "Listrik padam tiap malam.",
        )
        assert "wrong_unit_deflection" not in verdict.codes and verdict.acceptable

    def test_a_question_needs_no_apology(self):
        verdict = check(
            "Selamat pagi Bapak, terima kasih atas pertanyaannya. Bawa buku nikah dan KK ke "
            "kantor kelurahan; KK baru selesai dalam 3 hari kerja.",
            "Bagaimana cara membuat KK baru setelah menikah?",
        )
        assert "no_empathy" not in verdict.codes and verdict.acceptable


class GeneralisationTests:
    """Classes of phrasing found by an independently written set (sentences here are new)."""

    @pytest.mark.parametrize(
        ("reply", "flaw"),
        [
            ("Kalau pelan-pelan dan tidak ngebut ya tidak akan celaka, Bu.", "blames_citizen"),
            ("Ibu datang tanpa surat pengantar, jadi jelas ditolak.", "blames_citizen"),
            ("Lain kali dibaca dulu pengumumannya, Bu.", "blames_citizen"),
            ("Penggunanya saja yang kurang hati-hati memakai fasilitas itu.", "blames_citizen"),
            ("Pajaknya saja sering telat dibayar, eh sekarang menuntut jalan mulus.", "rude"),
            ("Bapak ini sensitif banget ya, suara begitu saja lapor.", "rude"),
            ("Tidak usah ditanyakan lagi terus, Bu.", "rude"),
            ("Kami di kelurahan cuma meneruskan, bukan kami yang memutuskan.", "dismissive"),
            ("Bantuannya cair kalau sudah cair, Bu.", "dismissive"),
            ("Ya tinggal tunggu, Bu.", "dismissive"),
            ("Dari sisi kami sistemnya lancar-lancar saja, Pak.", "dismissive"),
            ("Selamat pagi, terima kasih, maaf. Penanganan sudah sesuai prosedur.", "dismissive"),
            ("Antre itu sudah lama begitu, tidak perlu khawatir berlebihan.", "dismissive"),
            ("Itu masalah antartetangga, silakan dibicarakan secara kekeluargaan.", "dismissive"),
            ("Saluran itu bukan proyek kami.", "wrong_unit_deflection"),
            ("Jembatan itu aset BBWS, Pak.", "wrong_unit_deflection"),
            (
                "Yth. Bapak, terima kasih, mohon maaf atas kejadian kemarin. Lubang akan ditambal "
                "tim jalan di depan pasar.",
                "no_timeline",
            ),
            (
                "Yth. Ibu, terima kasih, mohon maaf. Laporan sudah kami teruskan untuk diproses.",
                "no_timeline",
            ),
            (
                "Yth. Ibu, terima kasih, mohon maaf. Perbaikan jalan sudah kami usulkan dalam "
                "anggaran.",
                "vague",
            ),
            # An action in a sentence that brushes off is no action.
            ("Nanti juga ditambal sendiri sama kontraktornya, Bu.", "no_action"),
            ("Semua laporan diproses sesuai urutan, ditunggu saja.", "no_action"),
            ("Itu jalan pasar malam Bu, jangan lewat situ.", "no_greeting"),
            ("Kalau Bapak mematuhi rambu tentu tidak ditilang.", "blames_citizen"),
            ("Berkas Bapak memang belum lengkap, jadi ya ditolak.", "blames_citizen"),
            ("Bantuan itu program pusat, kami tidak pegang datanya.", "wrong_unit_deflection"),
            ("Bantuan itu program pusat, kami tidak pegang datanya.", "dismissive"),
            ("Gorong-gorong itu bukan dibangun oleh dinas, Pak.", "wrong_unit_deflection"),
            ("Antreannya ditunggu sampai sepi, Pak.", "dismissive"),
        ],
    )
    def test_it_finds_the_flaw(self, reply, flaw):
        assert flaw in codes(reply), check(reply, ROAD).codes

    @pytest.mark.parametrize(
        ("reply", "flaw"),
        [
            # Spoken verb forms are actions ("nambal", "ngecor", "dibersihin").
            (
                "Halo Bu, makasih infonya, maaf ya. Besok jam 8 tim jalan nambal lubang depan "
                "pasar itu.",
                "no_action",
            ),
            (
                "Halo Bu, makasih, maaf ya. Sabtu pagi selokannya dibersihin petugas kelurahan.",
                "no_action",
            ),
            (
                "Selamat siang Bu, terima kasih; kami juga khawatir melihat lubang itu. Tim jalan "
                "menambalnya besok pagi.",
                "no_empathy",
            ),
            (
                "Selamat pagi Ibu, terima kasih; semoga ibu Ibu lekas sembuh. Bidan puskesmas "
                "datang ke rumah besok pukul 09.00.",
                "no_empathy",
            ),
            # "bukan urusan kami" is dismissive, but a named body to turn to is still help.
            ("Listrik bukan urusan kami Pak, silakan lapor ke PLN.", "no_action"),
            (
                "Selamat siang Bu, terima kasih, mohon maaf. Kalau hujan, petugas berjaga di "
                "depan pasar mulai besok.",
                "blames_citizen",
            ),
        ],
    )
    def test_it_does_not_invent_the_flaw(self, reply, flaw):
        assert flaw not in codes(reply), check(reply, ROAD).codes


class StructuralFrameTests:
    """Blame, rudeness, brush-offs and deflection read from the shape of a sentence, so that
    phrasings found in none of the labelled sets are still named."""

    @pytest.mark.parametrize(
        ("reply", "flaw"),
        [
            # second person + reproach
            ("Ibu kok tidak lapor dari bulan lalu?", "blames_citizen"),
            ("Orang seperti Bapak ini yang bikin kerja kami lambat.", "blames_citizen"),
            ("Pengendaranya juga salah, ngebut di jalan kampung.", "blames_citizen"),
            ("Kalau lewat pelan kan tidak jatuh Pak.", "blames_citizen"),
            # minimising, bare refusals and imperatives
            ("Lubang segitu saja kok sudah heboh, Pak.", "dismissive"),
            ("Cuma lubang kecil Pak, hati-hati saja kalau lewat.", "dismissive"),
            ("Kami tidak dapat memperbaiki jalan tersebut.", "dismissive"),
            ("Percuma dijelaskan, Bapak tetap tidak mengerti.", "dismissive"),
            # sarcastic praise, belittling, nagging orders
            ("Wah pintar sekali ya Bu, semua hal dilaporkan.", "rude"),
            ("Kami ini bukan malaikat Bu, tenaga terbatas.", "rude"),
            ("Jangan WA kantor terus Pak.", "rude"),
            ("Situ yang bikin ramai, jangan nyalahin kami.", "rude"),
            # another owner named, nobody to turn to
            ("Jalan itu tanggungan pengembang perumahan Pak.", "wrong_unit_deflection"),
        ],
    )
    def test_a_new_phrasing_in_a_known_shape_is_named(self, reply, flaw):
        assert flaw in codes(reply), check(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bapak, terima kasih atas masukan yang sangat membangun dan mohon maaf. "
            "Tim jalan menambal lubang di depan pasar besok pukul 08.00.",
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Perbaikan hanya butuh sedikit "
            "waktu: tim jalan menambal lubang itu besok pukul 08.00.",
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Laporan tidak dapat kami proses "
            "karena belum ada foto lokasi; mohon kirim foto ke WhatsApp 0812-1111-2222, tim "
            "jalan datang sehari setelahnya.",
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Tim jalan sudah di situ sejak "
            "pagi dan menambal lubang hari ini pukul 13.00.",
        ],
    )
    def test_a_good_reply_using_the_same_words_passes(self, reply):
        verdict = check(reply, ROAD)
        assert verdict.acceptable, verdict.codes
        assert not {"rude", "blames_citizen", "dismissive"} & set(verdict.codes)


class RegionalRegisterTests:
    """Javanese ngoko, Jakarta slang and quiet formal blame or deflection, read by the rules
    alone (``check_rules``), and replies in the same words that must stay clean."""

    @pytest.mark.parametrize(
        ("flaw", "reply"),
        [
            ("rude", "Mas, ojo rewel, kabeh yo antri."),
            ("rude", "Rasah nesu-nesu Pak, petugas lagi kerja."),
            ("rude", "Sak karepmu wae Bu."),
            ("rude", "Ya elah pak, telat sehari doang."),
            ("rude", "Jangan cuma bisa protes, bantu juga dong."),
            ("rude", "Wah, Bapak pintar sekali menghitung lubang jalan."),
            ("rude", "Ini pertanyaan Ibu yang ke-4 minggu ini."),
            ("rude", "Situ tahu apa soal anggaran?"),
            ("rude", "Bapak ini hobi komplain ya, kurang kerjaan."),
            ("dismissive", "Nanti kalau ada anggaran. Doakan saja Pak."),
            ("blames_citizen", "Seharusnya para pedagang menjaga kebersihan pasar."),
            ("blames_citizen", "Harusnya datang lebih pagi Bu."),
            ("blames_citizen", "Kenapa warga membiarkan saja waktu itu?"),
            ("blames_citizen", "Formulir yang Bapak isi tidak lengkap, jadi tertunda."),
            ("blames_citizen", "Warga harus mandiri, jangan bergantung pada bantuan pemerintah."),
            ("dismissive", "Sing penting jalannya masih bisa dipakai."),
            ("dismissive", "Semua ada antriannya Bu."),
            ("dismissive", "Infonya sudah ada di Instagram kami."),
            ("dismissive", "Silakan dicek sendiri di aplikasi."),
            ("dismissive", "Yang sabar saja Pak."),
            (
                "wrong_unit_deflection",
                "Mohon maaf, silakan Ibu sampaikan ke instansi yang berwenang.",
            ),
            ("wrong_unit_deflection", "Kami ini bukan PDAM Pak."),
        ],
    )
    def test_the_rules_read_it(self, flaw, reply):
        assert flaw in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Ibu, terima kasih dan mohon maaf. Laporan sudah kami teruskan ke PDAM "
            "Tirtayasa, petugas datang besok pukul 09.00.",
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Tim kami membersihkan saluran di "
            "Jl. Merdeka hari Senin, mohon warga tidak membuang sampah ke saluran.",
            "Selamat siang Ibu, terima kasih, mohon maaf atas antrean tiga jam. Mulai Senin loket "
            "lansia dibuka pukul 07.30 dan petugas kami yang membentak sudah ditegur kepala "
            "puskesmas.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection"}
        assert not severe & set(check_rules(reply, ROAD).codes)


class ScoldingAndQuietBlameTests:
    """The fifth round: condescension, moralising, spread-out scolding, conditional blame and
    unnamed referrals, in phrasings found in no labelled set, read by the rules alone; and
    good replies in the same words that must stay clean."""

    @pytest.mark.parametrize(
        ("flaw", "reply"),
        [
            ("rude", "Pak, ndak usah kakean sambat, kabeh yo ngantri."),
            ("rude", "Ibu ini aneh, jalan rusak sedikit saja dipermasalahkan."),
            ("rude", "Jangan merasa paling benar Pak, petugas kami sudah bekerja."),
            ("rude", "Mending Bapak ngaca dulu sebelum lapor."),
            ("rude", "Mestinya Bapak bersyukur masih dapat bantuan."),
            ("rude", "Terus maunya Ibu apa?"),
            ("rude", "Kok sampai diviralkan segala, Bu."),
            ("rude", "Baru mati sehari sudah ribut."),
            ("rude", "Wong pelayanan gratis kok nuntut macam-macam."),
            ("rude", "Sudah dibilang berkali-kali! Urus sendiri!"),
            ("rude", "Dibaca baik-baik dulu dong Bu pengumumannya."),
            (
                "blames_citizen",
                "Seandainya Ibu cermat dari awal, berkasnya pasti tidak dikembalikan.",
            ),
            ("blames_citizen", "Dananya nyasar karena nomor rekening yang Bapak ketik sendiri."),
            ("blames_citizen", "Kenapa tidak ditanyakan dulu ke RT sebelum membangun?"),
            (
                "blames_citizen",
                "Lampu sering putus karena warga pada pasang kabel sambungan sendiri.",
            ),
            ("blames_citizen", "Coba warganya tertib buang sampah, pasti bersih."),
            (
                "wrong_unit_deflection",
                "Mohon maaf, silakan Bapak tanyakan kepada instansi yang membidangi.",
            ),
            ("wrong_unit_deflection", "Itu ranahnya kepolisian Bu."),
            ("wrong_unit_deflection", "Kami tidak mengurusi."),
            ("wrong_unit_deflection", "Bantuan itu programnya kementerian, bukan dari kami."),
            ("wrong_unit_deflection", "Silakan koordinasi dengan pihak terkait."),
        ],
    )
    def test_the_rules_read_it(self, flaw, reply):
        assert flaw in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih. Kalau Ibu berkenan, besok pukul 09.00 petugas kami "
            "datang dari awal pengukuran.",
            "Selamat siang Pak, terima kasih dan mohon maaf. Formulir yang Bapak isi sendiri di "
            "rumah bisa dikirim lewat WA 0812-3456-789, kami proses hari ini.",
            "Selamat pagi Bu, terima kasih. Kami sedang menelusuri kenapa tidak dicek petugas; "
            "Senin petugas kami memeriksa ulang meteran Ibu.",
            "Selamat siang Pak, terima kasih dan mohon maaf. Pungutan yang terlalu berlebihan itu "
            "dilarang; hari ini kepala sekolah kami panggil dan uang Bapak dikembalikan Jumat.",
            "Selamat pagi Bu, terima kasih dan mohon maaf. Ibu bukan satu-satunya yang mengalami "
            "ini, sehingga besok pukul 08.00 teknisi kami mengganti pipa di seluruh RT 03.",
            "Selamat sore Pak, terima kasih. Kami akan introspeksi diri; mulai Senin loket dibuka "
            "pukul 07.30 dan petugas piket kami tambah.",
            "Selamat pagi Bu, terima kasih. Sesuai kewenangannya masing-masing, petugas kami "
            "memangkas pohon Sabtu dan PLN memadamkan listrik sementara.",
            "Selamat siang Pak, terima kasih dan mohon maaf. Itu tanggung jawab petugas "
            "kebersihan kami; sore ini sampah diangkut.",
            "Selamat pagi Bu, terima kasih! Besok pukul 08.00 petugas kami menambal lubangnya. "
            "Jangan ragu menghubungi kami lagi!",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)

    def test_jangan_lupa_asks_for_the_action_it_names(self):
        reply = "Pagi bu, selasa & kamis jam 8-11 ya bu, jgn lupa bawa buku KIA. makasih."
        assert "no_action" not in check_rules(reply).codes


class CompetenceAndOwnershipTests:
    """Orders to stop talking, questioning the reader's competence or age, and another level
    of government named as owner with the unit's own denied; phrasings found in no labelled
    set, with good replies in the same words."""

    @pytest.mark.parametrize(
        ("flaw", "reply"),
        [
            ("rude", "Tidak usah banyak alasan Bu, ikuti saja prosedurnya."),
            ("rude", "Nggak usah banyak cingcong Pak."),
            ("rude", "Bapak paham bahasa Indonesia kan?"),
            ("rude", "Pengumumannya sudah ditempel, bisa baca kan?"),
            ("rude", "Sudah tua kok masih saja ribut soal begini."),
            ("wrong_unit_deflection", "Itu wilayah kabupaten, bukan kota."),
            ("wrong_unit_deflection", "Ruas itu jalan provinsi, bukan kewenangan kami."),
        ],
    )
    def test_the_rules_read_it(self, flaw, reply):
        assert flaw in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih. Ibu tidak perlu membawa banyak berkas; cukup KTP, "
            "dan petugas kami melayani Senin pukul 08.00.",
            "Selamat siang Pak, terima kasih dan mohon maaf. Formulir tersedia dalam bahasa "
            "Indonesia dan Jawa; petugas kami membantu mengisi di kantor kelurahan besok.",
            "Selamat pagi Bu, terima kasih. Karena Ibu sudah sepuh, petugas kami datang ke rumah "
            "Kamis pukul 09.00 untuk perekaman KTP.",
            "Selamat siang Pak, terima kasih dan mohon maaf. Ruas itu jalan provinsi; laporan "
            "Bapak sudah kami teruskan ke DPU Provinsi Jawa Tengah, telepon (024) 8311-174.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)


class KramaAndClefDeflectionTests:
    """Javanese krama ("sanes urusan"), the unit's part denied with a cleft ("bukan kami yang
    mengelola") and a reader sent to an unnamed level; phrasings found in no labelled set,
    with good replies in the same words."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Nuwun sewu Bu, menika sanes wewenang kelurahan.",
            "Jembatan itu bukan dinas yang mengurus, Pak.",
            "Terminal itu bukan kami yang pegang Bu.",
            "Silakan Ibu sampaikan ke pihak provinsi saja.",
        ],
    )
    def test_the_rules_read_it(self, reply):
        assert "wrong_unit_deflection" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bu, terima kasih dan mohon maaf. Jembatan itu bukan dinas yang "
            "mengurus; laporan Ibu sudah kami teruskan ke Balai Besar Wilayah Sungai Pemali "
            "Juana hari ini dan kami kabari jawabannya Jumat.",
            "Sugeng enjang Bu, matur nuwun. Nuwun sewu, menika sanes wewenang kelurahan; "
            "laporan sampun kami teruskan dhateng PLN Pekalongan, telepon 123.",
            "Selamat pagi Pak, terima kasih dan mohon maaf. Petugas kami menambal lubang di "
            "depan pihak sekolah besok pukul 08.00.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        assert "wrong_unit_deflection" not in check_rules(reply, ROAD).codes


class WarningOffAndTurningBackTests:
    """Warning the reader off reporting, accusing them of judging, turning the complaint
    back on them, and a registrant's own responsibility as blame (not a deflection);
    phrasings found in no labelled set, with good replies in the same words."""

    @pytest.mark.parametrize(
        ("flaw", "reply"),
        [
            ("rude", "Sedikit-sedikit kok protes-protes, Bu."),
            ("rude", "Silakan saja mengadu ke mana saja, aturannya tetap sama."),
            ("rude", "Jangan menghakimi petugas tanpa bukti, Pak."),
            ("rude", "Kok malah menyalahkan kelurahan, Pak."),
            ("rude", "Kalau Bapak tidak mau antre, ya itu pilihan Bapak."),
            ("blames_citizen", "Bapak-bapaknya saja yang malas kerja bakti."),
            ("blames_citizen", "Itu kewajiban pemilik, jadi silakan diperbaiki."),
            ("blames_citizen", "Taman rusak karena masyarakat sekitar kurang menjaga."),
        ],
    )
    def test_the_rules_read_it(self, flaw, reply):
        assert flaw in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih dan mohon maaf. Bila ingin mengadu ke Ombudsman, "
            "Ibu juga bisa; petugas kami menambal lubang di Jl. Sriwijaya besok pukul 08.00.",
            "Selamat siang Pak, terima kasih dan mohon maaf. Kami tidak menyalahkan Bapak; "
            "petugas kami datang ke lokasi Kamis pukul 09.00 untuk memperbaiki pompa.",
            "Selamat pagi Pak, terima kasih dan mohon maaf. Perbaikan saluran itu tanggung "
            "jawab kami; petugas DPUPR mengeruknya Rabu pukul 08.00.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)


class CopingScoldingAndOverpraiseTests:
    """Seventh round: the reader told to cope alone, scolded for not listening, praised past
    belief in a reply that apologises for nothing and does nothing, or named as the cause
    (a citizen doing the damage, a guess, a counterfactual, advice for next time);
    phrasings found in no labelled set, with good replies in the same words."""

    @pytest.mark.parametrize(
        ("flaw", "reply"),
        [
            ("rude", "Kalau silau ya tinggal pakai kacamata hitam, Pak."),
            ("rude", "Pak, kalau tidak betah ya pindah rumah saja."),
            ("rude", "Bu, sudah sering kami umumkan di masjid tapi tetap saja tidak datang."),
            ("rude", "Giliran banjir baru panik semua."),
            (
                "rude",
                "Selamat pagi. Terima kasih atas kesetiaan Bapak memantau gorong-gorong, "
                "kami sangat kagum.",
            ),
            ("rude", "Terima kasih, laporan Ibu luar biasa lengkap sampai foto dari lima sudut."),
            (
                "blames_citizen",
                "Genangan itu terjadi karena pemilik ruko menutup saluran dengan beton.",
            ),
            ("blames_citizen", "Mungkin Ibu belum membaca surat edaran kami."),
            ("blames_citizen", "Lain kali berkasnya dicek dengan benar sebelum diserahkan."),
            ("blames_citizen", "Formulirnya kan diisi sendiri oleh pemohon."),
            ("rude", "Kalau tidak suka suara adzan ya jangan beli rumah dekat masjid."),
            ("rude", "Bayar retribusi seribu saja kok menuntut macam-macam."),
            (
                "rude",
                "Selamat siang. Terima kasih atas kesabarannya menunggu sebulan, ketekunannya "
                "patut dicontoh.",
            ),
        ],
    )
    def test_the_rules_read_it(self, flaw, reply):
        assert flaw in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # praise with an apology and a dated action is sincere
            "Selamat pagi Pak, terima kasih atas laporan yang sangat lengkap dan mohon maaf "
            "atas lubangnya. Petugas kami menambal lubang di Jl. Sriwijaya besok pukul 08.00.",
            # "luar biasa" outside the thanks is no praise
            "Selamat siang Bu, terima kasih. Hujan kemarin memang luar biasa deras, mohon maaf "
            "atas genangannya; petugas DPUPR mengeruk saluran Rabu pukul 08.00.",
            # the unit as the cause, and a useful tip for next time
            "Selamat pagi Bu, terima kasih dan mohon maaf. Genangan terjadi karena pompa kami "
            "rusak; pompa diganti hari ini pukul 14.00. Lain kali Ibu bisa langsung menelepon "
            "112 agar tim datang lebih cepat.",
            "Selamat siang Pak, terima kasih dan mohon maaf. Mungkin pesan kami belum sampai; "
            "petugas kami menelepon Bapak besok pukul 09.00 untuk menjadwalkan perbaikan.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)


class BelittlingCareAndMovedRemitTests:
    """Eighth round: the trouble measured against someone who had it worse or called normal,
    the complaint belittled for being made, condescending counsel, the reader's care
    questioned, and the remit said to have moved or to belong to a named other; phrasings
    found in no labelled set, with good replies in the same words."""

    @pytest.mark.parametrize(
        ("flaw", "reply"),
        [
            ("rude", "Selamat siang. Terima kasih. Dua malam saja sudah protes."),
            ("rude", "Selamat pagi Bu. Lubang segitu saja dipermasalahkan."),
            ("rude", "Selamat sore Pak, terima kasih. Anggap saja olahraga pagi."),
            ("rude", "Selamat pagi. Sepertinya Bapak kurang piknik."),
            ("rude", "Selamat siang. Kalau pasar ditutup, pedagang bisa makan apa?"),
            ("blames_citizen", "Selamat sore, terima kasih. Kok bisa tertipu, Bu?"),
            ("blames_citizen", "Selamat pagi. Cucunya diawasi dong, Bu."),
            ("blames_citizen", "Selamat malam. Hati-hati saja kalau melintas di situ."),
            (
                "dismissive",
                "Selamat pagi, terima kasih. Di kecamatan lain ada yang sampai setahun.",
            ),
            ("dismissive", "Selamat siang, terima kasih. Tunggu giliran, Bu."),
            ("dismissive", "Selamat siang, terima kasih. Genangan setinggi itu masih wajar."),
            (
                "wrong_unit_deflection",
                "Selamat pagi, terima kasih. Urusan perizinan sudah dialihkan ke provinsi.",
            ),
            ("wrong_unit_deflection", "Selamat siang. Sopir angkot itu bukan binaan dinas."),
            ("wrong_unit_deflection", "Selamat siang. Tiang yang miring itu urusannya Telkom."),
        ],
    )
    def test_the_rules_read_it(self, flaw, reply):
        assert flaw in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # a dated wait is patience asked for; a care tip beside an action is advice
            "Selamat pagi Pak, terima kasih dan mohon maaf. Lubang di Jl. Sriwijaya ditambal "
            "besok pukul 08.00; sampai itu, mohon berhati-hati saat melintas.",
            # the remit moved, with the report passed on to a named body
            "Selamat siang Bu, terima kasih dan mohon maaf. Pengawasan itu sudah dialihkan ke "
            "provinsi, jadi laporan Ibu kami teruskan hari ini ke Disnakertrans Provinsi Jawa "
            "Tengah (telepon 024-8311713).",
            # someone else had it worse, said with an apology and a date
            "Selamat sore Pak, terima kasih. Kami mohon maaf: di gang ini ada yang menunggu "
            "sampai sebulan. Semua lampu yang mati diganti petugas kami Kamis ini.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)


class JavaneseRegisterAndWrittenReferralTests:
    """Ninth round: a reply in Javanese krama or ngoko is read like its Indonesian
    equivalent (salutation, apology, promise and date), and a letter sent to a named body
    ("kami kirim ke", "menyurati") is a referral; phrasings found in no labelled set."""

    def test_a_krama_reply_greets_apologises_and_acts(self):
        reply = (
            "Sugeng siang Ibu, matur nuwun. Nyuwun pangapunten, lampu menika dereng murub. "
            "Petugas badhe ndandani lampu ing gang Ibu benjing Senen enjing."
        )
        verdict = check_rules(reply, ROAD)
        for code in ("no_greeting", "no_thanks", "no_empathy", "no_action", "no_timeline"):
            assert code not in verdict.codes
        assert verdict.acceptable

    def test_a_ngoko_salutation_and_thanks_count(self):
        verdict = check_rules("Malem Mas, maturnuwun. Ngapunten, sesuk teknisi teka.", ROAD)
        assert "no_greeting" not in verdict.codes
        assert "no_thanks" not in verdict.codes
        assert "no_empathy" not in verdict.codes

    def test_krama_without_courtesy_still_lacks_it(self):
        verdict = check_rules("Petugas badhe ndandani lampu benjing Senen.", ROAD)
        assert {"no_greeting", "no_thanks", "no_empathy"} <= set(verdict.codes)

    def test_a_letter_to_a_named_body_is_a_referral(self):
        reply = (
            "Selamat siang Pak, terima kasih dan mohon maaf. Saluran irigasi itu bukan "
            "kewenangan kelurahan; kami sudah menyurati Dinas Pertanian pada Senin, 30 "
            "November, dan surat yang sama kami kirim juga ke Balai Irigasi."
        )
        assert "wrong_unit_deflection" not in check_rules(reply, ROAD).codes

    def test_not_ours_without_a_letter_is_still_a_deflection(self):
        reply = "Selamat siang Pak, terima kasih. Saluran irigasi itu bukan kewenangan kelurahan."
        assert "wrong_unit_deflection" in check_rules(reply, ROAD).codes


class TenthRoundTests:
    """Tenth round (set M): the reader's word or wits doubted, exasperation at being asked,
    curt counsel to give up and threats are rude; a term the citizen wrote is not jargon to
    them; phrasings found in no labelled set."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Bapak yakin lampunya mati semua? Coba dicek lagi.",
            "Jangan-jangan meteran Ibu sendiri yang rusak.",
            "Saya ulangi sekali lagi ya Bu, berkasnya kurang.",
            "Kok masih tanya terus, semua ada di papan pengumuman.",
            "Memangnya tidak ada kesibukan lain selain lapor?",
            "Ini bukan forum untuk marah-marah, Pak.",
            "Kalau tidak kuat bayar sewa ya pindah saja.",
            "Tuduhan tanpa bukti bisa kami laporkan balik.",
        ],
    )
    def test_the_family_is_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    def test_our_own_certainty_is_not_doubt(self):
        reply = (
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Kami yakin lubang itu berbahaya: "
            "tim kami menambalnya besok, Kamis 3 Desember pukul 09.00."
        )
        verdict = check_rules(reply, ROAD)
        assert "rude" not in verdict.codes
        assert verdict.acceptable

    def test_a_term_the_citizen_wrote_needs_no_explaining(self):
        complaint = "Pengajuan PBG saya di SIMBG belum diverifikasi sejak September."
        reply = (
            "Selamat siang Bapak, terima kasih dan mohon maaf. Petugas kami memverifikasi PBG "
            "Bapak di SIMBG besok, Selasa 1 Desember 2026."
        )
        assert "jargon" not in check_rules(reply, complaint).codes
        assert "jargon" in check_rules(reply, ROAD).codes

    def test_a_technical_term_the_citizen_did_not_write_is_still_jargon(self):
        # Was a unit name (DPUPR); unit short names are no jargon since the convention of
        # the authors who never saw the definitions (docs/replies.md, test_conventions.py).
        reply = (
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Tim DPUPR menambal lubang itu "
            "besok, Kamis 3 Desember pukul 09.00, lalu mengajukan DED perbaikan permanen."
        )
        assert "jargon" in check_rules(reply, ROAD).codes
        assert "jargon" not in check_rules(reply, ROAD + " Sudah ada DED untuk jalan ini?").codes


class EleventhRoundTests:
    """Eleventh round (set N): scolding "makanya", the reader's account doubted, threats at
    the reader or at complaining, sarcasm about the office, mockery, moralising, exasperation
    and curt sending-away are rude; a bare time of day and "Sugeng enjang" greet; thanks for
    reporting and a granted feeling are no brush-off. Phrasings found in no labelled set."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Makanya antre dari pagi, Pak, jangan mepet jam tutup.",
            "Yakin airnya mati dua hari, Bu?",
            "Mungkin Ibu salah lihat jadwalnya.",
            "Petugas kami ramah semua. Ada buktinya?",
            "Warga yang terus protes di grup bisa kami blokir aksesnya.",
            "Sambungan air Bapak akan diputus bulan depan.",
            "Seakan-akan petugas kami tidur semua.",
            "Mungkin Bapak kurang lancar menggunakan aplikasi.",
            "Jangan sedikit-sedikit menyalahkan dinas.",
            "Bayar dulu tunggakannya, baru protes.",
            "Kan sudah diumumkan di Instagram, Pak.",
            "Ya, ya, nanti dicek.",
            "Sabar dong.",
            "Puskesmas bukan minimarket yang buka tengah malam.",
            "Jangan ke sini, urus di kecamatan.",
            "Ya beli genset sendiri saja.",
        ],
    )
    def test_the_family_is_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    def test_a_sincere_reply_with_the_same_words_is_not_rude(self):
        reply = (
            "Selamat pagi Ibu, terima kasih dan mohon maaf. Yakin dan sabar, tim kami "
            "menambal lubang itu besok, Kamis 3 Desember pukul 09.00. Ada saksi yang melihat "
            "kejadiannya juga sudah kami hubungi."
        )
        verdict = check_rules(reply, ROAD)
        assert "rude" not in verdict.codes
        assert verdict.acceptable

    @pytest.mark.parametrize("opening", ["Siang, Bu.", "Malam.", "Sugeng enjang Pak."])
    def test_a_bare_time_of_day_or_javanese_salutation_greets(self, opening):
        reply = (
            f"{opening} Terima kasih dan mohon maaf. Tim kami menambal lubang itu besok, "
            "Kamis 3 Desember pukul 09.00."
        )
        assert "no_greeting" not in check_rules(reply, ROAD).codes

    def test_a_time_of_day_inside_a_sentence_does_not_greet(self):
        reply = "Pasar malam itu sudah kami tertibkan Kamis 3 Desember pukul 20.00."
        assert "no_greeting" in check_rules(reply, ROAD).codes

    def test_thanks_for_reporting_and_a_granted_feeling_are_no_brush_off(self):
        reply = (
            "Halo Kak, makasih ya udah lapor. Maaf banget, wajar kalau Kakak khawatir. Tim "
            "kami menambal lubangnya besok, Kamis 3 Desember pukul 09.00."
        )
        assert "dismissive" not in check_rules(reply, ROAD).codes
        assert "dismissive" in check_rules("Ya sudah, ditunggu saja.", ROAD).codes


class TwelfthRoundTests:
    """Twelfth round (set O): put-downs carried by a question, mocked credentials, reproachful
    "why" questions, flippant laughter, moralising, threats to drop the report and "if you
    do not want ..., do it yourself" are rude; blame as a question or as "sudah dewasa"; a
    repeated "laporan lagi", "daripada mengadu" and the queue held up as ratusan are brush-offs;
    a goal after "agar" and "memperbaiki pelayanan" are no concrete action; "kalau cuma ..."
    and a self-printed e-document are no brush-off. Phrasings found in no labelled set."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Bapak kira jalan di kota ini cuma satu?",
            "Ibu ini pakar tata kota ya?",
            "Kalau merasa lebih paham, silakan mendaftar jadi pegawai dinas.",
            "Kenapa baru sekarang lapor, Pak?",
            "Orang tuanya di mana saja?",
            "Airnya kan sudah jernih lagi. Hehe.",
            "Harusnya bersyukur masih dapat, bukan malah mengeluh.",
            "Nggak perlu iri sama penerima lain, Bu.",
            "Sekali lagi Ibu menulis dengan kasar, kami tidak akan membalas.",
            "Chat Bapak kami blokir.",
            "Cari sekolah yang lain saja.",
            "Makanya dibaca dulu pengumumannya, Bu.",
            "Kalau tidak mau antre di loket, urus online sendiri.",
        ],
    )
    def test_the_family_is_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Memangnya anak Bapak tidak salah?",
            "Orang tuanya kemana waktu anaknya main di jalan?",
            "Kenapa dulu mau menandatangani surat itu?",
            "Pemohon kan sudah dewasa, harusnya tahu syaratnya.",
            "Yang salah justru warga yang parkir di situ.",
        ],
    )
    def test_the_family_blames(self, reply):
        assert "blames_citizen" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Keluhan lagi, keluhan lagi.",
            "Daripada ngeluh di grup, mending ikut kerja bakti.",
            "Nanti diperbaiki kalau dananya jatuh dari langit.",
            "Jangan menyalahkan petugas, jalannya memang sudah tua.",
            "Yang menunggu perbaikan ada ratusan, Pak.",
            "Gangguan bisa terjadi kapan saja, tidak mungkin kami kabari satu per satu.",
            "Lurah juga punya kesibukan lain.",
        ],
    )
    def test_the_family_brushes_off(self, reply):
        assert "dismissive" in check_rules(reply, ROAD).codes

    def test_a_body_disowned_as_not_the_citys_is_a_deflection(self):
        reply = "Selamat siang. Terminal itu bukan instansi pemerintah kota."
        assert "wrong_unit_deflection" in check_rules(reply, ROAD).codes

    def test_a_goal_and_a_better_service_are_no_concrete_action(self):
        for reply in (
            "Selamat pagi, terima kasih dan mohon maaf. Kami akan segera berkoordinasi dengan "
            "instansi terkait agar lubang dapat ditambal secepatnya.",
            "Selamat pagi, terima kasih dan mohon maaf. Kami akan meningkatkan pelayanan ke "
            "depannya.",
        ):
            verdict = check_rules(reply, ROAD)
            assert "vague" in verdict.codes or "no_action" in verdict.codes
            assert not verdict.acceptable

    def test_a_request_after_agar_and_a_spoken_patrol_are_actions(self):
        reply = (
            "Selamat pagi Pak, terima kasih dan mohon maaf. Kami minta agar kontraktor menambal "
            "lubang itu besok, Kamis 3 Desember pukul 09.00."
        )
        assert "no_action" not in check_rules(reply, ROAD).codes
        reply = (
            "Malam Pak, matur nuwun, ngapunten. Sabtu malam ini kami patroli di Jl. Pelita mulai "
            "jam 10 malam."
        )
        assert "no_action" not in check_rules(reply, ROAD).codes

    def test_a_condition_and_a_self_printed_document_are_no_brush_off(self):
        lights = "Lampu jalan di depan gang kami mati sudah seminggu, gelap sekali."
        reply = (
            "Selamat malam Pak, terima kasih dan mohon maaf. Kalau cuma lampunya yang putus, "
            "langsung diganti petugas besok, Kamis 3 Desember; surat tanggapannya bisa diunduh "
            "sendiri di laman kami."
        )
        assert "dismissive" not in check_rules(reply, lights).codes


class ThirteenthRoundTests:
    """Thirteenth round (set P): talking down inside a brush-off -- the reader's character
    corrected, the staff excused as "juga manusia" by the unit, youth excused, sarcastic
    compliments, moral lectures, threats of sanctions for slander, orders not to report again,
    nobody else complains -- is rude; blame as a guess at the reader's neglect, as a
    condition, as the origin of the trouble. Phrasings found in no labelled set."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Sekolah negeri bukan satu-satunya pilihan, Bu, jangan gengsian.",
            "Air naik sedikit saja, jangan terlampau panik, Pak.",
            "Perawat kami juga manusia, Bu, wajar kalau lupa.",
            "Namanya juga anak remaja, Pak. Tutup pintu saja.",
            "Masa apa-apa harus dinas yang turun tangan?",
            "Terima kasih untuk Ibu yang cermat sekali memeriksa struk.",
            "Tentu kami yang salah, Bapak pasti benar.",
            "Sebagai warga negara yang taat, lain waktu jangan asal mengirim foto.",
            "Mari kita juga belajar antre dengan tertib.",
            "Tuduhan palsu bisa dijerat pasal pencemaran.",
            "Harap tidak mengirim aduan yang sama berkali-kali.",
            "Warga yang lain tidak ada yang keberatan dengan jadwal itu.",
            "Dulu kita minum air sungai juga baik-baik saja.",
            "Seharusnya nenek itu diurus anak-anaknya, Pak.",
            "Lain kali tolong pakai bahasa yang sopan.",
            "Kalau terganggu ya tutup jendela, Bu.",
        ],
    )
    def test_the_family_is_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Mungkin ada kran yang belum dimatikan di dapur, Pak.",
            "Ibu sendiri jarang membersihkan talang, jadi airnya meluap.",
            "Kalau pedagang mau tertib membuang sampah, saluran tidak akan mampet.",
            "Banjir di gang itu bermula dari sampah yang dibuang warga ke selokan.",
        ],
    )
    def test_the_family_blames(self, reply):
        assert "blames_citizen" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # the unit looks at itself
            "Selamat sore Pak, terima kasih. Kami akan introspeksi diri; mulai Senin loket "
            "dibuka pukul 07.30 dan petugas piket kami tambah.",
            # the reader told what to say at the counter
            "Selamat pagi Bu, terima kasih dan mohon maaf. Besok Ibu datang ke loket 3, bilang "
            "saja sudah lapor ke sini, petugas kami melayani sampai selesai.",
            # the unit's own staff said to be human in an apology, with the fix
            "Selamat pagi Bu, terima kasih dan mohon maaf, petugas kami keliru menulis nama. "
            "Akta yang benar kami cetak Senin, 30 November 2026.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)


class FourteenthRoundTests:
    """Fourteenth round (set R): weary reproach, counted reports, "kok dibiarkan" and "tidak
    berhak komplain" are rude; the reader's own place or papers guessed at fault, the duty
    handed back to citizens by a reply that does nothing, and a third party's litter are
    blame; resignation, a unit declaring itself blameless, the matter declared settled or
    parked in a budget, and a suggestion only acknowledged are brush-offs. Phrasings found in
    no labelled set; each with a near miss that must stay clean."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bu, terima kasih. Sudah berulang kali kami sampaikan lewat RT, "
            "sampah jangan ditaruh di bahu jalan. Truk kami angkut Kamis pagi.",
            "Selamat sore Pak, terima kasih atas aduannya yang ketiga bulan ini. Lampunya kami "
            "ganti Jumat malam.",
            "Anaknya kok dibiarin naik ke tanggul Pak?",
            "Penghuni yang belum bayar iuran tidak berhak protes soal kebersihan.",
        ],
    )
    def test_the_family_is_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Mungkin di rumah Ibu saja yang tekanannya lemah.",
            "Berkas pengajuan dari notaris Bapak belum lengkap, jadi belum bisa kami proses.",
            "Pengguna jalan harap lebih berhati-hati di tikungan itu.",
            "Orang tua wajib mengawasi anak-anak saat bermain di taman.",
            "Got itu penuh sampah yang dibuang pedagang pasar.",
        ],
    )
    def test_the_family_blames(self, reply):
        assert "blames_citizen" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Sudah diperbaiki dua kali tapi rusak lagi. Ya begitulah keadaannya.",
            "Kami tidak bisa disalahkan, hujan memang deras.",
            "Bengkel itu sudah mengantongi izin usaha Pak.",
            "Kadar debunya masih di bawah baku mutu.",
            "Trotoar itu di luar pagu anggaran kami, Pak.",
            "Jadi bukan salah Dishub, kabelnya putus sendiri.",
            "Info pemadaman sudah kami umumkan lewat Instagram.",
            "Oke Pak, masukan sudah kami terima.",
        ],
    )
    def test_the_family_brushes_off(self, reply):
        assert "dismissive" in check_rules(reply, ROAD).codes

    def test_the_weary_brush_off_stays_dismissive_in_its_old_wording(self):
        # the definition's "sudah kami jelaskan berkali-kali" is still a brush-off
        assert "dismissive" in check_rules("Sudah kami jelaskan berkali-kali, Pak.", ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # the unit's duty and its own schedule, with the work done
            "Selamat pagi Bu, terima kasih dan mohon maaf. Petugas kami mengawasi taman setiap "
            "sore, dan ayunan yang patah kami ganti Rabu, 2 Desember 2026.",
            # a reassurance, not a defence
            "Selamat siang Bu, terima kasih dan mohon maaf. Itu bukan salah Ibu; data Ibu kami "
            "perbaiki hari ini dan kartunya bisa diambil Senin di loket 2.",
            # an advisory beside the unit's own work
            "Selamat malam Pak, terima kasih, kami ikut prihatin. Tim BPBD memasang karung pasir "
            "malam ini; warga mohon tetap waspada sampai air surut.",
            # an honest report count, no jibe
            "Selamat pagi Pak, terima kasih. Laporan yang kedua sudah kami gabungkan dengan yang "
            "pertama; tim kami menambal lubang itu besok pukul 09.00.",
            # an ordinal not about reports
            "Selamat pagi Bu, terima kasih dan mohon maaf atas keterlambatannya. Bantuan tahap "
            "ketiga bulan ini kami salurkan Kamis (3/12) di kantor pos.",
            # a licence check that is an action
            "Selamat siang Pak, terima kasih dan mohon maaf. Petugas kami memeriksa izin bengkel "
            "itu Selasa, 1 Desember 2026, dan hasilnya kami kabari Kamis.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)

    def test_placeholder_and_spoken_promises_are_generic(self):
        for reply in (
            "Siap, akan dikondisikan.",
            "Akan segera diflushing.",
            "Laporan Ibu akan segera kami tanyakan kembali.",
        ):
            got = set(check_rules(reply, ROAD).codes)
            assert "vague" in got and "no_action" not in got, reply


class CourtesyFormTests:
    """Everyday courtesy a checker must read: the answer to "Assalamualaikum" greets, and a
    feeling acknowledged ("wajar Ibu khawatir", "kami juga kesal") or a wish for someone
    hurt is empathy; "itu wajar" about the service is not."""

    ACTION = " Petugas kami datang besok pukul 09.00 untuk memperbaiki pipa di depan rumah Ibu."

    @pytest.mark.parametrize(
        "opening",
        ["Waalaikumsalam Bu,", "Wa'alaikumsalam warahmatullah, Ibu.", "Walaikum salam Pak,"],
    )
    def test_the_answer_to_a_salam_is_a_greeting(self, opening):
        verdict = check(f"{opening} terima kasih dan mohon maaf atas kendalanya.{self.ACTION}")
        assert "no_greeting" not in verdict.codes and verdict.acceptable, verdict.codes

    @pytest.mark.parametrize(
        "feeling",
        [
            "wajar sekali Ibu khawatir karena airnya keruh.",
            "wajar Bapak kaget tagihannya melonjak begitu.",
            "kami juga kecewa melihat pipa itu bocor lagi.",
            "semoga anak-anak lekas pulih.",
            "semoga ibu yang jatuh tidak apa-apa.",
        ],
    )
    def test_a_feeling_acknowledged_is_empathy(self, feeling):
        verdict = check(f"Selamat pagi Bu, terima kasih sudah melapor, {feeling}{self.ACTION}")
        assert "no_empathy" not in verdict.codes and verdict.acceptable, verdict.codes

    def test_calling_the_service_normal_is_not_empathy(self):
        verdict = check(
            "Selamat pagi Bu, terima kasih. Itu wajar, prosedurnya memang begitu." + self.ACTION
        )
        assert "no_empathy" in verdict.codes and not verdict.acceptable


class FifteenthRoundTests:
    """Fifteenth round (set S): the unit's earlier notice held against the reader, the
    reader's missing step or the citizens' neglect named as the cause, advice after the fact
    and a deed declared not allowed are blame; thanks for an accusation or for a misdeed are
    rude; telling citizens to fix it themselves is a brush-off. Phrasings found in no labelled
    set; each with a near miss that must stay clean."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Pak, terima kasih. Sebenarnya jadwal pemadaman sudah kami umumkan sejak "
            "minggu lalu. Petugas PLN menyala kembali pukul 14.00 hari ini.",
            "Selamat siang Bu, terima kasih. Sudah berulang kali kami ingatkan agar tidak parkir "
            "di bahu jalan. Derek Dishub datang besok pagi.",
            "Selamat siang Bu, terima kasih. Bantuan belum cair karena Ibu dulu belum memperbarui "
            "data KK. Petugas kami datang Kamis pukul 10.00.",
            "Selamat sore Pak, terima kasih. Banjir pasti datang lagi kalau warga tidak rajin "
            "membersihkan got. Tim kami mengeruk saluran Sabtu pagi.",
            "Selamat sore Pak, terima kasih. Bau itu biasanya dari saluran rumah Bapak yang jarang "
            "dikuras. Petugas kami cek besok pukul 09.00.",
            "Selamat pagi Pak, terima kasih. Seharusnya saat sertifikat diterima langsung diteliti "
            "ya Pak. Petugas kami bantu koreksi Senin di loket 3.",
            "Selamat pagi Bu, terima kasih. Sebaiknya sebelum membeli rumah Ibu mengecek izinnya. "
            "Petugas kami memeriksa lokasi Rabu pukul 10.00.",
            "Selamat pagi Pak, terima kasih. Menutup saluran untuk parkir sebenarnya dilarang. Tim "
            "kami membongkar cor itu Senin pagi.",
            "Selamat pagi Bu, terima kasih. Berkas bisa diunggah lewat aplikasi, jadi Ibu tidak "
            "perlu antre pagi-pagi kalau daftar dari rumah. Petugas kami cetak kartunya Senin.",
        ],
    )
    def test_the_family_blames(self, reply):
        assert "blames_citizen" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Pak, terima kasih sudah menuduh petugas kami, silakan saja.",
            "Selamat pagi, terima kasih atas kecurigaannya kepada kami ya Bu.",
            "Selamat pagi Pak, terima kasih sudah parkir di trotoar bertahun-tahun tanpa izin.",
        ],
    )
    def test_the_family_is_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang. Gorong-gorong gang itu silakan diswadayakan saja oleh warga.",
            "Selamat pagi Pak. Untuk taman RT silakan kerja bakti bersama warga.",
            "Selamat malam. Soal pagar tetangga silakan dimusyawarahkan secara kekeluargaan.",
        ],
    )
    def test_the_family_brushes_off(self, reply):
        assert "dismissive" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # the unit's own announcement of its schedule, nothing held against the reader
            "Selamat pagi Pak, terima kasih dan mohon maaf. Jadwal pemadaman kami umumkan di "
            "kelurahan; petugas PLN memperbaiki gardu itu hari ini pukul 10.00.",
            # the unit's missing step, not the reader's
            "Selamat siang Bu, terima kasih dan mohon maaf. Bantuan belum cair karena kami belum "
            "menerima data dari bank; petugas kami mengabari Ibu Kamis pukul 10.00.",
            # sincere thanks for a report
            "Selamat pagi Bu, terima kasih sudah melapor dan mohon maaf. Petugas kami menambal "
            "lubang itu besok pukul 09.00.",
            # advice for the future, not after the fact
            "Selamat siang Pak, terima kasih dan mohon maaf. Sebaiknya Bapak membawa KK saat "
            "datang Senin; petugas kami melayani di loket 2 pukul 08.00.",
            # the unit itself takes part in the clean-up
            "Selamat pagi Pak, terima kasih dan mohon maaf. Tim DLH ikut kerja bakti bersama "
            "warga Minggu pukul 07.00 dan mengangkut sampahnya.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)

    def test_spmb_is_an_everyday_school_word(self):
        reply = (
            "Selamat pagi Bu, terima kasih dan mohon maaf. Panitia SPMB mengecek jarak rumah Ibu "
            "besok pukul 09.00."
        )
        assert "jargon" not in check_rules(reply, ROAD).codes


class SixteenthRoundTests:
    """Sixteenth round (set T): a word of the reader's in scare quotes inside the thanks,
    thanks for a jibe and sarcastic impossibility are rude; the reader's household named for
    a missing step, "ya risiko" and children's safety handed to the parents are blame; the
    reader told to wait for news or queue behind the many, to fix it together, the request
    declared no remedy and the misdeed denied are brush-offs; a time that measures the
    trouble is no time frame; an emoji closes a chat sentence; a Javanese reply's
    understanding and verbs are read. Phrasings found in no labelled set; each with a near
    miss that must stay clean."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Pak, terima kasih atas 'masukan berharganya'. Jalan itu sudah kami "
            "tambal minggu lalu.",
            "Selamat siang Bu, terima kasih atas sindirannya 😊 Petugas kami ke lokasi besok.",
            "Selamat sore Pak. Kami juga menunggu dana turun dari langit.",
            "Petugas kami bukan robot Bu. Lampu diganti kalau ada stok.",
        ],
    )
    def test_the_family_is_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bu, terima kasih. Bantuan tertahan karena pemohon belum melampirkan "
            "surat keterangan. Petugas kami membantu di loket Senin pukul 09.00.",
            "Selamat pagi. Kalau mau dilayani cepat ya risiko antre panjang, Pak.",
            "Selamat pagi Bu, terima kasih. Sebaiknya balita bermain di bawah pengawasan "
            "orang tua.",
        ],
    )
    def test_the_family_blames(self, reply):
        assert "blames_citizen" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Pak, terima kasih. Stok meteran sedang kosong, silakan tunggu kabar.",
            "Selamat malam Kak, terima kasih. Antri dulu ya, laporan lampu mati banyak sekali.",
            "Selamat siang, terima kasih. Dana kelurahan habis, mungkin warga bisa kerja bakti.",
            "Selamat siang, terima kasih. Penyemprotan bukan solusi untuk jentik.",
            "Selamat siang, terima kasih. Bau itu belum tentu dari pabrik.",
            "Selamat siang, terima kasih. Petugas loket kami tidak pernah menerima uang titipan.",
        ],
    )
    def test_the_family_brushes_off(self, reply):
        assert "dismissive" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # thanks for the report with a quoted name of a service
            "Selamat pagi Pak, terima kasih telah menghubungi 'Lapor Walikota' dan mohon maaf. "
            "Tim kami menambal lubang itu besok pukul 09.00.",
            # the unit's own missing step, not the reader's household
            "Selamat siang Bu, terima kasih dan mohon maaf. Bantuan tertahan karena kami belum "
            "menerima data dari bank; petugas kami mengabari Ibu Kamis pukul 10.00.",
            # the unit itself watches the children's playground
            "Selamat pagi Bu, terima kasih dan mohon maaf. Petugas taman kami berjaga mulai "
            "besok pukul 07.00 dan mengganti ayunan yang patah Sabtu.",
            # waiting with a date is patience asked for
            "Selamat pagi Pak, terima kasih dan mohon maaf. Petugas kami memasang meteran baru "
            "Kamis pukul 10.00.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)

    def test_a_time_that_measures_the_trouble_is_no_time_frame(self):
        reply = (
            "Selamat pagi Pak, terima kasih, dan mohon maaf pompa itu sampai tiga minggu rusak. "
            "Petugas kami akan memperbaiki pompanya."
        )
        assert "no_timeline" in check_rules(reply, ROAD).codes
        timed = reply.replace("memperbaiki pompanya", "memperbaiki pompanya besok pagi")
        assert "no_timeline" not in check_rules(timed, ROAD).codes

    def test_an_emoji_closes_a_chat_sentence(self):
        reply = "Terima kasih atas sindirannya 😁 Lubang di depan SD kami tambal besok pukul 09.00."
        codes = check_rules(reply, ROAD).codes
        assert "rude" in codes and "no_action" not in codes

    def test_a_javanese_reply_understands_and_acts(self):
        reply = (
            "Sugeng enjing Pak, matur nuwun. Kula mangertos Bapak sumelang. Surat pengantar "
            "sampun kula damelaken, saget dipendhet benjing jam 08.00."
        )
        codes = check_rules(reply, ROAD).codes
        assert "no_empathy" not in codes and "no_action" not in codes

    def test_a_statement_opener_is_no_referral(self):
        reply = (
            "Selamat siang. Perlu kami sampaikan bahwa jembatan itu kewenangan Kementerian "
            "PUPR, bukan kami. Terima kasih."
        )
        assert "wrong_unit_deflection" in check_rules(reply, ROAD).codes


class SeventeenthRoundTests:
    """Seventeenth round (set U): thanks for the reader's alarm, sarcastic deference, "not only
    you", a scolding about how or where the reader wrote are rude; the warning repeated many
    times, the reader's failure to act in time, the citizens told to be more active or to stop
    paying are blame; the trouble declared normal, an instrument that cannot lie, "every city
    too", "dimaklumi saja" are brush-offs. Phrasings found in no labelled set; each with a
    near miss that must stay clean."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bu. Terima kasih atas kehebohannya. Pohon itu masih kuat.",
            "Selamat pagi. Pasti Bapak lebih paham daripada tukang kami soal aspal.",
            "Mas, petugas kami tidak hanya mengurus Mas saja. Ditunggu.",
            "Selamat sore. Mohon jangan sedikit-sedikit diviralkan ke TikTok, Bu.",
            "Selamat pagi. Tidak usah menyebarkan ketakutan di grup RT, Pak.",
        ],
    )
    def test_the_family_is_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi. Sudah berulang-ulang kami ingatkan agar tidak parkir di bahu jalan.",
            "Selamat siang. Sertifikat tertahan karena pemilik tidak segera mengurus pajaknya.",
            "Selamat siang. Sebaiknya masyarakat lebih aktif memantau jadwal penyaluran.",
            "Selamat malam. Pungutan itu ada selama warga masih mau membayar, Pak.",
        ],
    )
    def test_the_family_blames(self, reply):
        assert "blames_citizen" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang, terima kasih. Genangan setelah hujan itu hal biasa, Pak.",
            "Selamat pagi, terima kasih. Antrean dua jam masih wajar Bu.",
            "Selamat siang, terima kasih. Timbangan di pasar itu tidak mungkin keliru.",
            "Selamat sore, terima kasih. Semua kabupaten juga mengalami kekurangan guru.",
        ],
    )
    def test_the_family_brushes_off(self, reply):
        assert "dismissive" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # the unit's own repeated effort, not a warning held against the reader
            "Selamat pagi Bu, terima kasih dan mohon maaf. Sudah berkali-kali kami tambal, jadi "
            "Senin pukul 08.00 tim kami mengaspal ulang seluruh ruas itu.",
            # the reader's worry called natural is empathy, not a brush-off
            "Selamat siang Pak, terima kasih. Kami memahami, wajar sekali Bapak khawatir. "
            "Petugas kami memeriksa tanggul besok pukul 09.00.",
            # a service that returned to normal is a report of finished work
            "Selamat siang Bu, terima kasih dan mohon maaf. Tekanan air sudah normal kembali "
            "sejak pukul 10.00 tadi.",
            # sincere thanks for the reader's care
            "Selamat pagi Pak, terima kasih atas kepeduliannya dan mohon maaf. Tim kami "
            "menambal lubang itu besok pukul 09.00.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)


class EighteenthRoundTests:
    """Eighteenth round (set V): help made to wait on the unit's convenience, a service the unit
    will not keep giving, "cannot fight nature", the delay denied, "jangan berprasangka" and,
    when nothing is done, "mohon dipahami", "tergantung anggaran", a quota that is limited, a
    bill that must still be paid are brush-offs; a laughing emoji and "lucu juga ya" are rude;
    "mohon maaf" that only softens a refusal is no empathy; forwarding to "dinas terkait ya"
    is vague, not a deflection; a shouted phrase is no acronym. Phrasings found in no labelled
    set; each with a near miss that must stay clean."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Pak, terima kasih. Lubangnya nanti kami tambal kalau petugas sempat.",
            "Selamat pagi, terima kasih. Nanti kami pikirkan dulu ya Bu.",
            "Selamat siang. Kami tidak mungkin menambal terus setiap minggu, Pak.",
            "Selamat pagi. Banjir itu takdir, pemerintah tidak mampu melawan alam.",
            "Selamat sore. Kendalanya bukan dari pihak kami, Bu.",
            "Selamat siang Bu. Jangan berburuk sangka dulu pada petugas kami.",
            "Selamat pagi, terima kasih. Perbaikan jalan semuanya tergantung anggaran. "
            "Mohon dipahami.",
            "Selamat siang, terima kasih. Kuota bantuannya memang terbatas, Bu.",
            "Selamat pagi. Retribusi tetap wajib dilunasi bulan ini, Pak.",
        ],
    )
    def test_the_family_brushes_off(self, reply):
        assert "dismissive" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Pak, terima kasih. Jalan berlubang kok baru dilaporkan sekarang 🤣. "
            "Nanti kami lihat.",
            "Selamat pagi. Lucu sekali ya Pak, minta jalan mulus tapi lewat tiap hari bawa truk.",
            "Selamat siang Bu. Kalau sedikit-sedikit minta diperbaiki, kapan bisa mandiri?",
        ],
    )
    def test_the_family_is_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang, terima kasih. Jalan itu bukan kewenangan kami. Mohon maaf tidak dapat "
            "kami tindak lanjuti.",
            "Selamat pagi, terima kasih. Jalan provinsi bukan wewenang kami. Mohon maaf.",
        ],
    )
    def test_an_apology_that_softens_a_refusal_is_no_empathy(self, reply):
        assert "no_empathy" in check_rules(reply, ROAD).codes

    def test_forwarding_to_an_unnamed_office_is_vague_not_a_deflection(self):
        codes = check_rules(
            "Selamat siang Pak, terima kasih dan mohon maaf. Laporan Bapak sudah kami teruskan "
            "ke instansi terkait ya.",
            ROAD,
        ).codes
        assert "wrong_unit_deflection" not in codes
        assert "vague" in codes

    def test_a_shouted_phrase_is_not_jargon(self):
        codes = check_rules("Selamat pagi Pak, terima kasih. JEMBATAN AMAN. Kami pantau.", ROAD)
        assert "jargon" not in codes.codes

    def test_duty_put_on_the_customer_is_not_a_deflection_and_no_action(self):
        codes = check_rules(
            "Selamat siang, terima kasih. Kebocoran setelah meter merupakan tanggung jawab "
            "pelanggan. Silakan panggil tukang ledeng.",
            "Tagihan air saya naik tiga kali lipat.",
        ).codes
        assert "wrong_unit_deflection" not in codes
        assert "no_action" in codes

    @pytest.mark.parametrize(
        "reply",
        [
            # the reader's own free time, not the unit's convenience
            "Selamat pagi Pak, terima kasih dan mohon maaf. Tim kami menambal lubang itu besok "
            "pukul 09.00. Kalau sempat, kirim foto lubang lain ke nomor ini.",
            # a smile is not a laugh; an apology for the trouble stays empathy
            "Selamat siang Bu, mohon maaf atas lubangnya 😊 Terima kasih, besok pukul 08.00 "
            "petugas kami menambalnya.",
            # the unit's own fault admitted: "seharusnya tidak perlu" is no blame
            "Selamat siang Ibu, terima kasih dan mohon maaf, itu kesalahan kami; Ibu seharusnya "
            "tidak perlu datang dua kali. Besok pukul 09.00 petugas kami menambal lubangnya.",
            # a bill corrected, with a due date: no brush-off
            "Selamat pagi Pak, terima kasih dan mohon maaf. Tagihan sudah kami koreksi hari ini "
            "menjadi Rp104.500 dan rinciannya kami kirim hari ini; tagihan tetap dibayar setelah "
            "rincian itu Bapak terima.",
        ],
    )
    def test_a_good_reply_in_the_same_words_stays_clean(self, reply):
        severe = {"rude", "blames_citizen", "dismissive", "wrong_unit_deflection", "no_action"}
        assert not severe & set(check_rules(reply, ROAD).codes)
        assert "no_empathy" not in check_rules(reply, ROAD).codes


class NineteenthRoundTests:
    """Nineteenth round (sets W and X): a day and month written with a slash is a date; a
    two-letter procedural abbreviation is jargon; forwarding to an unnamed "bagian terkait" is
    vague; a reader told to report elsewhere, in a reply that turns the report away, is no
    referral; "sudah ... hari ini" dates a step already taken. Phrasings found in no labelled
    set; each with a near miss that must keep its reading."""

    def test_a_slash_date_is_a_time(self):
        reply = (
            "Selamat pagi Bu, terima kasih dan mohon maaf atas lubangnya. Penambalan oleh tim "
            "jalan dijadwalkan 21/5 di depan Pasar Grogolan."
        )
        assert "no_timeline" not in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # an RT/RW pair and a round-the-clock service are no dates
            "Selamat pagi Bu, terima kasih dan mohon maaf. Tim jalan akan menambal lubang di "
            "RT 04/05 dekat Pasar Grogolan.",
            "Selamat pagi Bu, terima kasih dan mohon maaf. Tim jalan akan menambal lubang di "
            "depan Pasar Grogolan; posko kami buka 24/7.",
        ],
    )
    def test_numbers_with_a_slash_that_are_no_date(self, reply):
        assert "no_timeline" in check_rules(reply, ROAD).codes

    def test_a_two_letter_procedural_abbreviation_is_jargon(self):
        reply = (
            "Selamat pagi Bu, terima kasih dan mohon maaf. Lubang masuk daftar TL tim jalan dan "
            "ditambal dalam 2 HK."
        )
        assert "jargon" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # everyday pairs and initials before a name
            "Selamat pagi Bu, terima kasih dan mohon maaf. Tim Dinas PU menambal lubang di "
            "Jl. WR Supratman besok pukul 08.00; fotonya kami unggah di IG kami.",
            "Selamat pagi Bu, terima kasih dan mohon maaf. SK perbaikan sudah terbit; tim jalan "
            "menambal lubang besok pukul 08.00.",
        ],
    )
    def test_everyday_pairs_are_no_jargon(self, reply):
        assert "jargon" not in check_rules(reply, ROAD).codes

    def test_forwarding_to_an_unnamed_section_is_vague(self):
        reply = (
            "Selamat siang Bu, terima kasih dan mohon maaf atas ketidaknyamanannya. Laporan Ibu "
            "sudah kami teruskan ke seksi terkait."
        )
        assert "vague" in check_rules(reply, ROAD).codes

    def test_forwarding_to_a_named_unit_stays_concrete(self):
        reply = (
            "Selamat siang Bu, terima kasih dan mohon maaf atas lubang di depan pasar. Laporan "
            "Ibu sudah kami teruskan ke Dinas PUPR, dan tim jalan menambalnya besok pukul 08.00."
        )
        assert "vague" not in check_rules(reply, ROAD).codes

    def test_sending_the_reader_elsewhere_without_a_contact_is_a_deflection(self):
        codes = check_rules(
            "Selamat siang, terima kasih. Pencurian kabel bukan kewenangan kami, silakan Bapak "
            "melapor ke polsek.",
            ROAD,
        ).codes
        assert "wrong_unit_deflection" in codes and "no_action" in codes

    def test_a_contact_or_the_unit_forwarding_is_a_referral(self):
        for reply in (
            "Selamat siang, terima kasih. Pencurian kabel bukan kewenangan kami, silakan Bapak "
            "melapor ke Polsek Pekalongan Barat di 0285-421100.",
            "Selamat siang, terima kasih. Pencurian kabel bukan kewenangan kami; laporan Bapak "
            "sudah kami teruskan ke Polsek Pekalongan Barat hari ini.",
        ):
            assert "wrong_unit_deflection" not in check_rules(reply, ROAD).codes, reply

    def test_today_of_a_step_already_taken_is_no_time_for_the_next(self):
        codes = check_rules(
            "Selamat siang Bu, terima kasih dan mohon maaf. Laporan sudah kami kirim ke Dinas "
            "PUPR hari ini, dan petugas akan menambal lubangnya secepatnya.",
            ROAD,
        ).codes
        assert "no_timeline" in codes

    def test_today_of_the_next_step_is_a_time(self):
        codes = check_rules(
            "Selamat siang Bu, terima kasih dan mohon maaf. Petugas Dinas PUPR menambal "
            "lubangnya hari ini pukul 14.00.",
            ROAD,
        ).codes
        assert "no_timeline" not in codes


WATER = "Air PDAM di rumah saya keruh sejak tiga hari, anak saya sampai gatal-gatal."


class TwentiethRoundTests:
    """Twentieth round (set Y): each reading on phrasings invented for the test, found in no
    labelled set, with a near miss that keeps its reading."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Sugeng enjing Bu, matur nuwun laporanipun. Mugi-mugi putranipun enggal saras. "
            "Petugas PDAM badhe mriksa pipa dinten Kemis, 14 Mei.",
            "Sugeng enjing Bu, matur nuwun. Mugi simbah cepet mari nggih. Petugas PDAM badhe "
            "mriksa pipa dinten Kemis, 14 Mei.",
            "Sugeng enjing Bu, matur nuwun. Mugi-mugi sedaya kulawarga enggal dipun paringi "
            "kesehatan. Petugas PDAM badhe mriksa pipa dinten Kemis, 14 Mei.",
            "Sugeng enjing Bu, matur nuwun, kula tumut prihatin. Petugas PDAM badhe mriksa pipa "
            "dinten Kemis, 14 Mei.",
        ],
    )
    def test_javanese_wishes_and_sympathy_are_empathy(self, reply):
        assert "no_empathy" not in check_rules(reply, WATER).codes

    def test_a_javanese_wish_for_the_bill_is_no_empathy(self):
        reply = (
            "Sugeng enjing Bu, matur nuwun. Mugi tagihanipun enggal lunas. Petugas PDAM badhe "
            "mriksa pipa dinten Kemis, 14 Mei."
        )
        assert "no_empathy" in check_rules(reply, WATER).codes

    def test_thanks_for_contacting_is_not_the_units_step(self):
        reply = (
            "Selamat pagi Bu, terima kasih sudah menghubungi kami. Kami memahami kesulitan Ibu. "
            "Keluhan Ibu akan diproses."
        )
        assert "vague" in check_rules(reply, WATER).codes

    def test_the_units_contact_after_thanks_is_still_a_step(self):
        reply = (
            "Selamat pagi Bu, terima kasih sudah melapor. Kami memahami kesulitan Ibu. Petugas "
            "kami menghubungi Ibu besok pagi untuk jadwal pengecekan pipa di rumah Ibu."
        )
        assert "vague" not in check_rules(reply, WATER).codes
        assert "no_action" not in check_rules(reply, WATER).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih dan mohon maaf atas air yang keruh di Perumahan "
            "Griya Asri. Keluhan Ibu akan ditindaklanjuti.",
            "Selamat pagi Bu, terima kasih dan mohon maaf atas air yang keruh di Perumahan "
            "Griya Asri. Keluhan Ibu akan kami koordinasikan dengan bagian terkait.",
            "Selamat pagi Bu, terima kasih dan mohon maaf atas air yang keruh di Perumahan "
            "Griya Asri. Keluhan Ibu diproses sesuai ketentuan yang berlaku.",
        ],
    )
    def test_a_formula_promise_is_vague_however_much_else_is_named(self, reply):
        assert "vague" in check_rules(reply, WATER).codes

    def test_a_formula_with_its_doer_and_time_is_not_only_a_formula(self):
        reply = (
            "Selamat pagi Bu, terima kasih dan mohon maaf atas air yang keruh di Perumahan "
            "Griya Asri. Keluhan Ibu ditindaklanjuti oleh Perumda Air Minum Rabu, 14 Mei."
        )
        assert "vague" not in check_rules(reply, WATER).codes

    def test_a_dated_step_beside_a_refused_part_is_an_action(self):
        reply = (
            "Selamat siang Bu, terima kasih dan mohon maaf. Tim kami mengirim tangki air bersih "
            "ke Perumahan Griya Asri sore ini. Untuk ganti rugi berobat, itu bukan kewenangan "
            "kami."
        )
        got = check_rules(reply, WATER).codes
        assert "no_action" not in got
        assert "wrong_unit_deflection" in got

    def test_a_reader_sent_on_with_a_date_is_still_no_action(self):
        reply = (
            "Selamat siang Bu, terima kasih dan mohon maaf. Itu bukan kewenangan kami. Silakan "
            "Ibu datang sendiri ke kantor provinsi hari Senin."
        )
        assert "no_action" in check_rules(reply, WATER).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi. Ibu tidak usah marah-marah begitu. Petugas kami cek pipanya besok.",
            "Selamat pagi. Jangan menyebarkan kabar yang belum jelas, Bu. Petugas kami cek "
            "pipanya besok.",
        ],
    )
    def test_the_reader_told_not_to_shout_or_spread_rumours_is_rude(self, reply):
        assert "rude" in check_rules(reply, WATER).codes

    def test_asked_politely_not_to_spread_rumours_is_not_rude(self):
        reply = (
            "Selamat pagi Bu, terima kasih. Kami mohon Ibu tidak menyebarkan kabar yang belum "
            "jelas. Petugas kami cek pipanya besok pukul 09.00."
        )
        assert "rude" not in check_rules(reply, WATER).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih. Keruhnya disebabkan pipa dalam milik pelanggan yang "
            "berkarat. Petugas kami cek pipanya besok.",
            "Selamat pagi Bu, terima kasih. Selama ini Ibu tidak pernah membersihkan tandon. "
            "Petugas kami cek pipanya besok.",
            "Selamat pagi Bu, terima kasih. Warga juga diharapkan tidak ikut membuang sampah ke "
            "sumur. Petugas kami cek pipanya besok.",
        ],
    )
    def test_twentieth_round_blame(self, reply):
        assert "blames_citizen" in check_rules(reply, WATER).codes

    def test_citizens_as_sufferers_are_not_blamed(self):
        reply = (
            "Selamat pagi Bu, terima kasih dan mohon maaf. Banyak warga Griya Asri juga "
            "mengalami air keruh. Petugas kami mengganti pipa besok pukul 09.00."
        )
        assert "blames_citizen" not in check_rules(reply, WATER).codes

    def test_trouble_declared_routine_is_a_brush_off(self):
        reply = "Selamat pagi. Air di sana memang rutin tiap musim hujan begitu, Bu."
        assert "dismissive" in check_rules(reply, WATER).codes

    def test_a_step_on_the_schedule_with_its_date_is_an_action(self):
        reply = (
            "Selamat pagi Bu, terima kasih dan mohon maaf. Perumahan Griya Asri masuk jadwal "
            "pengurasan pipa Kamis, 15 Mei."
        )
        assert "no_action" not in check_rules(reply, WATER).codes

    def test_officers_on_watch_are_an_action(self):
        reply = (
            "Selamat pagi Bu, terima kasih dan mohon maaf. Mulai malam ini petugas PDAM jaga di "
            "pompa Griya Asri sampai airnya jernih."
        )
        assert "no_action" not in check_rules(reply, WATER).codes

    def test_a_forecast_that_the_trouble_ends_by_itself_is_no_timeline(self):
        reply = (
            "Selamat pagi Bu, terima kasih. Air keruh di musim hujan biasanya jernih sendiri "
            "besok sore."
        )
        assert "no_timeline" in check_rules(reply, WATER).codes

    def test_the_units_dated_step_is_a_timeline(self):
        reply = (
            "Selamat pagi Bu, terima kasih dan mohon maaf. Petugas kami menguras pipa sendiri "
            "besok sore di Perumahan Griya Asri."
        )
        assert "no_timeline" not in check_rules(reply, WATER).codes


class TwentyFirstRoundTests:
    """Twenty-first round (set AB): whose step an action verb names. Phrasings invented for the
    test, each with a near miss where the unit itself acts."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Untuk tagihan "
            "silakan Ibu langsung menghubungi kantor cabang.",
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Silakan Ibu cek "
            "dulu kran dan meteran di rumah.",
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Silakan pantau "
            "jadwal pengaliran di papan pengumuman.",
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Sebaiknya tandon "
            "dikuras dan disaring sendiri.",
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Mohon warga menguras "
            "tandon secara rutin.",
        ],
    )
    def test_the_readers_step_is_not_the_units_action(self, reply):
        assert "no_action" in check_rules(reply, WATER).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Petugas kami "
            "menguras pipa distribusi Rabu, 14 Mei; silakan pantau jadwalnya di papan pengumuman.",
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Sebaiknya tandon "
            "dikuras; petugas kami membantu menguras Rabu, 14 Mei.",
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Silakan datang ke "
            "kantor cabang Jalan Merdeka 5 untuk pengecekan meter, Rabu 14 Mei pukul 09.00.",
        ],
    )
    def test_the_units_own_step_beside_it_still_counts(self, reply):
        assert "no_action" not in check_rules(reply, WATER).codes


class TwentySecondRoundTests:
    """Twenty-second round (set AC): the trouble declared shared or usual, a verb in a reason
    or a history, a step with no thing as its object. Phrasings invented for the test, each
    with a near miss that keeps its reading."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Keruh seperti ini "
            "dialami hampir semua pelanggan di kecamatan, bukan hanya di kampung ini.",
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Air keruh di musim "
            "hujan merupakan hal yang umum. Akan kami tindak lanjuti.",
        ],
    )
    def test_the_trouble_declared_shared_or_usual_brushes_it_off(self, reply):
        codes = check_rules(reply, WATER).codes
        assert "dismissive" in codes and "no_action" in codes

    def test_the_trouble_shared_beside_the_units_own_step_is_no_brush_off(self):
        reply = (
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Keruh ini dialami "
            "hampir semua pelanggan di kecamatan; petugas kami menguras pipa distribusi Rabu, "
            "14 Mei pukul 09.00."
        )
        codes = check_rules(reply, WATER).codes
        assert "dismissive" not in codes and "no_action" not in codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Keruh karena tandon "
            "di rumah jarang dikuras.",
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Sejak sumur bor "
            "ditutup, air memang diambil dari sungai.",
        ],
    )
    def test_a_verb_in_a_reason_or_a_history_is_no_step(self, reply):
        assert "no_action" in check_rules(reply, WATER).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # the unit's work named as the reason is still its work
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Air keruh karena "
            "pengurasan pipa distribusi, dan jernih kembali besok pagi.",
            # "sejak" with a time dates the unit's step
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Petugas kami sudah "
            "di lokasi sejak pukul 07.00 menguras pipa distribusi.",
            # after the comma the unit's own step
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Karena pipa "
            "tersumbat lumpur, petugas kami menguras pipa distribusi Rabu, 14 Mei.",
        ],
    )
    def test_the_units_step_beside_a_reason_still_counts(self, reply):
        assert "no_action" not in check_rules(reply, WATER).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Kami sedang mencari "
            "solusi untuk air yang keruh.",
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Kami akan melakukan "
            "pembinaan kepada pengelola sumur.",
        ],
    )
    def test_a_step_with_no_thing_as_its_object_is_loose(self, reply):
        codes = check_rules(reply, WATER).codes
        assert "vague" in codes or "no_action" in codes

    def test_a_step_on_a_named_thing_is_still_concrete(self):
        reply = (
            "Selamat pagi Bu, terima kasih, mohon maaf atas air yang keruh. Petugas kami "
            "menguras pipa distribusi di Jalan Merdeka Rabu, 14 Mei pukul 09.00."
        )
        codes = check_rules(reply, WATER).codes
        assert "vague" not in codes and "no_action" not in codes


QUEUE = "Antre di puskesmas empat jam, ibu saya yang sudah sepuh sampai pusing menunggu."


class TwentyThirdRoundTests:
    """Twenty-third round (set AD): the unit's effort declared at its utmost, a turn to wait
    for, speed at the citizen's own cost, and a step made to wait on a budget. Phrasings
    invented for the test, each with a near miss that keeps its reading."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bu, terima kasih atas masukannya. Petugas loket kami sudah bekerja "
            "dengan maksimal.",
            "Selamat siang Bu, terima kasih. Tenaga medis kami sudah melayani semaksimal "
            "mungkin setiap hari.",
        ],
    )
    def test_the_units_effort_declared_at_its_utmost_brushes_it_off(self, reply):
        codes = check_rules(reply, QUEUE).codes
        assert "dismissive" in codes and "no_action" in codes

    def test_work_done_on_the_case_is_no_denial(self):
        reply = (
            "Selamat siang Bu, terima kasih, mohon maaf atas antrean yang lama. Mulai Senin, "
            "12 Mei, loket lansia dibuka pukul 07.00 tanpa antre."
        )
        assert "dismissive" not in check_rules(reply, QUEUE).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bu, terima kasih. Silakan antre seperti pemohon lain.",
            "Selamat siang Bu, terima kasih. Nanti ibu Ibu dilayani kalau sudah gilirannya.",
        ],
    )
    def test_a_turn_to_wait_for_is_a_brush_off(self, reply):
        assert "dismissive" in check_rules(reply, QUEUE).codes

    def test_losing_a_turn_by_our_fault_is_no_brush_off(self):
        reply = (
            "Selamat siang Bu, terima kasih, mohon maaf Ibu sampai kehilangan giliran. Mulai "
            "Senin, 12 Mei, loket lansia dibuka pukul 07.00 tanpa antre."
        )
        assert "dismissive" not in check_rules(reply, QUEUE).codes

    def test_speed_at_the_citizens_own_cost_is_a_brush_off(self):
        reply = "Selamat siang Bu, terima kasih. Jika ingin lebih cepat, berobat ke dokter praktik."
        codes = check_rules(reply, QUEUE).codes
        assert "dismissive" in codes and "no_action" in codes

    def test_a_step_waiting_on_a_budget_is_hedged(self):
        reply = (
            "Selamat siang Pak, terima kasih, mohon maaf atas jalan yang rusak. Perbaikan "
            "lubang di depan pasar Grogolan sudah masuk usulan pemeliharaan dan menunggu "
            "penetapan anggaran."
        )
        assert "vague" in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # the waiting dated in its own sentence
            "Selamat siang Pak, terima kasih, mohon maaf atas jalan yang rusak. Tim kami "
            "menambal lubang di depan pasar Grogolan Rabu, 14 Mei; pengaspalan ulang menunggu "
            "ketersediaan aspal hingga Jumat, 16 Mei.",
            # a blank-card allocation is a status, not a hedge
            "Selamat siang Pak, terima kasih, mohon maaf. Tim kami menambal lubang di depan "
            "pasar Grogolan Rabu, 14 Mei pukul 08.00; KTP Bapak menunggu alokasi blangko.",
        ],
    )
    def test_a_dated_wait_or_a_status_is_not_hedged(self, reply):
        assert "vague" not in check_rules(reply, ROAD).codes


WATER = "Air PAM di rumah kami mati tiga hari, tidak ada pemberitahuan sama sekali."
DENGUE = "Anak tetangga kena DBD, gang kami belum pernah di-fogging, kami takut."


class TwentyFourthRoundTests:
    """Twenty-fourth round (set AE): the reader told not to only report, the notice declared
    already given, the reader scolded for accusing or shouting, and a smile beside a brush-off
    or a blame. Phrasings invented for the test, each with polite near misses."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bu, terima kasih. Kalau khawatir ya diperiksakan ke puskesmas, "
            "jangan hanya mengeluh di media sosial.",
            "Selamat siang Bu, terima kasih. Jangan cuma lapor lewat aplikasi, ikut kerja bakti "
            "juga.",
            "Selamat siang Bu, terima kasih. Masyarakat juga harus lebih peduli pada "
            "lingkungannya sendiri.",
        ],
    )
    def test_the_reader_told_not_to_only_report_is_blamed(self, reply):
        assert "blames_citizen" in check_rules(reply, DENGUE).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bapak, terima kasih. Jadwal penutupan sudah diumumkan di grup RT "
            "sejak minggu lalu.",
            "Selamat siang Bapak, terima kasih. Gangguan itu sebenarnya sudah kami posting di "
            "akun resmi Perumda.",
            "Selamat siang Bapak, terima kasih. Silakan ikuti akun kami agar tidak ketinggalan "
            "informasi.",
        ],
    )
    def test_the_notice_declared_already_given_blames_the_reader(self, reply):
        assert "blames_citizen" in check_rules(reply, WATER).codes

    @pytest.mark.parametrize(
        "reply",
        [
            # a real step, and the reader's report thanked
            "Selamat siang Bapak, terima kasih dan mohon maaf atas gangguannya. Petugas kami "
            "memperbaiki pipa di Jl. Kenari hari ini; air mengalir lagi paling lambat pukul "
            "18.00.",
            # the unit's own lapse owned, the notice promised, not blamed on the reader
            "Selamat siang Bapak, terima kasih dan mohon maaf, seharusnya gangguan ini kami "
            "umumkan lebih dulu. Mulai besok setiap gangguan diumumkan di grup RT sehari "
            "sebelumnya.",
            # the report forwarded
            "Selamat siang Bapak, terima kasih dan mohon maaf. Laporan Bapak sudah kami "
            "sampaikan ke bagian distribusi; petugas datang Kamis, 3 Desember pukul 09.00.",
            # an inclusive "kita" appeal beside the unit's own dated step
            "Selamat siang Bapak, terima kasih dan mohon maaf. Mari kita lebih hemat air selama "
            "perbaikan; tangki air datang ke gang Bapak besok pukul 08.00.",
        ],
    )
    def test_polite_water_replies_are_not_blamed(self, reply):
        codes = check_rules(reply, WATER).codes
        assert "blames_citizen" not in codes and "rude" not in codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Pak, terima kasih. Tolong jangan asal menuduh petugas kami.",
            "Selamat siang Pak, terima kasih. Harap tidak menuduh tanpa dasar.",
            "Selamat siang Pak, terima kasih. Bisa dijelaskan dengan tenang, apalagi dengan huruf "
            "kapital semua begitu.",
            "Selamat siang Pak, terima kasih. Iri dengan tetangga itu tidak baik, Pak.",
        ],
    )
    def test_the_reader_scolded_for_accusing_or_shouting_is_rude(self, reply):
        assert "rude" in check_rules(reply, WATER).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Pak, terima kasih. Kalau tidak mau menunggu ya beli air galon saja "
            "Pak 😊",
            "Selamat siang Pak, terima kasih. Itu hal biasa di musim kemarau, bukan? 🙂",
        ],
    )
    def test_a_smile_beside_a_brush_off_or_a_blame_is_a_sneer(self, reply):
        assert "rude" in check_rules(reply, WATER).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Pak, terima kasih 😊 Mohon maaf atas gangguannya. Pipa di Jl. Kenari "
            "diperbaiki hari ini, air mengalir lagi paling lambat pukul 18.00.",
            "Selamat siang Pak 🙂 terima kasih, kami paham repotnya tanpa air. Tangki air "
            "dikirim ke gang Bapak besok pukul 08.00.",
            # no smile: a brush-off is not made rude by the new reading
            "Selamat siang Pak, terima kasih. Itu hal biasa di musim kemarau.",
            # the iri denied, not alleged
            "Selamat siang Pak, terima kasih. Kami tidak menganggap Bapak iri dengan tetangga; "
            "data penerima kami periksa ulang Senin, 7 Desember.",
        ],
    )
    def test_polite_smiles_and_plain_brush_offs_are_not_sneers(self, reply):
        assert "rude" not in check_rules(reply, WATER).codes


class TwentyFifthRoundTests:
    """Twenty-fifth round (sets AF and AG): the trouble explained away by a reply that takes
    no step, the matter handed to another body in a contrast that disowns the replying one,
    and one list of negation words. Phrasings invented for the test, each with polite near
    misses."""

    @pytest.mark.parametrize(
        "complaint, reply",
        [
            (
                WATER,
                "Selamat siang Bapak, terima kasih, kami memahami kesulitannya. Air mati seperti "
                "ini wajar pada musim kemarau.",
            ),
            (
                ROAD,
                "Selamat pagi Bapak, terima kasih dan mohon maaf. Perbaikan jalan lingkungan masuk "
                "prioritas terakhir setelah jalan utama. Mohon bersabar.",
            ),
            (
                ROAD,
                "Selamat pagi Bapak, terima kasih dan mohon maaf. Jalan tersebut masih bisa "
                "dilalui kendaraan, mohon berhati-hati.",
            ),
            (
                WATER,
                "Selamat siang Bapak, terima kasih dan mohon maaf. Gangguan ini berlaku untuk "
                "semua pelanggan, harap maklum.",
            ),
            (
                WATER,
                "Selamat siang Bapak, terima kasih dan mohon maaf. Keputusan pembagian jadwal "
                "bersifat final.",
            ),
        ],
    )
    def test_the_trouble_explained_away_with_no_step_is_a_brush_off(self, complaint, reply):
        codes = check_rules(reply, complaint).codes
        assert "dismissive" in codes and "no_action" in codes

    @pytest.mark.parametrize(
        "complaint, reply",
        [
            (
                WATER,
                "Selamat siang Bapak, terima kasih dan mohon maaf atas gangguannya. Meski air "
                "keruh memang wajar pada musim hujan, petugas kami menguras pipa di Jl. Kenari "
                "besok, Selasa 1 Desember pukul 09.00.",
            ),
            (
                ROAD,
                "Selamat pagi Bapak, terima kasih dan mohon maaf. Jalan tersebut masih bisa "
                "dilalui, namun tim DPUPR menambal lubangnya Rabu, 2 Desember 2026.",
            ),
            (
                WATER,
                "Selamat siang Bapak, terima kasih dan mohon maaf, harap maklum. Tangki air kami "
                "kirim ke gang Bapak hari ini pukul 15.00.",
            ),
        ],
    )
    def test_the_same_words_beside_a_dated_step_are_not_a_brush_off(self, complaint, reply):
        assert not check_rules(reply, complaint).codes

    @pytest.mark.parametrize(
        "complaint, reply",
        [
            (
                WATER,
                "Selamat siang Bapak, terima kasih dan mohon maaf. Sambungan rumah ditangani "
                "Perumda Air Minum, bukan Dinas Perkim.",
            ),
            (
                ROAD,
                "Selamat pagi Bapak, terima kasih dan mohon maaf. Jembatan itu aset Balai Besar "
                "Wilayah Sungai, bukan DPUPR.",
            ),
            (
                ROAD,
                "Selamat pagi Bapak, terima kasih dan mohon maaf. Perbaikan ruas itu kewenangan "
                "provinsi, bukan kami.",
            ),
        ],
    )
    def test_the_matter_handed_to_another_body_by_contrast_is_a_deflection(self, complaint, reply):
        codes = check_rules(reply, complaint).codes
        assert "wrong_unit_deflection" in codes and "no_action" in codes

    @pytest.mark.parametrize(
        "complaint, reply",
        [
            # the report forwarded to the named body, with a way to follow it
            (
                ROAD,
                "Selamat pagi Bapak, terima kasih dan mohon maaf. Ruas itu dikelola Balai "
                "Pengelolaan Jalan Provinsi, bukan DPUPR; laporan Bapak sudah kami teruskan ke "
                "balai tersebut hari ini dan dapat dipantau di LaporGub.",
            ),
            # a contrast inside the unit's own dated step
            (
                WATER,
                "Selamat siang Bapak, terima kasih dan mohon maaf. Yang kami perbaiki pipa "
                "induknya, bukan meteran; petugas datang Kamis pukul 09.00.",
            ),
        ],
    )
    def test_a_referral_or_a_contrast_in_the_units_own_step_is_no_deflection(
        self, complaint, reply
    ):
        assert "wrong_unit_deflection" not in check_rules(reply, complaint).codes

    def test_belum_negates_an_alleged_envy_as_tidak_does(self):
        reply = (
            "Selamat siang Bu, terima kasih. Kami belum pernah menyebut Ibu iri dengan tetangga; "
            "jadwal fogging gang Ibu Kamis, 3 Desember pukul 07.00, dan kami mohon maaf atas "
            "keterlambatannya."
        )
        assert "rude" not in check_rules(reply, DENGUE).codes


LAMP = "Lampu jalan di gang kami mati dua minggu, kemarin ada jambret, saya takut pulang kerja."


class TwentySixthRoundTests:
    """Set AH and AI round: a formula-only promise is no action as well as vague (the reading
    chosen where the writers split), the report threatened as slander, the reader's slip
    guessed at, empathy in Javanese and chat, and blame readings that reassure or own the
    fault. Phrasings invented for the test, each with near misses."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bapak, terima kasih dan mohon maaf atas ketidaknyamanannya. Laporan "
            "Bapak akan segera kami tindaklanjuti sesuai ketentuan.",
            "Selamat siang Bapak, terima kasih dan mohon maaf. Keluhan ini sudah kami teruskan "
            "kepada pihak terkait.",
            "Selamat siang Bapak, terima kasih dan mohon maaf. Aduan Bapak sedang dalam proses.",
            "Selamat siang Bapak, terima kasih atas masukannya dan mohon maaf. Masukan ini "
            "menjadi bahan evaluasi kami.",
            "Selamat siang Bapak, terima kasih dan mohon maaf. Kami akan berkoordinasi dengan "
            "instansi terkait.",
        ],
    )
    def test_a_formula_only_promise_is_no_action_and_vague(self, reply):
        codes = set(check_rules(reply, ROAD).codes)
        assert {"no_action", "vague"} <= codes

    @pytest.mark.parametrize(
        "reply",
        [
            # a named step with its time beside the formula
            "Selamat siang Bapak, terima kasih dan mohon maaf. Laporan kami tindaklanjuti: tim "
            "DPUPR menambal lubang di depan Pasar Grogolan Rabu, 2 Desember pukul 08.00.",
            # forwarded to a body by name
            "Selamat siang Bapak, terima kasih dan mohon maaf. Laporan sudah kami teruskan ke "
            "Dinas Pekerjaan Umum hari ini, Senin 30 November.",
        ],
    )
    def test_a_named_step_is_not_a_formula(self, reply):
        assert "no_action" not in check_rules(reply, ROAD).codes

    def test_a_report_threatened_as_slander_is_rude(self):
        reply = (
            "Selamat siang. Tuduhan pungutan harus ada buktinya. Tanpa nama dan waktu, laporan "
            "Anda bisa dianggap fitnah."
        )
        assert "rude" in check_rules(reply, KTP).codes
        polite = (
            "Selamat siang Bapak, terima kasih. Identitas pelapor kami rahasiakan dan laporan "
            "tanpa nama tetap kami periksa; tim kami mendatangi loket Kamis, 3 Desember."
        )
        assert "rude" not in check_rules(polite, KTP).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Kantor kami buka terus. Mungkin Bapak datang saat jam istirahat.",
            "Tarif itu sudah resmi. Kemungkinan pelapor salah paham soal tarif.",
        ],
    )
    def test_the_readers_slip_guessed_at_is_blame(self, reply):
        assert "blames_citizen" in check_rules(reply, KTP).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Sugeng dalu, Bu. Matur nuwun sampun lapor. Kami ngerti Ibu was-was pulang malam. "
            "Petugas Dishub mengganti lampu gang Ibu besok pagi, Selasa 1 Desember.",
            "Selamat malam Bu, terima kasih, kami ikut miris mendengarnya. Petugas Dishub "
            "mengganti lampu gang Ibu besok pagi, Selasa 1 Desember.",
            "Sugeng enjing Bu, matur nuwun, nyuwun sewu sampun ngrepoti. Petugas Dishub "
            "mengganti lampu gang Ibu besok pagi, Selasa 1 Desember.",
        ],
    )
    def test_empathy_in_javanese_and_chat(self, reply):
        assert "no_empathy" not in check_rules(reply, LAMP).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bapak, terima kasih, dan mohon maaf; Bapak seharusnya dilayani "
            "dengan ramah. Petugas itu sudah kami tegur hari ini, Senin 30 November.",
            "Selamat pagi Bu, terima kasih, syukur suami Ibu tidak sampai celaka. Petugas kami "
            "menambal lubang itu besok pagi, Selasa 1 Desember.",
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Kantor seharusnya tetap dijaga "
            "satu petugas; itu kelalaian kami. Mulai Senin, 7 Desember ada jadwal piket.",
        ],
    )
    def test_what_was_owed_or_a_fault_owned_is_no_blame(self, reply):
        assert "blames_citizen" not in check_rules(reply, KTP).codes

    def test_a_reader_who_should_have_done_it_is_still_blamed(self):
        reply = "Bapak seharusnya mengurus jauh-jauh hari, bukan mendadak begini."
        assert "blames_citizen" in check_rules(reply, KTP).codes


class TwentySeventhRoundTests:
    """Set AJ round: a step hedged to nothing is vague, a formula-only promise in capitals or
    sent down by disposition is no action, patience demanded for the workload is a brush-off,
    a mocking suggestion is rude. Phrasings invented for the test, each with near misses."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bapak, terima kasih dan mohon maaf. Tim DPUPR menambal lubang itu "
            "Senin, 7 Desember; pengaspalan ulang kami usahakan apabila memungkinkan.",
            "Selamat siang Bapak, terima kasih dan mohon maaf. Lubang di depan pasar kami "
            "tambal secara bertahap sesuai ketersediaan anggaran.",
            "Selamat siang Bapak, terima kasih. Lubangnya kami cek kalau sempat.",
        ],
    )
    def test_a_hedged_step_is_vague(self, reply):
        assert "vague" in check_rules(reply, ROAD).codes

    def test_the_readers_own_chance_is_no_hedge(self):
        reply = (
            "Selamat siang Bapak, terima kasih dan mohon maaf. Tim DPUPR menambal lubang di "
            "depan Pasar Grogolan Senin, 7 Desember pukul 08.00. Kalau sempat, kirim fotonya."
        )
        assert "vague" not in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "SELAMAT PAGI. TERIMA KASIH. LAPORAN SEGERA KAMI TINDAKLANJUTI.",
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Aduan sudah didisposisikan ke "
            "bidang terkait.",
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Keluhan ini akan menjadi perhatian "
            "kami.",
        ],
    )
    def test_a_formula_in_capitals_or_by_disposition_is_no_action(self, reply):
        assert "no_action" in check_rules(reply, ROAD).codes

    def test_a_concern_with_a_named_step_is_an_action(self):
        reply = (
            "Selamat pagi Bapak, terima kasih dan mohon maaf. Keluhan ini menjadi perhatian "
            "kami: tim DPUPR menambal lubang itu Senin, 7 Desember pukul 08.00."
        )
        assert "no_action" not in check_rules(reply, ROAD).codes

    def test_patience_demanded_for_the_workload_is_a_brush_off(self):
        reply = "Selamat siang. Mohon bersabar karena laporan yang masuk sangat banyak."
        assert "dismissive" in check_rules(reply, LAMP).codes
        polite = (
            "Selamat siang Bu, terima kasih, kami mohon maaf atas gelapnya gang Ibu. Petugas "
            "Dishub mengganti lampu itu besok pagi, Selasa 1 Desember."
        )
        assert "dismissive" not in check_rules(polite, LAMP).codes

    def test_a_mocking_suggestion_is_rude(self):
        reply = (
            "Selamat siang Bu, terima kasih. Kalau lampunya mati, mungkin Ibu bisa bawa senter "
            "saja."
        )
        assert "rude" in check_rules(reply, LAMP).codes
        advice = (
            "Selamat siang Bu, terima kasih dan mohon maaf. Petugas Dishub mengganti lampu "
            "itu besok pagi, Selasa 1 Desember; sementara itu Ibu bisa lewat jalan utama."
        )
        assert "rude" not in check_rules(advice, LAMP).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Sugeng dalu Bu, matur nuwun. Kula nderek prihatos. Petugas Dishub mengganti "
            "lampu gang Ibu besok pagi, Selasa 1 Desember.",
            "Malam Bu, makasih ya. Kami ikut kesal Ibu sampai takut pulang. Petugas Dishub "
            "mengganti lampu gang Ibu besok pagi, Selasa 1 Desember.",
        ],
    )
    def test_shared_sorrow_in_krama_and_annoyance_in_chat_are_empathy(self, reply):
        assert "no_empathy" not in check_rules(reply, LAMP).codes


class TwentyEighthRoundTests:
    """Set AK round: a bare apology in the refusing sentence is no empathy, a step left only
    to a hedge is no action, more blame and rudeness families, a complaint kept "as material
    for consideration" is a formula. Phrasings invented for the test, with near misses."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Maaf Bu, lampu gang itu bukan kewenangan kami.",
            "Mohon maaf, lampu itu mati karena warga sendiri yang menyambung kabel liar.",
        ],
    )
    def test_a_bare_apology_in_the_refusing_sentence_is_no_empathy(self, reply):
        assert "no_empathy" in check_rules(reply, LAMP).codes

    def test_an_apology_for_the_trouble_beside_a_referral_is_empathy(self):
        reply = (
            "Selamat pagi Ibu, terima kasih. Mohon maaf atas gelapnya gang Ibu; lampu itu "
            "bukan kewenangan kami, laporan sudah kami teruskan ke PLN UP3 Pekalongan."
        )
        assert "no_empathy" not in check_rules(reply, LAMP).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Pak Budi, terima kasih dan mohon maaf atas lubang di Jl. "
            "Sriwijaya RT 03. Penanganan oleh petugas kami akan diupayakan secara bertahap.",
            "Selamat siang Pak Budi, terima kasih dan mohon maaf atas lubang di Jl. "
            "Sriwijaya RT 03. Penanganan oleh petugas kami sesuai skala prioritas.",
        ],
    )
    def test_a_step_left_only_to_a_hedge_is_no_action(self, reply):
        codes = check_rules(reply, ROAD).codes
        assert "no_action" in codes and "vague" in codes

    def test_a_named_step_beside_a_hedge_is_still_an_action(self):
        reply = (
            "Selamat siang Bapak, terima kasih dan mohon maaf. Tim DPUPR menambal lubang di "
            "depan Pasar Grogolan secara bertahap mulai Senin, 7 Desember."
        )
        assert "no_action" not in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat siang Bapak, terima kasih. Lain kali anak Bapak didampingi saat bermain "
            "di taman. Ayunan kami perbaiki Senin, 7 Desember.",
            "Selamat siang Bapak, terima kasih. Seharusnya Bapak mengurus surat itu dari "
            "jauh-jauh hari.",
            "Selamat siang Bapak, terima kasih. Semoga kali ini fotokopinya tidak lupa lagi.",
        ],
    )
    def test_blame_families(self, reply):
        assert "blames_citizen" in check_rules(reply, ROAD).codes

    def test_the_officers_own_should_have_is_no_blame(self):
        reply = (
            "Selamat siang Bapak, terima kasih dan mohon maaf. Seharusnya kami mengabari "
            "Bapak sejak awal; tim DPUPR menambal lubang itu Senin, 7 Desember."
        )
        assert "blames_citizen" not in check_rules(reply, ROAD).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Hati-hati menuduh petugas, Pak, bisa kena pencemaran nama baik.",
            "Terima kasih. Jangan menyebarkan kabar yang belum pasti. Lubang kami cek.",
        ],
    )
    def test_threats_and_scolding_are_rude(self, reply):
        assert "rude" in check_rules(reply, ROAD).codes

    def test_kept_as_material_for_consideration_is_no_action(self):
        reply = (
            "Selamat siang Bapak, terima kasih dan mohon maaf. Masukan Bapak akan menjadi "
            "bahan pertimbangan kami."
        )
        codes = check_rules(reply, ROAD).codes
        assert "no_action" in codes and "vague" in codes


class TwentyNinthRoundTests:
    """Set AL and AM round: the reader told what they should have done before, Javanese
    blame, the grievance called overdone, the trouble made small, the reader's channel
    refused. Phrasings invented for the test, with near misses."""

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Bu, terima kasih. Sebaiknya Ibu membaca syarat pemasangan sebelum "
            "mengajukan permohonan. Lampu akan kami pasang Jumat, 24 April 2026.",
            "Sugeng enjing Bu, matur nuwun. Kedahipun Ibu nyuwun karcis rumiyin.",
            "Lha salahe dhewe, Mas, wis ngerti kabel kuwi rawan.",
        ],
    )
    def test_the_reader_told_what_they_should_have_done_is_blame(self, reply):
        assert "blames_citizen" in check_rules(reply, LAMP).codes

    def test_the_unit_saying_what_it_should_have_done_is_no_blame(self):
        reply = (
            "Selamat pagi Ibu, terima kasih dan mohon maaf atas gelapnya gang Ibu. Seharusnya "
            "kami mengecek lampu itu sebelum musim hujan; petugas kami datang Jumat, 24 April "
            "2026 pukul 09.00."
        )
        assert "blames_citizen" not in check_rules(reply, LAMP).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Bapak, tidak perlu berlebihan. Lampu gang akan diganti.",
            "Selamat pagi Bu. Lampu itu padam di seluruh kota, jadi tidak perlu dipersoalkan.",
            "Selamat pagi Bu. Mohon Ibu baca sendiri pengumumannya sebelum bertanya.",
        ],
    )
    def test_the_grievance_called_overdone_is_rude(self, reply):
        assert "rude" in check_rules(reply, LAMP).codes

    @pytest.mark.parametrize(
        "reply",
        [
            "Selamat pagi Pak. Gelapnya masih tergolong ringan, belum masuk prioritas.",
            "Sugeng enjing. Saben taun ya ngono, Pak, ora usah sambat terus.",
            "KAMI TIDAK MELAYANI PENGADUAN LEWAT WA. SILAKAN DATANG KE KANTOR.",
        ],
    )
    def test_the_trouble_made_small_or_the_channel_refused_is_a_brush_off(self, reply):
        assert "dismissive" in check_rules(reply, LAMP).codes

    def test_reassurance_about_the_trouble_is_no_brush_off(self):
        reply = (
            "Selamat pagi Bapak, terima kasih dan mohon maaf atas gelapnya gang. Petugas kami "
            "mengganti lampu di depan rumah Bapak Jumat, 24 April 2026 pukul 09.00."
        )
        assert "dismissive" not in check_rules(reply, LAMP).codes
