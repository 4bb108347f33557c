"""What of a complaint the public may read, for Open311.

GeoReport v2 GET responses are public. The decision is not made here but in
``aduan.transparency.publish``, which the public transparency page uses too: one mechanism
for every public surface. Open311 never carries the reporter's name, phone or e-mail (no
such field is ever written), never a confidential (rahasia) complaint nor one a verifier hid
from public pages (``public_q``, used by the selectors); free text passes through
``public_text`` (the verifier's public text, else the description masked by
``aduan.lib.pii.mask_text``), ``public_address`` and ``public_note``.
"""

from __future__ import annotations

from aduan.transparency.publish import (
    CITIZEN_EVENTS,
    MASK,
    is_public,
    mask,
    public_address,
    public_note,
    public_q,
    public_text,
)

__all__ = [
    "CITIZEN_EVENTS",
    "MASK",
    "is_public",
    "mask",
    "public_address",
    "public_note",
    "public_q",
    "public_text",
]
