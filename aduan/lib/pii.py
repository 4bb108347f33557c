"""Personal data in free text: the one place that finds and masks it.

Every surface that shows text people wrote to someone who may not see personal data (the
public transparency page, Open311, exports for units, logs) passes it through ``mask_text``.
It masks NIK and KK numbers (16 digits), Indonesian mobile numbers, e-mail addresses and
vehicle plate numbers, plus the ``extra`` values given: the reporter's own name, phone and
e-mail, each matched the way people write it (a name whole or by its longer parts, a phone
number in any grouping and with or without +62).

Landline numbers of offices ("(0285) 421093") are left alone: they are public contacts,
and a citizen's own landline is masked when it is passed as an ``extra`` value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "[disamarkan]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# NIK / KK: 16 digits, possibly written in groups (3375 0123 4567 0001).
_NIK = re.compile(r"(?<!\d)(?:\d[\s.-]?){15}\d(?!\d)")
# Mobile phone: +62 / 62 / 0 followed by 8 and 7–12 more digits, with spaces, dots, dashes
# or brackets between.
_PHONE = re.compile(r"(?<![\w+(])\(?(?:\+62|62|0)[\s.-]?\(?8(?:[\s.()-]{0,2}\d){7,12}(?!\d)")
# Vehicle plate: a region code of Indonesia, 1–4 digits, 1–3 series letters (G 1234 AB,
# H1234XY). The region codes are listed so that "RT 05 RW 03" or "KM 5" are not plates.
_REGIONS = (
    "A B D E F G H K L M N P R S T W Z AA AB AD AE AG BA BB BD BE BG BH BK BL BM BN BP "
    "DA DB DD DE DG DH DK DL DM DN DR DS DT EA EB ED KB KH KT KU PA PB"
).split()


def _plate_pattern(regions: list[str]) -> str:
    """The plate pattern: ``(?<![\\w/])(?:AA|AB|…|A|B|…)`` then the number and series,
    written so that the engine can skip to a region's first letter (a character class
    first, the edge checked behind it) and tries each letter's second ones (``BA``, ``BB``,
    …) before the letter alone, as the longest-first alternation of every code does: the
    same matches (a test compares both), at about a third of the cost."""
    firsts = sorted({r[0] for r in regions})
    seconds = [
        f"(?<={first})[{''.join(sorted(r[1] for r in regions if len(r) == 2 and r[0] == first))}]"
        for first in firsts
        if any(len(r) == 2 and r[0] == first for r in regions)
    ]
    return (
        rf"[{''.join(firsts)}](?<![\w/].)(?:{'|'.join(seconds)})?"
        r"[ -]?\d{1,4}(?:[ -]?[A-Z]{1,3})(?![\w/])"
    )


_PLATE = re.compile(_plate_pattern(_REGIONS))

#: What each pattern needs at the least (in ASCII text, where ``\\d`` is 0-9): a NIK 16
#: digits, a mobile number 9 (0 or 62, the 8, seven more); a plate a capital letter before
#: a digit.
_MIN_DIGITS = {"nik": 16, "phone": 9}
_LETTER_DIGIT = re.compile(r"[A-Z][ -]?\d")


def _ascii_digits(text: str) -> int | None:
    """How many digits an ASCII ``text`` holds; None beyond ASCII (other scripts' digits
    are digits to the patterns too)."""
    return _count_digits(text) if text.isascii() else None


def _count_digits(text: str) -> int:
    """How many digits an ASCII ``text`` holds."""
    return len(text.encode().translate(None, _NOT_DIGIT_BYTES))


PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", _EMAIL),
    ("nik", _NIK),
    ("phone", _PHONE),
    ("plate", _PLATE),
)

#: Words that may be part of a name but are too common to mask on their own.
_COMMON_WORDS = frozenset(
    """jalan gang dusun desa kota kampung kelurahan kecamatan bapak ibu saudara saudari
    haji hajjah mas mbak pak bu dinas kantor rumah masjid sekolah pasar taman""".split()
)


def find(text: str) -> list[tuple[str, str]]:
    """Each piece of personal data in ``text`` as (kind, matched text), in order of kind."""
    return [(kind, m.group(0)) for kind, rx in PATTERNS for m in rx.finditer(text or "")]


#: Every byte but the ASCII digits (``digits`` deletes them).
_NOT_DIGIT_BYTES = bytes(b for b in range(256) if not 0x30 <= b <= 0x39)


def digits(text: str) -> str:
    """The digits of ``text``, in order (in ASCII text with one ``bytes.translate``, a table
    look-up per byte in C; beyond it other scripts' digits count too, as ``str.isdigit``
    says)."""
    if text.isascii():
        return text.encode().translate(None, _NOT_DIGIT_BYTES).decode()
    return "".join(ch for ch in text if ch.isdigit())


def national_number(text: str) -> str:
    """An Indonesian number's digits without its prefix: 0812…, 62812… and +62 812… are one
    number (the key to compare, count or look up phone numbers by)."""
    found = digits(text or "")
    if found.startswith("62"):
        return found[2:]
    if found.startswith("0"):
        return found[1:]
    return found


_DIGIT_RUN = re.compile(r"\+?\d[\d\s().-]{4,}\d")


def _mask_number(text: str, value: str, mask: str, held: int | None = None) -> str:
    """A phone number in any grouping (``held``: the text's count of digits when the caller
    has it)."""
    wanted = national_number(value)
    if held is None:
        held = _ascii_digits(text)
    if held is not None and held < len(wanted):
        return text  # no run of digits in the text can be the number

    def replace(match: re.Match[str]) -> str:
        return mask if national_number(match.group(0)) == wanted else match.group(0)

    return _DIGIT_RUN.sub(replace, text)


# A name's edges: not inside a word, but "_", "." and "-" separate (file names such as
# "KTP_Siti_Aminah.jpg" name people too).
_NOT_AFTER_LETTER = r"(?<![^\W_])"
_NOT_BEFORE_LETTER = r"(?![^\W_])"


def _mask_name_patterns(text: str, value: str, mask: str) -> str:
    """A name masked whole (its parts separated by spaces, "_", "." or "-") and by its
    longer parts, any case, with regular expressions."""
    parts = value.split()
    text = re.sub(_whole_name(parts), mask, text, flags=re.IGNORECASE)
    if len(parts) > 1:
        for part in _name_parts(parts):
            pattern = rf"{_NOT_AFTER_LETTER}{re.escape(part)}{_NOT_BEFORE_LETTER}"
            text = re.sub(pattern, mask, text, flags=re.IGNORECASE)
    return text


def _whole_name(parts: list[str]) -> str:
    """The pattern of a name whole: its parts separated by spaces, "_", "." or "-"."""
    whole = r"[\s_.-]+".join(re.escape(p) for p in parts)
    return rf"{_NOT_AFTER_LETTER}{whole}{_NOT_BEFORE_LETTER}"


def _name_parts(parts: list[str]) -> list[str]:
    """The parts of a name masked on their own: four letters or more, not a common word."""
    return [p for p in parts if len(p) >= 4 and p.lower() not in _COMMON_WORDS]


def _mask_word_ascii(text: str, word: str, mask: str, lowered: str | None = None) -> str:
    """``re.sub(edge + re.escape(word) + edge, mask, text, flags=re.IGNORECASE)`` with the
    name edges above, for ASCII ``text``, ``word`` and ``mask``, without compiling a
    pattern: in ASCII "a letter or digit" (the edges' class) is ``str.isalnum`` and ignoring case
    is comparing lower case (``lowered``: ``text.lower()`` when the caller has it)."""
    needle = word.lower()
    if lowered is None:
        lowered = text.lower()
    if needle not in lowered:
        return text
    size, end = len(needle), len(text)
    pieces: list[str] = []
    done = 0
    at = lowered.find(needle)
    while at != -1:
        stop = at + size
        if (at == 0 or not text[at - 1].isalnum()) and (stop == end or not text[stop].isalnum()):
            pieces += (text[done:at], mask)
            done = stop
            at = lowered.find(needle, stop)
        else:
            at = lowered.find(needle, at + 1)
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _mask_name_ascii(text: str, lowered: str, value: str, mask: str) -> str:
    """``_mask_name_patterns`` for ASCII ``text`` (``lowered``: in lower case), ``value``
    and ``mask`` (beyond ASCII, ``re.IGNORECASE`` also pairs "K" with the Kelvin sign and
    the like). Most names are seen once and most texts do not contain them: a pattern is
    only compiled for a whole name of several parts that all occur in the text, and
    nothing is done when the text holds neither the whole name nor any of its parts masked
    on their own (``_name_parts``)."""
    parts = value.lower().split()  # (in ASCII, ignoring case is comparing lower case)
    if len(parts) == 1:
        return _mask_word_ascii(text, parts[0], mask, lowered)
    whole = all(p in lowered for p in parts)
    longer = _name_parts(parts)
    if not whole and not any(p in lowered for p in longer):
        return text
    if whole:
        masked = re.sub(_whole_name(parts), mask, text, flags=re.IGNORECASE)
        if masked != text:
            text, lowered = masked, masked.lower()
    for part in longer:
        masked = _mask_word_ascii(text, part, mask, lowered)
        if masked is not text:
            text, lowered = masked, masked.lower()
    return text


def mask_value(text: str, value: str, mask: str = MASK) -> str:
    """``text`` with one known value masked: an e-mail address (any case), a phone number
    (any grouping, with or without +62) or a name (whole, and its parts of four letters or
    more)."""
    value = " ".join((value or "").split())
    if len(value) < 3 or not text:
        return text
    if text.isascii() and value.isascii() and mask.isascii():
        return _mask_value_ascii(text, text.lower(), value, mask, None)
    if "@" in value:
        return re.sub(re.escape(value), mask, text, flags=re.IGNORECASE)
    count = sum(ch.isdigit() for ch in value)
    if count >= 6 and not any(ch.isalpha() for ch in value):
        return _mask_number(text, value, mask)
    return _mask_name_patterns(text, value, mask)


def _mask_value_ascii(text: str, lowered: str, value: str, mask: str, held: int | None) -> str:
    """``mask_value`` for ASCII ``text`` (``lowered``: in lower case; ``held``: its count
    of digits when the caller has it), ``value`` (spaces squeezed) and ``mask``: in ASCII
    ignoring case is comparing lower case, a letter is what has two cases, and the digits
    are 0-9."""
    if len(value) < 3:
        return text
    if "@" in value:
        if value.lower() not in lowered:
            return text
        return re.sub(re.escape(value), mask, text, flags=re.IGNORECASE)
    if len(digits(value)) >= 6 and value.lower() == value.upper():
        return _mask_number(text, value, mask, _count_digits(text) if held is None else held)
    return _mask_name_ascii(text, lowered, value, mask)


def _mask_text_ascii(text: str, values: set[str], mask: str) -> str:
    """``mask_text`` for ASCII ``text`` and ``mask`` (e-mail addresses already masked;
    ``values``: the ``extra`` values with their spaces squeezed): each value as
    ``mask_value`` masks it, longest first, then the patterns, with the text in lower case
    and its count of digits worked out once and kept until a value changes the text (an
    ASCII mask keeps it ASCII)."""
    lowered, held = text.lower(), _count_digits(text)
    for value in sorted(values, key=len, reverse=True) if len(values) > 1 else values:
        if value.isascii():
            masked = _mask_value_ascii(text, lowered, value, mask, held)
        else:
            masked = mask_value(text, value, mask)
        if masked != text:
            text, lowered, held = masked, masked.lower(), _count_digits(masked)
    return _mask_patterns(text, mask, held)


def _mask_patterns(text: str, mask: str, held: int | None) -> str:
    """The NIK, mobile-number and plate patterns masked, each only when the text can hold a
    match (``held``: its count of digits, None beyond ASCII; ``_MIN_DIGITS``,
    ``_LETTER_DIGIT``): most texts have few digits, and a search for the commoner shape
    costs less than the pattern's."""
    for kind, rx in PATTERNS[1:]:
        if kind == "plate":
            if not _LETTER_DIGIT.search(text):
                continue
        elif held is not None and held < _MIN_DIGITS[kind]:
            continue
        text = rx.sub(mask, text)
    return text


def mask_text(text: str, extra: Iterable[str] = (), mask: str = MASK) -> str:
    """``text`` with every NIK, mobile number, e-mail address, plate and ``extra`` value
    masked (see the module docstring)."""
    if not text:
        return text
    # E-mail addresses first, so that a name inside one cannot leave its domain behind.
    if "@" in text:
        text = _EMAIL.sub(mask, text)
    values = {" ".join(v.split()) for v in extra if v and v.strip()}
    if text.isascii() and mask.isascii():
        return _mask_text_ascii(text, values, mask)
    for value in sorted(values, key=len, reverse=True):
        text = mask_value(text, value, mask)
    return _mask_patterns(text, mask, _ascii_digits(text))


def contains_personal_data(text: str, extra: Iterable[str] = ()) -> list[str]:
    """The kinds of personal data ``text`` still holds ("email", "nik", "phone", "plate",
    "identity"); empty when ``mask_text`` would change nothing."""
    kinds = [kind for kind, _value in find(text)]
    values = [v for v in extra if v and v.strip()]
    if any(mask_value(text, v, "\x00") != text for v in values):
        kinds.append("identity")
    return sorted(set(kinds))
