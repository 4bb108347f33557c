"""Text normalisation for the triage classifier and the duplicate finder.

Complaints arrive as informal Bahasa Indonesia: WhatsApp abbreviations ("yg", "gk", "tlg"),
Javanese ("mboten", "nggih", "piye"), letters held down ("tolonggg"), reduplication written
with a digit ("anak2", "asal2an"), ALL CAPS and emoji. ``normalise`` turns all of that into
lower-case standard words, so that the word features of the classifier see one spelling per
word; the character features still see typos that no dictionary lists.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

_TOKEN = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_REPEATED = re.compile(r"([a-z])\1{2,}")
_REDUPLICATED = re.compile(r"\b([a-z]{2,})2(an|nya|e|ne)?\b")
#: An RT or RW number in any of the ways residents write it: "RT 02", "rt.5", "rt2", "RT2RW6",
#: and an RT with its RW after a slash, "rt 4/2", "RT 02/05", "rt2/rw3", "RT.02/RW.05".
_RT_SLASH = re.compile(r"(?<![a-z])rt\s*\.?\s*(\d{1,3})\s*/\s*(?:rw\s*\.?\s*)?(\d{1,3})(?!\d)")
_ROMAN_RT = re.compile(r"(?<![a-z])(rt|rw)\s*\.?\s*(\d{1,3})(?!\d)")
#: "Banjir" (or "kebanjiran") followed by something that is not water is figurative, "a flood
#: of": "banjir hoaks", "banjir antrean", "banjir lubang", "kebanjiran pesanan". It becomes
#: "marak" ("rife"), so that the word does not read as a flood (``banjir_rob``) or as urgent.
_FIGURATIVE_FLOOD = re.compile(
    r"\b(?:ke)?banjir(?:an)? (?=(?:hoaks|hoax|hoaxs|berita|kabar|info|informasi|isu|pesan|"
    r"broadcast|antrean|lubang|pesanan|orderan|order|komplain|keluhan|kritik|komentar|"
    r"hujatan|pembeli|penonton|pengunjung|pelanggan|lamaran|pelamar|tugas|iklan|spam|"
    r"promo|diskon|tagihan)\b)"
)


@lru_cache(maxsize=1)
def word_map() -> dict[str, str]:
    """The word normalisation dictionary (``data/normalisation.toml``)."""
    with (DATA_DIR / "normalisation.toml").open("rb") as fh:
        data = tomllib.load(fh)
    return {str(k).lower(): str(v).lower() for k, v in data["words"].items()}


def fold(text: str) -> str:
    """Lower-case and strip accents; keep letters, digits and spaces only."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    return text.lower()


def rt_rw(text: str) -> str:
    """RT and RW numbers of folded ``text`` written as "rt N rw M": "rt2/3" is RT 2 RW 3
    (not the reduplication "rt-rt" and the number 3), "RT2RW6" is RT 2 RW 6."""
    return _ROMAN_RT.sub(r"\1 \2 ", _RT_SLASH.sub(r"rt \1 rw \2 ", text))


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """Standard lower-case words separated by single spaces.

    "TOLONGGG min lampu PJU dpn rmh sy mati udh 3 hr, matur nuwun" becomes
    "tolong admin lampu pju depan rumah saya mati sudah 3 hari matur terima kasih".
    Cached: the classifier, the kelurahan finder and the urgency rules all ask for it.
    Hyphenated words are split ("bolak-balik" -> "bolak balik") unless listed as one word.
    """
    text = rt_rw(fold(text))
    text = _REPEATED.sub(r"\1", text)
    text = _REDUPLICATED.sub(lambda m: f"{m.group(1)} {m.group(1)}{m.group(2) or ''}", text)
    mapping = word_map()
    out: list[str] = []
    for token in _TOKEN.findall(text):
        replacement = mapping.get(token)
        if replacement is None and "-" in token:
            replacement = mapping.get(token.replace("-", ""))
        if replacement is None:
            replacement = (
                token.replace("-", " ").replace("'", "") if "-" in token or "'" in token else token
            )
        out.append(replacement)
    return _FIGURATIVE_FLOOD.sub("marak ", " ".join(out))
