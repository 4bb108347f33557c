"""The one masker: what it masks, and what it leaves alone."""

from __future__ import annotations

import random
import re

import pytest

from aduan.lib import pii
from aduan.lib.pii import MASK, contains_personal_data, find, mask_text, mask_value


def plain_mask_text(text: str, extra, mask: str) -> str:
    """``mask_text`` as its definition reads: e-mail addresses, then each value as
    ``mask_value`` masks it (longest first, in the order ``mask_text`` takes them), then
    every pattern, with no way out taken."""
    masked = pii._EMAIL.sub(mask, text) if "@" in text else text
    values = {" ".join(v.split()) for v in extra if v and v.strip()}
    for value in sorted(values, key=len, reverse=True):
        masked = mask_value(masked, value, mask)
    for _kind, rx in pii.PATTERNS[1:]:
        masked = rx.sub(mask, masked)
    return masked


class MaskTextTests:
    @pytest.mark.parametrize(
        ("text", "secret"),
        [
            ("NIK saya 3375012345670001 belum aktif", "3375012345670001"),
            ("NIK 3375 0123 4567 0001", "0123 4567"),
            ("KK 3375-0123-4567-0001", "0123-4567"),
            ("hubungi 081234567890", "081234567890"),
            ("WA +62 812-3456-7890", "3456"),
            ("telp 62 812 3456 7890", "3456"),
            ("HP (0812) 3456 7890", "3456"),
            ("kirim ke warga.baik@gmail.com ya", "warga.baik"),
            ("truk G 1234 AB parkir", "1234"),
            ("motor H1234XY", "H1234XY"),
            ("mobil B 1 RFS", "RFS"),
        ],
    )
    def test_it_masks_each_kind_of_personal_data(self, text, secret):
        masked = mask_text(text)
        assert MASK in masked and secret not in masked
        assert find(masked) == []

    @pytest.mark.parametrize(
        "text",
        [
            "Jalan rusak di RT 05 RW 03 Kelurahan Medono",
            "Jl. Merdeka No. 12 A, KM 5",
            "Kantor kelurahan (0285) 421093 tutup",
            "Tahun 2026 anggaran Rp 500.000.000",
            "KTP-el belum jadi sejak 2 bulan",
        ],
    )
    def test_it_leaves_ordinary_text_alone(self, text):
        assert mask_text(text) == text

    def test_it_masks_the_reporters_identity_however_written(self):
        identity = ("Siti Aminah", "0812-1111-2222", "Siti@Example.org")
        text = (
            "Saya SITI AMINAH (Bu Aminah), WA +62 812 1111 2222 atau 081211112222, "
            "e-mail siti@example.org."
        )
        masked = mask_text(text, extra=identity)
        lowered = masked.lower()
        for piece in ("siti", "aminah", "1111", "2222", "example"):
            assert piece not in lowered
        assert masked.startswith(f"Saya {MASK} (Bu {MASK}), WA {MASK}")

    def test_a_landline_is_masked_only_as_the_reporters_own(self):
        text = "Rumah saya 0285-765432, kantor (0285) 421093"
        assert mask_text(text) == text
        assert mask_text(text, extra=["(0285) 765432"]) == (
            f"Rumah saya {MASK}, kantor (0285) 421093"
        )

    def test_a_short_name_is_masked_only_whole(self):
        assert mask_value("Kali di Jl. Ali Baba", "Ali") == f"Kali di Jl. {MASK} Baba"
        assert mask_value("Jalan Sudirman", "Ahmad Jalan") == "Jalan Sudirman"

    def test_a_name_inside_an_email_leaves_nothing_behind(self):
        masked = mask_text("surel muhammad@x.id", extra=["Muhammad Abdurrahman Wahid"])
        assert masked == f"surel {MASK}"

    def test_it_reports_what_is_left(self):
        assert contains_personal_data("tanpa data") == []
        assert contains_personal_data("hubungi 081234567890 / Budi", extra=["Budi"]) == [
            "identity",
            "phone",
        ]

    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("balas ke Budi@Contoh.ID ya", "budi@contoh.id"),
            ("balas ke budi@contoh.com ya", "budi@contoh.id"),
            ("balas ke b\u00fcdi@contoh.id ya", "budi@contoh.id"),
        ],
    )
    def test_an_absent_email_is_left_alone_and_a_present_one_masked(self, text, value):
        masked = mask_value(text, value)
        assert masked == re.sub(re.escape(value), MASK, text, flags=re.IGNORECASE)

    def test_names_are_masked_without_patterns_exactly_as_with_them(self):
        """Masking a name in ASCII text without compiling patterns gives what the patterns
        give, on texts made to hold the name's parts in every case, glued to letters, digits
        and separators, and with characters beyond ASCII."""
        names = ["Siti Aminah", "Warga 12345", "Budi", "Ali", "Jalan Kusuma Jaya", "Ñoño Tan"]
        bits = ["siti", "SITI", "Aminah", "aminah", "12345", "1234", "warga", "budi", "ali",
                "kusuma", "jalan", "JAYA", "x", "7", "_", "-", ".", " ", "  ", "\t", "(", ")",
                "@", "\u212austuma", "\u00f1o\u00f1o", "é", "[disamarkan]"]  # fmt: skip
        rnd = random.Random(3)
        compared = changed = 0
        for _ in range(4000):
            text = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 12)))
            for name in names:
                expected = pii._mask_name_patterns(text, name, MASK)
                assert mask_value(text, name, MASK) == expected, (text, name)
                compared += 1
                changed += expected != text
        assert changed > compared // 20  # many texts did hold a name to mask

    def test_patterns_skipped_for_short_texts_mask_exactly_as_when_always_run(self):
        """``mask_text`` runs the NIK, phone and plate patterns only when the text can hold
        a match (enough digits, a capital letter before a digit): on texts made of digit
        groups, plates, RT/RW numbers, separators and characters beyond ASCII it gives what
        running every pattern gives."""
        bits = ["3375", "0123", "4567", "0001", "0812", "3456", "7890", "+62", "62", "8",
                "G 1234 AB", "H1234XY", "RT 05", "RW 03", "KM 5", "AA", "B", "12", " ",
                "-", ".", "(", ")", "/", "jalan", "Siti", "\u0663\u0664", "é",
                "budi@contoh.id", "aminah", "BUDI", "Warga", "_"]  # fmt: skip
        extras = [
            ("Siti Aminah", "0812-3456-7890", "budi@contoh.id"),
            ("Budi", "+62 812 3456 7890", "SITI@contoh.id"),
            ("Jalan Siti 12", "0285 421093", ""),
            ("Warga 3456", "62", "\u00e9@contoh.id"),
            ("  siti   aminah ", "AA 0812", "x@y"),
        ]
        rnd = random.Random(5)
        changed = 0
        for n in range(4000):
            text = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 14)))
            extra = extras[n % len(extras)]
            for mask in (MASK, "\x00", "#1"):
                expected = plain_mask_text(text, extra, mask)
                assert pii.mask_text(text, extra=extra, mask=mask) == expected, (text, mask)
                changed += expected != text
        assert changed > 12000 // 5  # many texts did hold something to mask

    def test_the_ascii_path_masks_exactly_as_the_definition(self):
        """ASCII text takes ``_mask_text_ascii`` (the lower-case text and the digit count
        kept across values): on texts of names in any case and with any separator, common
        words, numbers in any grouping, NIK runs, plates, RT/RW numbers, e-mail addresses
        and the mask itself, with reporters' values that are short, spaced out, repeated,
        of equal length, beyond ASCII (the Kelvin sign matches "k") or empty, it gives what
        the definition gives (``plain_mask_text``), with the usual mask and with others."""
        bits = ["Siti", "siti", "SITI", "Aminah", "aminah", "Warga", "warga", "1003", "100",
                "Jalan", "jalan", "Budi", "budi_", "Santoso", "kusuma", "Kusuma-Jaya", "_",
                "-", ".", " ", "  ", ",", "(", ")", "/", "0812", "3456", "7890", "+62", "62",
                "8", "0", "3375", "0123", "4567", "0001", "G 1234 AB", "H1234XY", "RT 05",
                "RW 03", "KM 5", "B", "x", "budi@contoh.id", "SITI@Contoh.ID", "@", MASK,
                "laporan", "di", "Pak", "Bu", "\t", "\n"]  # fmt: skip
        values = ["Siti Aminah", "siti  aminah", " Budi ", "Budi Santoso", "Warga 1003",
                  "Warga 100", "0812-3456-7890", "+62 812 3456 7890", "62", "08", "1003",
                  "Jalan Siti 12", "budi@contoh.id", "SITI@contoh.id", "x@y", "ab", "",
                  "   ", "Pak Budi", "Bu Siti", "Kusuma Jaya", "\u212austuma", "Ayu Dewi",
                  "Dewi Ayu", "3375 0123 4567 0001", "12345", "123456", "é@contoh.id",
                  "\u00e9tienne", "Budi\tSantoso", "budi.santoso"]  # fmt: skip
        # Texts at the edges of the digit counts: a mobile number of exactly nine digits, a
        # reporter's number written without its 0 or 62 (as many digits as it needs).
        edges = ["081234567", "812-3456-7890", "8123 4567 890", "(0812) 3456 7890",
                 "62 812 3456 7890", "3375012345670001", "Budi 0812",
                 "tlp 812 3456 789"]  # fmt: skip
        rnd = random.Random(13)
        changed = 0
        for n in range(8000):
            if n % 4:
                text = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 16)))
            else:
                words = [rnd.choice(bits) for _ in range(rnd.randint(0, 3))]
                words.insert(rnd.randint(0, len(words)), rnd.choice(edges))
                text = " ".join(w for w in words if not any(ch.isdigit() for ch in w) or w in edges)
            extra = [rnd.choice(values) for _ in range(rnd.randint(0, 4))]
            mask = (MASK, MASK, "#1", "\x00")[n % 4 if n % 8 else 0]
            expected = plain_mask_text(text, extra, mask)
            assert mask_text(text, extra=extra, mask=mask) == expected, (text, extra, mask)
            changed += expected != text
        assert changed > 8000 // 4  # many texts did hold something to mask

    def test_the_plate_pattern_matches_as_the_alternation_of_every_region_code(self):
        """The plate pattern is written as a character class and each letter's second
        letters (``_plate_pattern``): on texts of plates, RT/RW numbers, region codes glued
        to words and separators, it masks exactly what the longest-first alternation of the
        codes masks, and digit counts by ``bytes.translate`` agree with a loop."""
        plain = re.compile(
            r"(?<![\w/])(?:" + "|".join(sorted(pii._REGIONS, key=len, reverse=True)) + r")"
            r"[ -]?\d{1,4}(?:[ -]?[A-Z]{1,3})(?![\w/])"
        )
        bits = ["G 1234 AB", "H1234XY", "RT 05", "RW 03", "KM 5", "AA", "B", "12", " ", "-",
                "/", "x", "AB12C", "DT 1 Z", "KU-9-ABC", "\u00e9", "_", "Z9Q", "9", "A",
                "BM", "PB 77", "\u0663", "KT"]  # fmt: skip
        rnd = random.Random(11)
        changed = 0
        for _ in range(20000):
            text = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 10)))
            expected = plain.sub(MASK, text)
            assert pii._PLATE.sub(MASK, text) == expected, text
            changed += expected != text
            if text.isascii():
                assert pii._ascii_digits(text) == sum(ch.isdigit() for ch in text), text
        assert changed > 20000 // 10  # many texts did hold a plate

    def test_digits_and_letters_counted_without_a_loop_as_with_one(self):
        """In ASCII the digits of a value are taken with ``translate`` and its letters
        found by comparing cases: the same numbers and the same masking as looking at every
        character, for values of digits, letters, separators and characters beyond ASCII."""
        bits = ["0812", "3456", "+62", "7", "-", " ", "(", ")", ".", "Siti", "x", "\u0663", "é"]
        rnd = random.Random(9)
        text = "Siti 0812-3456-7890 di RT 07, +62 812 3456 \u0663\u0664 é"
        for _ in range(3000):
            value = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 8)))
            assert pii.digits(value) == "".join(ch for ch in value if ch.isdigit()), value
            assert pii.national_number(value) == pii.national_number(value + "\u00a0")
            digits = sum(ch.isdigit() for ch in value)
            letters = any(ch.isalpha() for ch in value)
            squeezed = " ".join(value.split())
            if len(squeezed) < 3 or "@" in squeezed:
                continue
            if digits >= 6 and not letters:
                expected = pii._mask_number(text, squeezed, MASK)
            else:
                expected = pii._mask_name_patterns(text, squeezed, MASK)  # (text beyond ASCII)
            assert mask_value(text, value) == expected, value
