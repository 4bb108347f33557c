"""The concept layer of the duplicate scorer (``concepts.py``, ``data/concepts.toml``)."""

from __future__ import annotations

import pytest

from aduan.triage.concepts import Lexicon, concepts, lexicon


@pytest.mark.parametrize(
    ("a", "b", "concept"),
    [
        ("ada pungli", "saya dimintai uang 50 ribu", "pungli"),
        ("pungutan liar di sekolah", "wali murid ditarik duit", "pungli"),
        ("lampu PJU padam", "lampu jalan tidak menyala", "mati_padam"),
        ("jalan berlubang", "aspal ambles, jeglongan gede", "berlubang"),
        ("rob masuk rumah", "banyu laut mlebu omah, sedengkul", "banjir"),
        ("sampah menumpuk", "sampah tidak diangkut seminggu", "menumpuk"),
        # the set AB round: weak water pressure, a vaccine out of stock, a counter opening
        # late, a flickering lamp in Javanese
        ("air kran tidak keluar", "tekanan air rendah, cuma netes", "tidak_mengalir"),
        ("ledeng tidak mengalir air", "sudah 3 hari tidak ada aliran air", "tidak_mengalir"),
        ("stok vaksin habis", "vaksin kosong di posyandu", "kehabisan"),
        ("petugas loket terlambat", "loket telat buka setengah jam", "terlambat"),
        ("PJU berkedip", "lampu ratan pet petan", "mati_padam"),
    ],
)
def test_paraphrases_share_a_problem(a, b, concept):
    assert concept in concepts(a)[1]
    assert concept in concepts(b)[1]


def test_objects_in_other_words_and_with_suffixes():
    assert "lampu_jalan" in concepts("PJU depan masjid")[0]
    assert "lampu_jalan" in concepts("lampune dalan peteng")[0]  # Javanese, "-ne" suffix
    assert "lampu_lalin" in concepts("traffic light perempatan")[0]
    assert "lampu_jalan" not in concepts("lampu merah perempatan")[0]  # longest phrase wins


def test_canonical_text_replaces_phrases_by_concepts():
    words = lexicon().canonical("warga dimintai uang di kantor kelurahan")
    assert "@pungli" in words and "@kantor_kelurahan" in words and "warga" in words
    assert "uang" not in words


def test_a_phrase_that_is_too_long_is_refused():
    with pytest.raises(ValueError, match="bad phrase"):
        Lexicon({"objects": {"x": ["satu dua tiga empat lima enam"]}})


class TestPairScores:
    """Duplicates written in other words are found; the same thing elsewhere is not."""

    def test_a_duplicate_without_shared_words_is_found(self, model):
        scores = model.pair_scores(
            [
                (
                    "Lampu PJU di Gang Kenanga Medono padam sejak Jumat",
                    "penerangan jalan gg kenanga medono gelap, tidak menyala",
                ),
                (
                    "Ada pungli waktu urus surat domisili di kantor kelurahan Kauman",
                    "Waktu minta surat domisili di kelurahan Kauman saya dimintai uang 50 ribu",
                ),
            ]
        )
        assert (scores >= model.pair_threshold).all()

    def test_hard_negatives_stay_apart(self, model):
        scores = model.pair_scores(
            [
                (
                    "Lampu PJU di Gang Kenanga Medono padam sejak Jumat",
                    "Lampu PJU di Gang Mawar Medono padam sejak Jumat",
                ),
                (
                    "Ada pungli waktu urus surat domisili di kantor kelurahan Kauman",
                    "Ada pungli waktu daftar ulang di SMPN 2 Kauman",
                ),
            ]
        )
        assert (scores < model.pair_threshold).all()


class TestFinerConcepts:
    """Things and problems that the first lexicon lumped together or did not know."""

    def test_animals_are_different_things(self):
        dog, snake = concepts("anjing menggigit anak")[0], concepts("ada ular di dapur")[0]
        assert "anjing" in dog and "ular" in snake and not dog & snake

    def test_teachers_pay_and_the_roof_are_different(self):
        pay = concepts("guru honorer belum digaji")
        roof = concepts("plafon kelas bocor")
        assert "guru" in pay[0] and "telat_gaji" in pay[1]
        assert "bangunan" in roof[0] and "bocor" in roof[1]
        assert not pay[1] & roof[1]

    def test_a_stray_dog_is_not_an_unlicensed_business(self):
        assert "tanpa_izin" not in concepts("anjing liar di gang")[1]
        assert "tanpa_izin" in concepts("bangunan liar di bantaran")[1]

    def test_times_fold_is_not_a_river(self):
        objects, problems = concepts("tagihan naik tiga kali lipat")
        assert "sungai" not in objects and "naik_mahal" in problems

    def test_lay_offs_and_low_wages_are_different_problems(self):
        assert "phk" in concepts("40 karyawan di-PHK tanpa pesangon")[1]
        low = concepts("gaji di bawah UMK")[1]
        assert "upah_rendah" in low and "phk" not in low


