"""Text normalisation shared by lookups (kelurahan aliases, search)."""

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise_name(value: str) -> str:
    """Lower-case, strip accents and punctuation, collapse spaces.

    "Sapuro-Kebulen " -> "sapuro kebulen".
    """
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", value.lower()).strip()


def compact_name(value: str) -> str:
    """normalise_name without spaces, so "Panjang Wetan" and "panjangwetan" meet."""
    return normalise_name(value).replace(" ", "")
