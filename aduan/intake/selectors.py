"""Reads of the intake channels: which jurisdiction a message is for, which kelurahan a text
names, and which complaint a citizen's later message belongs to."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.conf import settings

from aduan.complaints.choices import OPEN_STATUSES, ComplaintStatus
from aduan.complaints.models import Complaint
from aduan.lib.text import compact_name, normalise_name
from aduan.notifications.channels import normalise_whatsapp_number
from aduan.notifications.choices import OutboxChannel
from aduan.notifications.models import OutboxMessage
from aduan.organisation.choices import AreaKind
from aduan.organisation.models import Area, AreaAlias, Jurisdiction
from aduan.organisation.selectors import area_resolve

# --------------------------------------------------------------------------- jurisdiction


def jurisdiction_get(slug: str = "") -> Jurisdiction | None:
    """The active jurisdiction ``slug`` (default ``ADUAN_DEFAULT_JURISDICTION``), or None."""
    return Jurisdiction.objects.filter(
        slug=slug or settings.ADUAN_DEFAULT_JURISDICTION, is_active=True
    ).first()


def jurisdiction_for_whatsapp(phone_number_id: str) -> Jurisdiction | None:
    """The jurisdiction whose WhatsApp Business number received the message: the one whose
    ``settings["whatsapp_phone_number_id"]`` is ``phone_number_id``, else the default one."""
    if phone_number_id:
        found = Jurisdiction.objects.filter(
            is_active=True, settings__whatsapp_phone_number_id=phone_number_id
        ).first()
        if found is not None:
            return found
    return jurisdiction_get()


# --------------------------------------------------------------------------- kelurahan

#: Words that announce an area name: "kel. Medono", "kelurahan Tirto", "desa …", "kec …".
_MARKERS = frozenset({"kelurahan", "kel", "desa", "ds", "kecamatan", "kec", "kelurahannya"})
_LONGEST = 3  # words in the longest area name or alias


def _area_keys(jurisdiction: Jurisdiction) -> dict[str, bool]:
    """Compact key -> whether it is a current name or code (True) or only a former name or
    other alias (False), for every area of ``jurisdiction``. Two queries."""
    keys: dict[str, bool] = {}
    for alias in AreaAlias.objects.filter(area__jurisdiction=jurisdiction).values_list(
        "normalised", flat=True
    ):
        keys[alias.replace(" ", "")] = False
    for name, code in Area.objects.filter(jurisdiction=jurisdiction).values_list("name", "code"):
        keys[compact_name(name)] = True
        keys[compact_name(code)] = True
    return keys


def area_find_in_text(*, jurisdiction: Jurisdiction, text: str) -> Area | None:
    """The kelurahan (or kecamatan) a citizen's free text names, or None.

    A short text is first read as a whole ("Medono", "Kel. Sapuro-Kebulen"). Otherwise
    every phrase of up to three words that is an area's name, code or alias is resolved with
    ``organisation.selectors.area_resolve`` (which decides between names and aliases); a
    single word that is only a former name counts only after "kel."/"kelurahan"/"desa"/
    "kec." (such names are often ordinary words). Of several, a phrase after such a word
    wins, then a kelurahan over a kecamatan, then the longer phrase, then the first.
    """
    words = normalise_name(text or "").split()
    if not words:
        return None
    if len(words) <= 4:
        whole = area_resolve(jurisdiction=jurisdiction, text=" ".join(words))
        if whole is not None:
            return whole
    keys = _area_keys(jurisdiction)
    found: list[tuple[tuple[bool, bool, int, int], Area]] = []
    for i in range(len(words)):
        after_marker = i > 0 and words[i - 1] in _MARKERS
        for n in range(_LONGEST, 0, -1):
            phrase = words[i : i + n]
            if len(phrase) < n:
                continue
            is_name = keys.get("".join(phrase))
            if is_name is None or (n == 1 and not is_name and not after_marker):
                continue
            area = area_resolve(jurisdiction=jurisdiction, text=" ".join(phrase))
            if area is not None:
                rank = (not after_marker, area.kind != AreaKind.KELURAHAN, -n, i)
                found.append((rank, area))
                break
    if not found:
        return None
    return min(found, key=lambda item: item[0])[1]


def names_only_area(text: str, area: Area) -> bool:
    """Whether ``text`` says nothing but the area's name (then it is no address)."""
    words = [w for w in normalise_name(text).split() if w not in _MARKERS]
    return compact_name(" ".join(words)) in {compact_name(area.name), compact_name(area.code)}


