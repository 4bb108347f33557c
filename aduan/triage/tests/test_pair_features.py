"""The details the duplicate scorer compares: amounts, place numbers, RT/RW, places."""

from __future__ import annotations

from aduan.triage.model import PAIR_FEATURES, _amounts, _details, _number_words
from aduan.triage.places import gazetteer_from_defaults
from aduan.triage.text import fold


def _feature(model, a: str, b: str, name: str) -> float:
    row = model.pair_features([(a, b)], gazetteer=gazetteer_from_defaults())[0]
    return float(row[PAIR_FEATURES.index(name)])


class TestAmounts:
    def test_digits_words_and_thousands_agree(self):
        for text in ("bayar 300rb", "bayar tiga ratus ribu", "bayar Rp300.000", "300 ribu"):
            assert _amounts(fold(text)) == {300_000}, text

    def test_decimal_millions_and_years(self):
        assert _amounts(fold("1,5 juta")) == {1_500_000}
        assert _amounts(fold("PBB 2025 naik")) == set()

    def test_place_numbers_are_not_amounts(self, model):
        gaz = gazetteer_from_defaults()
        assert _details("DBD 4 orang di RT02/RW05, gang 3", gaz).amounts == {4}


class TestPlaceNumbers:
    def test_number_words_after_a_place_kind(self):
        assert _number_words("gang limo rw tujuh kelas iv") == "gang 5 rw 7 kelas 4"

    def test_a_school_number_after_its_name(self):
        gaz = gazetteer_from_defaults()
        assert _details("SD Negeri Medono 1", gaz).numbers == {"1"}
        assert _details("SDN Gamer 02", gaz).numbers == {"2"}

    def test_rt_and_rw_are_compared_separately(self, model):
        # Same RW, another RT: two neighbourhoods.
        assert _feature(model, "Got mampet RT 3 RW 2", "Got mampet RT 1 RW 2", "rt_diff") == 1
        assert _feature(model, "Got mampet RT 3 RW 2", "got mampet rt03/02", "rt_same") == 1


class TestPlaces:
    def test_one_differing_landmark_is_another_place(self, model):
        a = "Lampu PJU di Jl. Sriwijaya depan apotek padam"
        b = "Lampu PJU di Jl. Sriwijaya depan Masjid padam"
        assert _feature(model, a, b, "place_conflict") == 1
        assert _feature(model, a, b, "place_match") == 0

    def test_two_kinds_of_place_conflict(self, model):
        a = "Sampah TPS Pasar Banyurip tidak diangkut"
        b = "Sampah TPS Perumahan Banyurip Asri tidak diangkut"
        assert _feature(model, a, b, "kind_conflict") == 1
        assert _feature(model, a, "Sampah TPS tidak diangkut", "kind_conflict") == 0
