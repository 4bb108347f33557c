"""Writes of the transparency app: what a verifier publishes of a complaint, and citizens'
support for a public complaint.

``complaint_publication_edit`` changes the complaint through the same lock and timeline
event as every workflow service (``complaints.services``). ``complaint_support`` adds a
``Supporter`` and counts it on the complaint with a conditional update, like a merge does.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F

from aduan.accounts.models import User
from aduan.complaints import permissions
from aduan.complaints.choices import OPEN_STATUSES, EventKind
from aduan.complaints.models import Complaint, Supporter
from aduan.complaints.services import ComplaintInputError, _event, _lock
from aduan.lib import clock
from aduan.transparency import publish

#: Public text at most this long.
PUBLIC_TEXT_MAX = 5000
#: Supports from one browser, and from one network address, within ``SUPPORT_WINDOW``.
SUPPORTS_PER_BROWSER = 20
SUPPORTS_PER_NETWORK = 60
SUPPORT_WINDOW = timedelta(hours=1)


class SupportRefused(Exception):
    """A support that cannot be counted; the message is for the citizen. ``status``: 409
    (not possible for this complaint) or 429 (too many)."""

    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


def complaint_publication_edit(
    *, complaint: Complaint, actor: User, public_text: str, hidden: bool
) -> Complaint:
    """Set the text the public reads (empty: the masked description) and whether the
    complaint stays off public pages. Verifiers and administrators only; the text must hold
    no personal data; the change is written on the timeline (internal)."""
    text = public_text.strip()
    if len(text) > PUBLIC_TEXT_MAX:
        raise ComplaintInputError(
            {"public_text": [f"Teks terlalu panjang (batas {PUBLIC_TEXT_MAX} huruf). / Too long."]}
        )
    with transaction.atomic():
        complaint = _lock(complaint)
        if not permissions.can_verify(actor, complaint):
            raise PermissionDenied(
                "Hanya verifikator yang dapat mengubah tampilan publik. / Verifiers only."
            )
        found = publish.problems(text, complaint) if text else []
        if found:
            raise ComplaintInputError(
                {
                    "public_text": [
                        "Teks publik masih memuat data pribadi ("
                        + ", ".join(found)
                        + "). Hapus atau samarkan dulu. / The public text still holds "
                        "personal data."
                    ]
                }
            )
        before = (complaint.public_text, complaint.public_hidden)
        if before == (text, hidden):
            return complaint
        complaint.public_text = text
        complaint.public_hidden = hidden
        complaint.save(
            update_fields=["public_text", "public_hidden", "public_search", "updated_at"]
        )
        changes = []
        if before[0] != text:
            changes.append("teks publik diubah" if text else "teks publik dikembalikan ke uraian")
        if before[1] != hidden:
            changes.append(
                "disembunyikan dari halaman publik" if hidden else "ditampilkan di halaman publik"
            )
        _event(
            complaint,
            EventKind.PUBLICATION_EDITED,
            actor=actor,
            message="; ".join(changes).capitalize() + ".",
            is_public=False,
            data={"public_text": text, "hidden": hidden},
        )
    return complaint


def visitor_key(value: str) -> str:
    """A keyed hash of a browser token or network address: enough to count supports,
    nothing to recover the value from."""
    if not value:
        return ""
    return hmac.new(
        settings.SECRET_KEY.encode(), f"support:{value}".encode(), hashlib.sha256
    ).hexdigest()


@dataclass
class SupportResult:
    supporter: Supporter
    created: bool
    support_count: int


def complaint_support(
    *,
    complaint: Complaint,
    browser_key: str,
    network_key: str = "",
    name: str = "",
    contact: str = "",
) -> SupportResult:
    """A citizen supports a public, open complaint instead of filing the same report again.

    Once per browser (``browser_key``, a keyed hash): supporting again changes nothing but
    fills in a contact given now. Refused (``SupportRefused``) for a complaint that is not
    public or no longer open, and beyond ``SUPPORTS_PER_BROWSER`` / ``SUPPORTS_PER_NETWORK``
    supports an hour.
    """
    name, contact = " ".join(name.split())[:120], contact.strip()[:254]
    if not browser_key:
        raise SupportRefused("Dukungan memerlukan cookie peramban. / Cookies are needed.")
    if not publish.is_public(complaint) or complaint.status not in OPEN_STATUSES:
        raise SupportRefused(
            "Laporan ini tidak dapat didukung lagi. / This report can no longer be supported."
        )
    existing = Supporter.objects.filter(complaint=complaint, browser_key=browser_key).first()
    if existing is not None:
        if (name and not existing.name) or (contact and not existing.contact):
            existing.name = existing.name or name
            existing.contact = existing.contact or contact
            existing.save(update_fields=["name", "contact"])
        count = Complaint.objects.values_list("support_count", flat=True).get(pk=complaint.pk)
        return SupportResult(existing, False, count)
    since = clock.now() - SUPPORT_WINDOW
    recent = Supporter.objects.filter(created_at__gte=since)
    if recent.filter(browser_key=browser_key).count() >= SUPPORTS_PER_BROWSER or (
        network_key and recent.filter(network_key=network_key).count() >= SUPPORTS_PER_NETWORK
    ):
        raise SupportRefused(
            "Terlalu banyak dukungan dalam waktu singkat. Coba lagi nanti. / Too many "
            "supports in a short time; try again later.",
            status=429,
        )
    try:
        with transaction.atomic():
            supporter = Supporter.objects.create(
                complaint=complaint,
                name=name,
                contact=contact,
                browser_key=browser_key,
                network_key=network_key,
                created_at=clock.now(),
            )
            Complaint.objects.filter(pk=complaint.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:  # the same browser, twice at once
        supporter = Supporter.objects.get(complaint=complaint, browser_key=browser_key)
        count = Complaint.objects.values_list("support_count", flat=True).get(pk=complaint.pk)
        return SupportResult(supporter, False, count)
    count = Complaint.objects.values_list("support_count", flat=True).get(pk=complaint.pk)
    return SupportResult(supporter, True, count)
