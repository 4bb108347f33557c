"""Normalisation, kelurahan extraction (current and pre-2015 names) and urgency rules."""

from __future__ import annotations

import pytest

from aduan.triage.places import gazetteer_for, gazetteer_from_defaults
from aduan.triage.rules import is_urgent, urgency_reasons
from aduan.triage.text import normalise


class TestNormalise:
    def test_it_expands_whatsapp_abbreviations_and_javanese(self):
        assert normalise("TLG min, lampu dpn rmh sy mati udh 3 hr") == (
            "tolong admin lampu depan rumah saya mati sudah 3 hari"
        )
        assert normalise("mboten wonten banyu, piye nggih") == "tidak ada air bagaimana ya"

    def test_a_figurative_flood_is_not_a_flood(self):
        assert normalise("Medsos banjir hoaks soal tanggul") == "medsos marak hoaks soal tanggul"
        assert normalise("kebanjiran pesanan batik") == "marak pesanan batik"
        assert normalise("banjir rob setinggi lutut") == "banjir rob setinggi lutut"
        assert normalise("banjir sampah kiriman") == "banjir sampah kiriman"

    def test_it_reads_everyday_javanese_nouns_verbs_and_krama_numbers(self):
        assert normalise("laler mlebu pawon wiwit bengi") == "lalat masuk dapur sejak malam"
        assert normalise("tagihan wulan menika dados 480 ewu") == "tagihan bulan ini jadi 480 ribu"
        assert normalise("wong edan nyawat watu") == "orang gila melempar batu"

    def test_it_collapses_held_down_letters_and_reduplication(self):
        assert normalise("tolonggggg anak2 sakitttt") == "tolong anak anak sakit"
        # with a suffix after the digit
        assert normalise("dikerjain asal2an") == "dikerjakan asal asalan"
        assert normalise("mabuk2an ciu") == "mabuk mabukan ciu"

    def test_it_splits_hyphenated_words_and_pads_rt_numbers(self):
        assert normalise("Kel. Sapuro-Kebulen RT.03/RW.5") == "kelurahan sapuro kebulen rt 03 rw 5"

    def test_rt_shorthand_is_an_rt_and_its_rw(self):
        # "rt2" is RT 2, not the reduplication "rt rt"; the number after a slash is the RW.
        assert normalise("hajatan rt2/3 setono") == "hajatan rt 2 rw 3 setono"
        assert normalise("RT 02/05") == "rt 02 rw 05"
        assert normalise("RT2 RW6 Tirto") == "rt 2 rw 6 tirto"
        assert normalise("di rt02rw03") == "di rt 02 rw 03"
        # reduplication elsewhere is unchanged
        assert normalise("anak2 kartu2") == "anak anak kartu kartu"


@pytest.fixture(scope="module")
def gaz():
    return gazetteer_from_defaults("pekalongan")