def example_kelurahan(jurisdiction: Jurisdiction) -> str:
    area = (
        Area.objects.filter(jurisdiction=jurisdiction, kind=AreaKind.KELURAHAN)
        .order_by("name")
        .first()
    )
    return area.name if area else ""


# --------------------------------------------------------------------------- complaints


def tracking_codes_in(jurisdiction: Jurisdiction, *texts: str) -> list[str]:
    """The jurisdiction's tracking codes written in ``texts``, in order, without repeats."""
    pattern = re.compile(
        rf"(?<![A-Za-z0-9]){re.escape(jurisdiction.tracking_prefix)}-\d{{4}}-\d{{6,}}(?!\d)",
        re.IGNORECASE,
    )
    codes: list[str] = []
    for text in texts:
        for match in pattern.finditer(text or ""):
            code = match.group(0).upper()
            if code not in codes:
                codes.append(code)
    return codes


def _same_number(complaint: Complaint, number: str) -> bool:
    return bool(complaint.reporter_phone) and (
        normalise_whatsapp_number(complaint.reporter_phone) == number
    )


def complaint_by_code_for_number(
    *, jurisdiction: Jurisdiction, codes: Iterable[str], number: str
) -> Complaint | None:
    """The first complaint among ``codes`` that this WhatsApp number reported."""
    codes = list(codes)
    if not codes:
        return None
    by_code = {
        c.tracking_code: c
        for c in Complaint.objects.filter(jurisdiction=jurisdiction, tracking_code__in=codes)
    }
    for code in codes:
        complaint = by_code.get(code)
        if complaint is not None and _same_number(complaint, number):
            return complaint
    return None


def complaint_waiting_for_number(*, jurisdiction: Jurisdiction, number: str) -> Complaint | None:
    """The latest complaint of this WhatsApp number (any channel) that waits for its
    reporter's information: a citizen answering a question sent to their WhatsApp."""
    waiting = Complaint.objects.filter(
        jurisdiction=jurisdiction, status=ComplaintStatus.MENUNGGU_INFO
    ).exclude(reporter_phone="")
    # Numbers are stored as the citizen wrote them; compare them normalised.
    for complaint in waiting.order_by("-updated_at", "-id")[:500]:
        if _same_number(complaint, number):
            return complaint
    return None


def complaint_for_email_reply(
    *,
    jurisdiction: Jurisdiction,
    sender: str,
    references: Iterable[str],
    codes: Iterable[str],
) -> Complaint | None:
    """The complaint an e-mail from ``sender`` answers: the one whose notification it
    replies to (``In-Reply-To``/``References`` naming an outbox Message-ID), else the first
    tracking code it mentions. Only complaints that ``sender`` reported count."""
    sender = sender.strip().lower()
    references = [r for r in references if r]
    if references:
        replied = (
            OutboxMessage.objects.filter(
                jurisdiction=jurisdiction,
                channel=OutboxChannel.EMAIL,
                remote_id__in=references,
                complaint__isnull=False,
            )
            .select_related("complaint")
            .order_by("-created_at")
        )
        for message in replied:
            complaint = message.complaint
            if complaint is not None and complaint.reporter_email.strip().lower() == sender:
                return complaint
    codes = list(codes)
    if codes:
        candidates = {
            c.tracking_code: c
            for c in Complaint.objects.filter(
                jurisdiction=jurisdiction, tracking_code__in=codes, reporter_email__iexact=sender
            )
        }
        for code in codes:
            if code in candidates:
                return candidates[code]
    return None


def is_open(complaint: Complaint) -> bool:
    return complaint.status in OPEN_STATUSES