class TestRelatedProblems:
    def test_water_off_and_dry_taps_share_a_problem(self):
        off, dry = concepts("air PDAM mati")[1], concepts("kran kering")[1]
        assert off & dry

    def test_a_broker_and_extortion_share_a_problem(self):
        assert concepts("ada calo KTP")[1] & concepts("dimintai uang 100 ribu")[1]

    def test_unrelated_problems_stay_apart(self):
        assert not concepts("lampu jalan mati")[1] & concepts("tiang lampu miring")[1]

    def test_a_cause_names_its_effect(self):
        # a dead traffic light causes chaos at the junction; a stolen lamp cable a dark street
        assert "parkir_sembarangan" in concepts("lampu lalu lintas di simpang mati")[1]
        assert concepts("kabel lampu jalan dicuri")[1] & concepts("jalan gelap gulita")[1]
        # only for that thing: a dead water pump causes no traffic chaos
        assert "parkir_sembarangan" not in concepts("air PDAM mati")[1]

    def test_an_unknown_concept_in_an_effect_is_refused(self):
        with pytest.raises(ValueError, match="unknown concepts in effects"):
            Lexicon({"objects": {"o": ["y"]}, "problems": {"a": ["x"]},
                     "effects": {"o.a": ["b"]}})  # fmt: skip

    def test_an_unknown_problem_in_a_group_is_refused(self):
        with pytest.raises(ValueError, match="unknown related"):
            Lexicon({"problems": {"a": ["x"]}, "related": {"groups": [["a", "b"]]}})


@pytest.mark.parametrize(
    ("a", "b", "concept"),
    [
        ("telepon puskesmas tidak diangkat", "call center susah dihubungi", "tidak_dihubungi"),
        ("kartu KIS dinonaktifkan", "KIS saya nonaktif sejak bulan ini", "nonaktif"),
        ("senam lansia dibatalkan", "senam lansia tidak jadi tanpa kabar", "batal"),
        ("pipa pecah depan toko", "air muncrat dari pipa", "bocor"),
        ("guru jarang masuk", "gurunya sering absen", "tutup_absen"),
    ],
)
def test_more_paraphrases_share_a_problem(a, b, concept):
    assert concept in concepts(a)[1]
    assert concept in concepts(b)[1]


def test_neutral_phrases_hide_the_concept_of_a_word_inside_them():
    # "kali" is a river, but "tiga kali" is "three times"; "naik" is a rise, but "naik
    # becak" is a ride.
    assert "sungai" in concepts("kali di belakang pasar meluap")[0]
    assert "sungai" not in concepts("sudah tiga kali datang ke kantor")[0]
    assert "naik_mahal" in concepts("tarif parkir naik")[1]
    assert "naik_mahal" not in concepts("pasien dibawa naik becak")[1]


def test_neutral_phrases_are_read_from_the_lexicon_file():
    lex = Lexicon({"objects": {"sungai": ["kali"]}, "neutral": {"phrases": ["dua kali"]}})
    assert lex.canonical("kali kotor") == ["@sungai", "kotor"]
    assert lex.canonical("dua kali lewat") == ["dua", "kali", "lewat"]


def test_no_phrase_of_the_lexicon_is_a_function_word_once_normalised():
    # "tpi" (fish auction) normalised to "tetapi": every "tapi" read as a fish auction.
    import tomllib

    from aduan.triage.text import DATA_DIR, normalise

    function_words = {"tetapi", "yang", "dan", "atau", "tidak", "sudah", "belum", "di", "ke"}
    function_words |= {"dari", "ini", "itu", "saya", "ada", "juga", "sama", "dengan", "untuk"}
    with (DATA_DIR / "concepts.toml").open("rb") as fh:
        data = tomllib.load(fh)
    for kind in ("objects", "problems"):
        for concept, phrases in data[kind].items():
            for phrase in phrases:
                assert normalise(phrase) not in function_words, (concept, phrase)
    assert concepts("PKH cair tapi dipotong")[0] == {"bansos"}
    assert "tpi" in concepts("tempat pelelangan ikan bau")[0]


