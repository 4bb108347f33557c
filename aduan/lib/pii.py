"""Personal data in free text: the one place that finds and masks it.

Every surface that shows text people wrote to someone who may not see personal data (the
public transparency page, Open311, exports for units, logs) passes it through ``mask_text``.
It masks NIK (16 digits), Indonesian phone numbers, e-mail addresses and vehicle plate
numbers, plus any extra literal values given (the reporter's own name, say).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "[disamarkan]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# NIK: 16 digits, possibly written in groups (3375 0123 4567 0001).
_NIK = re.compile(r"(?<!\d)(?:\d[\s.-]?){15}\d(?!\d)")
# Phone: +62 / 62 / 0 followed by 8–13 more digits, with spaces, dots or dashes between.
_PHONE = re.compile(r"(?<![\w+])(?:\+62|62|0)[\s.-]?8(?:[\s.()-]?\d){7,12}(?!\d)")
# Vehicle plate: region letters (1–2), 1–4 digits, 0–3 series letters (G 1234 AB, H1234XY).
_PLATE = re.compile(r"\b[A-Z]{1,2}[ -]?\d{1,4}[ -]?[A-Z]{1,3}\b")

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", _EMAIL),
    ("nik", _NIK),
    ("phone", _PHONE),
    ("plate", _PLATE),
)


def find(text: str) -> list[tuple[str, str]]:
    """Each piece of personal data in ``text`` as (kind, matched text), in order of kind."""
    return [(kind, m.group(0)) for kind, rx in PATTERNS for m in rx.finditer(text or "")]


def mask_text(text: str, extra: Iterable[str] = (), mask: str = MASK) -> str:
    """``text`` with every NIK, phone number, e-mail address, plate and ``extra`` value masked."""
    if not text:
        return text
    for value in sorted(
        {v.strip() for v in extra if v and len(v.strip()) >= 3}, key=len, reverse=True
    ):
        text = re.sub(re.escape(value), mask, text, flags=re.IGNORECASE)
    for _kind, rx in PATTERNS:
        text = rx.sub(mask, text)
    return text
