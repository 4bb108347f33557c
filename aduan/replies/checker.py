"""The reply-tone checker: reads an officer's draft answer and says what a citizen would feel.

Contract (stable; pages, the API, practice mode and ``aduan replies check`` rely on it):
``check(reply, complaint="") -> Verdict`` — deterministic, pure (no database), fast.
A ``Verdict`` has ``score`` 0–100, ``acceptable`` and ``flaws``; each ``Flaw`` names its
``code`` (one of ``FLAWS``), the ``words`` in the reply that caused it (empty when the flaw is
an absence, e.g. no greeting), a ``suggestion`` (a better phrasing, Indonesian) and a
``message`` (what is wrong, Indonesian, translatable in the UI).

This first version is a placeholder with the final interface; the real rules replace it.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

FLAWS = (
    "no_greeting",
    "no_thanks",
    "no_empathy",
    "blames_citizen",
    "rude",
    "dismissive",
    "no_action",
    "no_timeline",
    "vague",
    "all_caps",
    "jargon",
    "wrong_unit_deflection",
)


@dataclass(frozen=True)
class Flaw:
    code: str
    words: tuple[str, ...] = ()
    suggestion: str = ""
    message: str = ""


@dataclass(frozen=True)
class Verdict:
    score: int
    acceptable: bool
    flaws: tuple[Flaw, ...] = field(default_factory=tuple)

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.flaws]

    def as_dict(self) -> dict:
        return {
            "acceptable": self.acceptable,
            "score": self.score,
            "flaws": [asdict(f) | {"words": list(f.words)} for f in self.flaws],
        }


_GREETING = re.compile(r"\b(yth|bapak|ibu|selamat (pagi|siang|sore|malam)|salam)\b", re.I)
_THANKS = re.compile(r"\bterima ?kasih|\bmakasih\b", re.I)


def check(reply: str, complaint: str = "") -> Verdict:
    flaws: list[Flaw] = []
    if not _GREETING.search(reply or ""):
        flaws.append(Flaw("no_greeting", (), "Yth. Bapak/Ibu, ...", "Balasan tanpa sapaan."))
    if not _THANKS.search(reply or ""):
        flaws.append(
            Flaw("no_thanks", (), "Terima kasih atas laporan Bapak/Ibu.", "Tanpa terima kasih.")
        )
    score = max(0, 100 - 20 * len(flaws))
    return Verdict(score=score, acceptable=not flaws, flaws=tuple(flaws))
