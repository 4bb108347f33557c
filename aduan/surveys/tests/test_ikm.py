"""The IKM arithmetic of PermenPANRB 14/2017, checked against hand-computed values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from aduan.surveys import ikm

# Four respondents. Element sums: u1 13, u2 12, u3 9, u4 16, u5 12, u6 14, u7 15, u8 8,
# u9 11 → NRR 3.25, 3.00, 2.25, 4.00, 3.00, 3.50, 3.75, 2.00, 2.75 (sum 27.50).
# Weighted NRR = 27.50 / 9 = 3.0556; index = 3.0556 × 25 = 76.388… → 76.39, grade C.
RESPONSES = [
    {"u1": 4, "u2": 3, "u3": 2, "u4": 4, "u5": 3, "u6": 4, "u7": 4, "u8": 2, "u9": 3},
    {"u1": 3, "u2": 3, "u3": 3, "u4": 4, "u5": 3, "u6": 3, "u7": 4, "u8": 2, "u9": 3},
    {"u1": 3, "u2": 3, "u3": 2, "u4": 4, "u5": 3, "u6": 4, "u7": 3, "u8": 2, "u9": 2},
    {"u1": 3, "u2": 3, "u3": 2, "u4": 4, "u5": 3, "u6": 3, "u7": 4, "u8": 2, "u9": 3},
]


class IkmTests:
    def test_nrr_per_element_is_the_mean(self):
        nrr = ikm.nrr_per_element(RESPONSES)
        expected = ["3.25", "3.00", "2.25", "4.00", "3.00", "3.50", "3.75", "2.00", "2.75"]
        assert [nrr[c] for c in ikm.ELEMENT_CODES] == [Decimal(v) for v in expected]

    def test_hand_computed_index_and_grade(self):
        result = ikm.compute(RESPONSES)
        assert result.respondents == 4
        assert result.weighted.quantize(Decimal("0.0001")) == Decimal("3.0556")
        assert result.index == Decimal("76.39")
        assert (result.grade, result.label) == ("C", "Kurang Baik")
        assert result.weakest == ["u8", "u3", "u9"]

    def test_the_regulations_0111_weights_are_accepted(self):
        weights = dict.fromkeys(ikm.ELEMENT_CODES, "0.111")
        assert ikm.weighted_nrr(ikm.nrr_per_element(RESPONSES), weights).quantize(
            Decimal("0.01")
        ) == Decimal("3.05")

    def test_other_weights_summing_to_one(self):
        weights = dict.fromkeys(ikm.ELEMENT_CODES, Decimal(0))
        weights["u4"] = Decimal("0.5")
        weights["u8"] = Decimal("0.5")
        result = ikm.compute(RESPONSES, weights)
        assert result.weighted == Decimal("3.00")
        assert result.index == Decimal("75.00")

    def test_weights_not_summing_to_one_are_refused(self):
        with pytest.raises(ikm.IkmError):
            ikm.compute(RESPONSES, dict.fromkeys(ikm.ELEMENT_CODES, "0.2"))
        with pytest.raises(ikm.IkmError):
            ikm.compute(RESPONSES, {"u1": 1})

    def test_answers_out_of_range_are_refused(self):
        with pytest.raises(ikm.IkmError):
            ikm.compute([{**RESPONSES[0], "u5": 5}])
        with pytest.raises(ikm.IkmError):
            ikm.compute([])

    def test_extremes(self):
        assert ikm.compute([dict.fromkeys(ikm.ELEMENT_CODES, 1)]).index == Decimal("25.00")
        best = ikm.compute([dict.fromkeys(ikm.ELEMENT_CODES, 4)])
        assert (best.index, best.grade) == (Decimal("100.00"), "A")

    @pytest.mark.parametrize(
        ("index", "grade", "label"),
        [
            ("25.00", "D", "Tidak Baik"),
            ("64.99", "D", "Tidak Baik"),
            ("65.00", "C", "Kurang Baik"),
            ("76.60", "C", "Kurang Baik"),
            ("76.61", "B", "Baik"),
            ("88.30", "B", "Baik"),
            ("88.31", "A", "Sangat Baik"),
            ("100.00", "A", "Sangat Baik"),
        ],
    )
    def test_grade_band_edges(self, index, grade, label):
        assert ikm.grade(Decimal(index)) == (grade, label)

    @pytest.mark.parametrize(
        ("population", "sample"),
        # The published Krejcie–Morgan table.
        [(10, 10), (50, 44), (100, 80), (500, 217), (1000, 278), (10000, 370), (0, 0)],
    )
    def test_krejcie_morgan(self, population, sample):
        assert ikm.krejcie_morgan(population) == sample