@pytest.mark.parametrize(
    ("a", "b", "concept"),
    [
        ("ada ODGJ di alun-alun", "wong edan nang alun-alun", "odgj"),
        ("PMT posyandu tidak ada", "posyandu tidak membagi makanan tambahan", "posyandu"),
    ],
)
def test_people_and_services_in_everyday_words_share_an_object(a, b, concept):
    assert concept in concepts(a)[0]
    assert concept in concepts(b)[0]


def test_malnutrition_in_other_words_shares_a_problem():
    assert "gizi_buruk" in concepts("anak saya gizi buruk")[1]
    assert "gizi_buruk" in concepts("balita stunting, kurang gizi")[1]


@pytest.mark.parametrize(
    ("a", "b", "concept"),
    [
        ("palang perlintasan kereta api macet", "palang sepur rusak", "perlintasan"),
        ("ditagih debt collector tiap hari", "penagih utang koperasi datang ke rumah", "penagih"),
        ("pembagian zakat di masjid", "antre kupon zakat", "zakat"),
        ("PKL bikin lapak permanen", "warung permanen di atas trotoar", "pkl"),
    ],
)
def test_everyday_words_of_the_set_r_round_share_an_object(a, b, concept):
    assert concept in concepts(a)[0]
    assert concept in concepts(b)[0]


@pytest.mark.parametrize(
    ("a", "b", "problem"),
    [
        ("jalan licin ada tumpahan oli", "motor tergelincir di tikungan", "licin"),
        ("dagangan disita petugas", "barang dagangan dirampas", "disita"),
        ("pembagian sembako ricuh", "warga berdesakan sampai terinjak", "ricuh"),
        ("kabel menjuntai di jalan", "kabele nggantung rendah", "putus"),
        ("debt collector mengancam warga", "penagih ngancam ngancam", "kasar"),
        ("ikan ikan mati di kali", "air sungai berbusa dan berubah warna", "bau_limbah"),
        ("asap pembakaran sampah", "mata perih, napas sesek", "asap"),
        ("gang kami jadi kolam tiap hujan", "rob pasang naik ke kampung", "banjir"),
        ("puskesmas tidak ada dokter sore hari", "sore cuma perawat yang jaga", "tutup_absen"),
        ("bangkai tikus di selokan", "ada kambing mati dibuang ke got", "bangkai"),
    ],
)
def test_everyday_words_of_the_set_r_round_share_a_problem(a, b, problem):
    assert problem in concepts(a)[1]
    assert problem in concepts(b)[1]


@pytest.mark.parametrize(
    ("a", "b", "problem"),
    [
        ("surat keterangan usaha belum ditandatangani lurah", "SKU sy blm diteken", "belum_jadi"),
        ("nama di KIA salah ketik", "nama ibunya salah 1 huruf", "salah_data"),
        ("genangan tidak surut tiga hari", "banjir di perempatan belum surut", "banjir"),
        ("gerobak diangkut satpol pp", "dagangan PKL disita petugas", "disita"),
        ("tetangga bakar sampah tiap sore", "asap pembakaran sampah masuk rumah", "asap"),
        ("posyandu ternyata libur", "jadwal imunisasi dibatalkan", "batal"),
        ("air PDAM tidak mengalir sejak pagi", "air mati dari subuh", "tidak_mengalir"),
        ("sambungan baru belum dipasang", "pemasangan meteran belum selesai", "belum_jadi"),
    ],
)
def test_everyday_words_of_the_set_s_round_share_a_problem(a, b, problem):
    assert problem in concepts(a)[1]
    assert problem in concepts(b)[1]


def test_a_drain_whose_water_does_not_flow_is_not_a_dry_tap():
    # "tidak mengalir" of a drain is a blockage; only of PDAM water is it no water
    assert "tidak_mengalir" not in concepts("saluran tertutup ruko, air tidak mengalir")[1]
    assert "tersumbat" in concepts("saluran tertutup ruko, air tidak mengalir")[1]
