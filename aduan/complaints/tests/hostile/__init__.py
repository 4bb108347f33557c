"""A corpus of hostile input for every form and endpoint (``test_hostile.py`` drives them).

The text payloads live in ``strings.txt``, one per line, with Python escapes (``\\x00``,
``\\u202e``) so that invisible and control characters stay visible in the file; the large
and the non-text payloads (a megabyte field, invalid UTF-8, a lone surrogate in JSON) are
made here. ``MARKERS`` are substrings that must never appear unescaped in any page.
"""

from __future__ import annotations

import codecs
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: If one of these appears in an HTML page, stored text was rendered unescaped.
MARKERS = ('<script>alert("xss-aduan")', "<img src=x onerror=", "<svg/onload=")


def _lines(name: str) -> list[str]:
    out = []
    for raw in (HERE / name).read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            out.append(codecs.decode(raw.encode("latin-1", "backslashreplace"), "unicode_escape"))
    return out


#: Text payloads for any text field.
STRINGS: list[str] = _lines("strings.txt")
#: Payloads for fields that want a number, a date or a point.
NUMBERS: list[str] = _lines("numbers.txt")
#: One megabyte in one field.
HUGE = "Ä" * 600_000  # 1.2 MB in UTF-8
#: Every payload a text field gets.
TEXTS: list[str] = [*STRINGS, HUGE]
#: Bodies that are not valid UTF-8 (form and JSON bodies).
INVALID_UTF8: list[bytes] = [
    b"\xff\xfe\xfd",
    b"description=\xc3\x28\xa0\xa1&privacy=anonim",
    b'{"description": "\xed\xa0\x80 tidak sah \xff", "privacy": "anonim"}',
]
#: JSON bodies that are valid UTF-8 but decode to text no database can store.
BAD_JSON: list[bytes] = [
    b'{"description": "Lampu mati \\ud800 di jalan Hayam Wuruk sejak lama", "privacy": "anonim"}',
    b'{"description": "Lampu mati \\u0000 di jalan Hayam Wuruk sejak lama", "privacy": "anonim"}',
    b'{"description": ' + b"[" * 5000 + b"]" * 5000 + b"}",
    b'{"latitude": 1e999, "longitude": -1e999, "description": "angka tak hingga di peta"}',
    b"[]",
    b"null",
    b'"teks"',
    b"{",
]
