"""Placeholders of response templates and filling them for one complaint.

Only the values below ever enter a filled template: never the complaint's text, internal
notes or contact details. ``{nama}`` is the reporter's name only for an ordinary (biasa)
complaint and only for a user allowed to see the identity; otherwise "Bapak/Ibu".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.utils import formats, timezone
from django.utils.translation import gettext_noop

from aduan.complaints import permissions
from aduan.complaints.choices import Privacy

if TYPE_CHECKING:
    from aduan.accounts.models import User
    from aduan.complaints.models import Complaint

#: placeholder -> what it becomes (shown to template editors)
PLACEHOLDERS: dict[str, str] = {
    "nama": gettext_noop(
        "Nama pelapor sebagai 'Bapak/Ibu Nama' bila boleh ditampilkan, selain itu 'Bapak/Ibu'"
    ),
    "kode": gettext_noop("Kode lacak laporan"),
    "unit": gettext_noop("Nama unit yang menangani"),
    "batas_waktu": gettext_noop("Tanggal batas waktu tahap ini (atau target penyelesaian)"),
    "petugas": gettext_noop("Nama petugas yang mengirim"),
}
GENERIC_SALUTATION = "Bapak/Ibu"

_PATTERN = re.compile(r"\{([a-z_]+)\}")


def unknown_placeholders(body: str) -> list[str]:
    """The ``{...}`` names in ``body`` that are not placeholders."""
    return sorted({name for name in _PATTERN.findall(body) if name not in PLACEHOLDERS})


def salutation(user: User, complaint: Complaint) -> str:
    name = complaint.reporter_name.strip()
    if (
        name
        and complaint.privacy == Privacy.BIASA
        and permissions.can_see_identity(user, complaint)
    ):
        return f"{GENERIC_SALUTATION} {name}"
    return GENERIC_SALUTATION


def values_for(user: User, complaint: Complaint) -> dict[str, str]:
    due = complaint.due_at or complaint.resolution_due_at
    unit = complaint.unit or complaint.suggested_unit
    return {
        "nama": salutation(user, complaint),
        "kode": complaint.tracking_code,
        "unit": unit.name if unit is not None else "",
        "batas_waktu": formats.date_format(timezone.localtime(due), "j F Y") if due else "",
        "petugas": user.display_name,
    }


def fill(body: str, user: User, complaint: Complaint) -> str:
    """``body`` with its placeholders replaced; anything else in braces stays as written."""
    values = values_for(user, complaint)
    return _PATTERN.sub(lambda m: values.get(m.group(1), m.group(0)), body)