class TestKelurahanFromDefaults:
    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("Lampu mati di Kelurahan Tirto", "tirto"),
            ("sampah numpuk di sapuro kebulen", "sapuro-kebulen"),
            ("rob masuk rumah di PanjangWetan", "panjang-wetan"),
            ("Pasir Kraton Kramat tergenang", "pasirkratonkramat"),
            # pre-2015 names
            ("jalan rusak di Kramatsari depan masjid", "pasirkratonkramat"),
            ("saya warga Sugihwaras", "kauman"),
            ("banjir di krapyak lor", "krapyak"),
            ("PKH belum cair di Kuryos", "kuripan-yosorejo"),
            ("air keruh di Banyurip Ageng", "banyurip"),
            ("warga Dekoro mengeluh", "setono"),
            ("di Pringlangu gelap", "pringrejo"),
            ("Landungsari tergenang", "noyontaansari"),
            # streets and landmarks that lie in one kelurahan
            ("lubang di Jl. Jlamprang", "krapyak"),
            ("PKL di sekitar alun-alun", "kauman"),
            ("TPA Degayu ditutup", "degayu"),
            ("pantai pasir kencana kotor", "panjang-wetan"),
        ],
    )
    def test_it_names_the_kelurahan(self, gaz, text, code):
        assert gaz.kelurahan(text) == code

    def test_a_street_crossing_several_kelurahan_names_none(self, gaz):
        assert gaz.kelurahan("Jalan Hayam Wuruk berlubang") is None

    def test_ambiguous_words_need_a_prefix(self, gaz):
        assert gaz.kelurahan("dukuh kami gelap") is None
        assert gaz.kelurahan("saya warga Kel. Dukuh") == "padukuhan-kraton"

    def test_an_explicit_kelurahan_beats_a_landmark(self, gaz):
        assert gaz.kelurahan("dekat Pasar Banjarsari, tepatnya di kelurahan Poncol") == "poncol"

    def test_a_kecamatan_alone_is_not_a_kelurahan(self, gaz):
        assert gaz.kelurahan("Kec. Pekalongan Utara") is None
        assert gaz.area("Kec. Pekalongan Utara") == "pekalongan-utara"

    def test_neighbours_come_from_the_data_file(self, gaz):
        assert set(gaz.neighbourhood("tirto")) >= {"tirto", "podosugih", "pasirkratonkramat"}

    def test_kept_matches_are_a_fresh_list_and_a_new_name_counts_at_once(self):
        g = gazetteer_from_defaults()
        first = g.matches("banjir di Tirto")
        first.clear()  # the caller's list is its own
        assert [m.area for m in g.matches("banjir di Tirto")] == ["tirto"]
        text = "lampu mati di Kampung Sidomukti Baru"
        assert g.kelurahan(text) is None
        g.add("Sidomukti Baru", "tirto", "alias")  # a name added after the text was read
        assert g.kelurahan(text) == "tirto"


@pytest.mark.django_db
class TestKelurahanFromTheDatabase:
    def test_an_alias_added_in_the_admin_counts(self, pekalongan):
        from aduan.organisation.models import Area, AreaAlias

        g = gazetteer_for(pekalongan)
        assert g.kelurahan("genangan di Kampung Jlagran") is None
        AreaAlias.objects.create(
            area=Area.objects.get(jurisdiction=pekalongan, code="tirto"), name="Jlagran"
        )
        from aduan.triage.places import gazetteer_cache_clear

        gazetteer_cache_clear()
        assert gazetteer_for(pekalongan).kelurahan("genangan di Kampung Jlagran") == "tirto"

    def test_it_reads_the_loaded_aliases(self, pekalongan):
        assert gazetteer_for(pekalongan).kelurahan("di Kraton Kidul") == "pasirkratonkramat"


class TestUrgency:
    @pytest.mark.parametrize(
        "text",
        [
            "TANGGUL JEBOL MIN AIR MASUK KAMPUNG",
            "tanggul e jebol, banyu mlebu omah",
            "banjir sudah masuk rumah setinggi pinggang dan naik terus, tolong evakuasi",
            "kabel listrik putus menjuntai ke jalan, masih nyetrum",
            "pohon tumbang menimpa rumah warga, ada yang luka",
            "ada kebakaran di gang mawar, apinya besar",
            "puluhan warga keracunan setelah makan nasi kotak",
            "tolong kirim ambulans, bapak saya tidak sadarkan diri",
            "tiga anak kena DBD bulan ini di RT kami",
            "anak saya hilang sejak tadi sore di pasar",
            "tiang lampu jalan hampir roboh setelah ditabrak",
        ],
    )
    def test_danger_now_is_urgent(self, text):
        assert is_urgent(text), text

    @pytest.mark.parametrize(
        "text",
        [
            "lampu jalan di gang mawar mati sudah seminggu",
            "KTP saya belum dicetak",
            "kapan tanggul yang jebol tahun lalu diperbaiki?",
            "usul dibuat jalur evakuasi di kelurahan pesisir",
            "penyaluran bansos berdesakan dan lansia pingsan",
            "petugas menolak imunisasi karena buku KIA anak hilang",
            "setiap musim hujan banjir masuk rumah",
        ],
    )
    def test_other_reports_are_not(self, text):
        assert not is_urgent(text), (text, urgency_reasons(text))
