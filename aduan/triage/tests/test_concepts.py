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
