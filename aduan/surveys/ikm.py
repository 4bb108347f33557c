"""The Indeks Kepuasan Masyarakat (IKM) of PermenPANRB 14/2017, as pure functions.

Each of the nine elements (unsur) is answered 1–4. The element's NRR is the mean of its
answers; the weighted NRR is the sum of the NRRs times their weights (1/9 each unless a unit
sets others summing to 1); the index is the weighted NRR × 25, from 25 to 100.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

#: The elements, in the regulation's order, with their Indonesian names.
ELEMENTS: tuple[tuple[str, str], ...] = (
    ("u1", "Persyaratan"),
    ("u2", "Sistem, mekanisme, dan prosedur"),
    ("u3", "Waktu penyelesaian"),
    ("u4", "Biaya/tarif"),
    ("u5", "Produk spesifikasi jenis pelayanan"),
    ("u6", "Kompetensi pelaksana"),
    ("u7", "Perilaku pelaksana"),
    ("u8", "Penanganan pengaduan, saran dan masukan"),
    ("u9", "Sarana dan prasarana"),
)
ELEMENT_CODES: tuple[str, ...] = tuple(code for code, _name in ELEMENTS)
ELEMENT_NAMES: dict[str, str] = dict(ELEMENTS)

#: Grade bands: (lowest index of the band, grade, label), highest first.
GRADES: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
    (Decimal("25.00"), "D", "Tidak Baik"),
)

_CENT = Decimal("0.01")


class IkmError(ValueError):
    """Answers or weights that cannot be computed."""


def default_weights() -> dict[str, Decimal]:
    return {code: Decimal(1) / Decimal(9) for code in ELEMENT_CODES}


def check_weights(weights: Mapping[str, Decimal | float | str]) -> dict[str, Decimal]:
    """The weights as decimals, one per element, summing to 1 (to within 0.001, so that the
    regulation's 0.111 × 9 passes)."""
    if set(weights) != set(ELEMENT_CODES):
        raise IkmError("Bobot harus ada untuk u1..u9. / Weights are needed for u1..u9.")
    out = {code: Decimal(str(weights[code])) for code in ELEMENT_CODES}
    if any(value < 0 for value in out.values()):
        raise IkmError("Bobot tidak boleh negatif. / Weights cannot be negative.")
    if abs(sum(out.values(), Decimal(0)) - 1) > Decimal("0.001"):
        raise IkmError("Jumlah bobot harus 1. / Weights must sum to 1.")
    return out


def nrr_per_element(responses: Sequence[Mapping[str, int]]) -> dict[str, Decimal]:
    """The mean answer of each element (unrounded), over responses holding u1..u9 (1–4)."""
    if not responses:
        raise IkmError("Belum ada responden. / No respondents yet.")
    totals = dict.fromkeys(ELEMENT_CODES, 0)
    for response in responses:
        for code in ELEMENT_CODES:
            value = response.get(code)
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 4:
                raise IkmError(
                    f"Jawaban {code} harus 1–4. / Answer {code} must be between 1 and 4."
                )
            totals[code] += value
    count = Decimal(len(responses))
    return {code: Decimal(totals[code]) / count for code in ELEMENT_CODES}


def weighted_nrr(
    nrr: Mapping[str, Decimal], weights: Mapping[str, Decimal | float | str] | None = None
) -> Decimal:
    """The sum of each element's NRR times its weight (1–4)."""
    checked = default_weights() if weights is None else check_weights(weights)
    return sum((nrr[code] * checked[code] for code in ELEMENT_CODES), Decimal(0))


def index_value(weighted: Decimal) -> Decimal:
    """The index: weighted NRR × 25, rounded half up to two decimals."""
    return (weighted * 25).quantize(_CENT, rounding=ROUND_HALF_UP)


def grade(index: Decimal | float | str) -> tuple[str, str]:
    """The grade letter and its label for an index (two decimals) of 25–100."""
    value = Decimal(str(index)).quantize(_CENT, rounding=ROUND_HALF_UP)
    for lowest, letter, label in GRADES:
        if value >= lowest:
            return letter, label
    return "D", "Tidak Baik"


def weakest_elements(nrr: Mapping[str, Decimal], count: int = 3) -> list[str]:
    """The ``count`` elements with the lowest NRR (ties in the regulation's order)."""
    order = {code: position for position, code in enumerate(ELEMENT_CODES)}
    return sorted(nrr, key=lambda code: (nrr[code], order[code]))[:count]


def krejcie_morgan(population: int) -> int:
    """The minimum sample for a population of ``population`` (χ² = 3.841, P = 0.5,
    d = 0.05): s = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), rounded to the nearest whole
    respondent as in the published table (N=50 → 44, N=100 → 80, N=1000 → 278)."""
    if population <= 0:
        return 0
    chi2, p, d = 3.841, 0.5, 0.05
    sample = chi2 * population * p * (1 - p) / (d * d * (population - 1) + chi2 * p * (1 - p))
    whole = int(Decimal(str(round(sample, 6))).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return min(population, whole)


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    nrr: dict[str, Decimal]  # unrounded
    weighted: Decimal
    index: Decimal
    grade: str
    label: str
    weakest: list[str]

    def nrr_rounded(self, places: int = 2) -> dict[str, Decimal]:
        quantum = Decimal(1).scaleb(-places)
        return {
            code: value.quantize(quantum, rounding=ROUND_HALF_UP)
            for code, value in self.nrr.items()
        }


def compute(
    responses: Sequence[Mapping[str, int]],
    weights: Mapping[str, Decimal | float | str] | None = None,
) -> IkmResult:
    """Everything at once for a set of responses."""
    nrr = nrr_per_element(responses)
    weighted = weighted_nrr(nrr, weights)
    index = index_value(weighted)
    letter, label = grade(index)
    return IkmResult(
        respondents=len(responses),
        nrr=nrr,
        weighted=weighted,
        index=index,
        grade=letter,
        label=label,
        weakest=weakest_elements(nrr),
    )
