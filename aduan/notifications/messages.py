"""The texts of every message Aduan sends, in Bahasa Indonesia, one template per kind.

Templates use Django's template language without HTML escaping (the messages are plain
text). Every template sees:

``tracking_code``, ``service_name``, ``jurisdiction_name``, ``unit_name``,
``category_name``, ``area_name``, ``due_date`` (the complaint's current due time, formatted)

citizens' templates also ``greeting`` and ``status_url`` (the secret link to the status
page); staff templates ``recipient_name``, ``detail_url`` and ``summary`` (empty for
*rahasia* complaints, so that their content never leaves the system by e-mail).

Each template lists the context keys it ``requires`` and those it accepts (``optional``);
``render_message`` refuses a missing required key and any key it does not know, so that a
typo cannot silently drop the text a citizen was meant to read.

Citizens' messages carry only public text: the callers pass the text of public timeline
events (see ``services.notify_citizen``), never an internal note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.template import Context, Engine, Template
from django.urls import reverse
from django.utils import formats, timezone, translation

from aduan.complaints.choices import ArchiveReason, Privacy
from aduan.notifications.choices import CITIZEN_KINDS, MessageKind, OutboxChannel

if TYPE_CHECKING:
    from aduan.accounts.models import User
    from aduan.complaints.models import Complaint

K = MessageKind

#: Longer public texts are shortened in WhatsApp messages; the link leads to the whole text.
WHATSAPP_TEXT_LIMIT = 1000

_CITIZEN_FOOTER = """

Hormat kami,
{{ service_name }}
{{ jurisdiction_name }}

Pesan ini dikirim otomatis. Untuk menjawab atau menanggapi, gunakan tautan di atas."""

_STAFF_FOOTER = """

— {{ service_name }} · {{ jurisdiction_name }}"""


@dataclass(frozen=True)
class MessageTemplate:
    subject: str
    body: str
    requires: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


TEMPLATES: dict[str, MessageTemplate] = {
    # ------------------------------------------------------------------ to the citizen
    K.RECEIPT: MessageTemplate(
        subject="Laporan Anda kami terima: {{ tracking_code }}",
        body="""Yth. {{ greeting }},

Terima kasih telah menyampaikan laporan kepada {{ service_name }}. Laporan Anda sudah kami \
terima dengan kode lacak:

{{ tracking_code }}

Mohon simpan kode ini. Perkembangan laporan dapat Anda pantau melalui tautan berikut \
(mohon tidak dibagikan kepada orang lain):
{{ status_url }}
{% if due_date %}
Laporan akan kami verifikasi paling lambat {{ due_date }}.{% endif %}""",
    ),
    K.INFO_REQUESTED: MessageTemplate(
        subject="Mohon informasi tambahan untuk laporan {{ tracking_code }}",
        body="""Yth. {{ greeting }},

Untuk menindaklanjuti laporan {{ tracking_code }}, petugas kami memerlukan informasi \
tambahan dari Anda:

{{ text }}

Mohon sampaikan jawaban Anda melalui tautan berikut{% if reply_by %} paling lambat \
{{ reply_by }}{% endif %}:
{{ status_url }}

Laporan yang informasinya tidak dilengkapi dapat kami arsipkan. Terima kasih atas kerja \
sama Anda.""",
        requires=("text",),
        optional=("reply_by",),
    ),
    K.FOLLOW_UP: MessageTemplate(
        subject="Tindak lanjut laporan {{ tracking_code }}",
        body="""Yth. {{ greeting }},

{{ unit_name|default:"Petugas kami" }} telah menindaklanjuti laporan Anda \
({{ tracking_code }}):

{{ text }}

Mohon periksa hasilnya dan sampaikan tanggapan Anda (puas atau belum puas) melalui tautan \
berikut:
{{ status_url }}""",
        requires=("text",),
    ),
    K.CLOSED: MessageTemplate(
        subject="Laporan {{ tracking_code }} telah selesai",
        body="""Yth. {{ greeting }},

Laporan Anda dengan kode {{ tracking_code }} telah dinyatakan selesai.{% if text %}

Catatan penyelesaian:
{{ text }}{% endif %}

Riwayat penanganan tetap dapat dilihat melalui tautan berikut:
{{ status_url }}

Terima kasih telah membantu kami memperbaiki pelayanan publik.""",
        optional=("text",),
    ),
    K.ARCHIVED: MessageTemplate(
        subject="Laporan {{ tracking_code }} diarsipkan",
        body="""Yth. {{ greeting }},

Mohon maaf, laporan Anda dengan kode {{ tracking_code }} tidak dapat kami proses lebih \
lanjut dan telah diarsipkan{% if reason %} karena {{ reason }}{% endif %}.{% if text %}

Keterangan petugas:
{{ text }}{% endif %}

Laporan tetap dapat Anda lihat melalui tautan berikut. Anda dipersilakan menyampaikan \
laporan baru bila masalahnya masih terjadi.
{{ status_url }}""",
        optional=("text", "reason"),
    ),
    K.REFERRED: MessageTemplate(
        subject="Laporan {{ tracking_code }} dirujuk ke instansi yang berwenang",
        body="""Yth. {{ greeting }},

Terima kasih atas laporan Anda ({{ tracking_code }}). Setelah kami periksa, masalah yang \
Anda laporkan bukan kewenangan {{ jurisdiction_name }}{% if referred_to %}, melainkan \
kewenangan {{ referred_to }}{% endif %}.

Keterangan dari petugas kami:
{{ text }}

Laporan ini kami tutup. Rinciannya tetap dapat dilihat melalui tautan berikut:
{{ status_url }}""",
        requires=("text",),
        optional=("referred_to",),
    ),
    K.MERGED: MessageTemplate(
        subject="Laporan {{ tracking_code }} digabungkan dengan laporan {{ into }}",
        body="""Yth. {{ greeting }},

Laporan Anda ({{ tracking_code }}) membahas masalah yang sama dengan laporan {{ into }}, \
sehingga keduanya kami gabungkan dan ditangani bersama. Laporan Anda tercatat sebagai \
dukungan untuk laporan tersebut.

Laporan Anda tetap dapat dilihat melalui tautan berikut:
{{ status_url }}""",
        requires=("into",),
    ),
    K.SURVEY_INVITATION: MessageTemplate(
        subject="Bagaimana pelayanan kami? Laporan {{ tracking_code }}",
        body="""Yth. {{ greeting }},

Laporan Anda ({{ tracking_code }}) telah selesai ditangani. Kami mohon kesediaan Anda \
meluangkan waktu sekitar dua menit untuk menilai pelayanan kami melalui survei kepuasan \
berikut:
{{ survey_url|default:status_url }}

Penilaian Anda membantu kami memperbaiki pelayanan publik. Terima kasih.""",
        optional=("survey_url",),
    ),
    K.TAPD_DECISION: MessageTemplate(
        subject="Keputusan perencanaan dan anggaran untuk laporan {{ tracking_code }}",
        body="""Yth. {{ greeting }},

Penanganan laporan Anda ({{ tracking_code }}) memerlukan perencanaan dan penganggaran oleh \
Tim Anggaran Pemerintah Daerah (TAPD). Berikut keputusan atas laporan tersebut:

{{ text }}

Rincian dapat dilihat melalui tautan berikut:
{{ status_url }}""",
        requires=("text",),
    ),
    # ------------------------------------------------------------------ to staff
    K.NEW_IN_UNIT: MessageTemplate(
        subject="Laporan baru{% if unit_name %} untuk {{ unit_name }}{% endif %}: \
{{ tracking_code }}",
        body="""Yth. {{ recipient_name }},

Ada laporan baru yang {% if unit_name %}didisposisikan ke {{ unit_name }}\
{% else %}perlu ditangani{% endif %}.

Kode: {{ tracking_code }}{% if category_name %}
Kategori: {{ category_name }}{% endif %}{% if area_name %}
Kelurahan: {{ area_name }}{% endif %}{% if summary %}
Ringkasan: {{ summary }}{% endif %}{% if due_date %}
Batas waktu: {{ due_date }}{% endif %}{% if text %}

Catatan verifikator:
{{ text }}{% endif %}

Buka laporan: {{ detail_url }}""",
        optional=("text",),
    ),
    K.INFO_PROVIDED: MessageTemplate(
        subject="Pelapor menambahkan informasi: {{ tracking_code }}",
        body="""Yth. {{ recipient_name }},

Pelapor telah menjawab permintaan informasi untuk laporan {{ tracking_code }}:

{{ text }}

Buka laporan: {{ detail_url }}""",
        requires=("text",),
    ),
    K.REOPENED: MessageTemplate(
        subject="Pelapor belum puas, laporan dibuka kembali: {{ tracking_code }}",
        body="""Yth. {{ recipient_name }},

Pelapor belum puas dengan tindak lanjut laporan {{ tracking_code }}, sehingga laporan \
dibuka kembali untuk {{ unit_name|default:"unit Anda" }}.

Alasan dari pelapor:
{{ text }}
{% if due_date %}
Batas waktu: {{ due_date }}{% endif %}
Buka laporan: {{ detail_url }}""",
        requires=("text",),
    ),
    K.REMINDER: MessageTemplate(
        subject="Pengingat: laporan {{ tracking_code }} jatuh tempo {{ due_date }}",
        body="""Yth. {{ recipient_name }},

Laporan {{ tracking_code }}{% if unit_name %} di {{ unit_name }}{% endif %} harus \
ditindaklanjuti paling lambat {{ due_date }}.{% if summary %}

Ringkasan: {{ summary }}{% endif %}{% if text %}

{{ text }}{% endif %}

Buka laporan: {{ detail_url }}""",
        requires=("due_date",),
        optional=("text",),
    ),
    K.ESCALATION: MessageTemplate(
        subject="Eskalasi: laporan {{ tracking_code }} melewati batas waktu",
        body="""Yth. {{ recipient_name }},

Laporan {{ tracking_code }}{% if unit_name %} di {{ unit_name }}{% endif %} telah melewati \
batas waktu{% if due_date %} ({{ due_date }}){% endif %} dan belum selesai ditangani. Mohon \
perhatian dan arahan Bapak/Ibu.{% if summary %}

Ringkasan: {{ summary }}{% endif %}{% if text %}

{{ text }}{% endif %}

Buka laporan: {{ detail_url }}""",
        optional=("text", "due_date"),
    ),
}

#: Courteous phrases for ``ArchiveReason`` codes ("… diarsipkan karena <phrase>").
ARCHIVE_REASONS = {
    "spam": "isinya tidak berkaitan dengan pelayanan publik",
    "duplikat": "masalah yang sama sudah dilaporkan dan sedang ditangani",
    "tidak_lengkap": "informasi yang kami perlukan belum dilengkapi",
}


def _archive_reason(value: str) -> str:
    """The courteous phrase for an ``ArchiveReason`` code or its label, else ``value``."""
    key = value.strip().lower()
    with translation.override("id"):
        for code, label in ArchiveReason.choices:
            if key in (code, str(label).lower()):
                return ARCHIVE_REASONS.get(code, value)
    return value


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    body: str


@cache
def _engine() -> Engine:
    return Engine(autoescape=False)


@cache
def _compile(source: str) -> Template:
    return _engine().from_string(source)


def format_datetime(value: datetime | date) -> str:
    """``12 Januari 2026 pukul 15.00 WIB`` (a date alone: ``12 Januari 2026``)."""
    with translation.override("id"):
        if isinstance(value, datetime):
            local = timezone.localtime(value) if timezone.is_aware(value) else value
            zone = local.strftime("%Z")
            return f"{formats.date_format(local, 'j F Y')} pukul {local:%H.%M} {zone}".strip()
        return formats.date_format(value, "j F Y")


def public_url(path: str) -> str:
    """An absolute link on the public site (``settings.ADUAN_PUBLIC_URL``)."""
    return settings.ADUAN_PUBLIC_URL.rstrip("/") + path


def citizen_status_url(complaint: Complaint) -> str:
    return public_url(
        reverse(
            "complaints:citizen_status", args=[complaint.tracking_code, complaint.access_secret]
        )
    )


def staff_detail_url(complaint: Complaint) -> str:
    return public_url(reverse("complaints:detail", args=[complaint.tracking_code]))


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "… (selengkapnya melalui tautan di bawah)"


def _clean(text: str) -> str:
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def render_message(
    kind: str,
    *,
    complaint: Complaint,
    context: dict[str, Any] | None = None,
    channel: str = OutboxChannel.EMAIL,
    recipient: User | None = None,
) -> RenderedMessage:
    """Subject and body of a message of ``kind`` about ``complaint``.

    Citizens' kinds get the status link; staff kinds the workspace link and are addressed to
    ``recipient``. Raises ``ValueError`` for an unknown kind, a missing required context key
    or a context key the template does not use.
    """
    try:
        template = TEMPLATES[kind]
    except KeyError:
        raise ValueError(f"Unknown message kind {kind!r}") from None
    context = dict(context or {})
    unknown = set(context) - set(template.requires) - set(template.optional)
    if unknown:
        raise ValueError(f"Message {kind!r} does not use context keys {sorted(unknown)}")

    jurisdiction = complaint.jurisdiction
    values: dict[str, Any] = {
        "tracking_code": complaint.tracking_code,
        "service_name": jurisdiction.service_name or "Layanan Pengaduan",
        "jurisdiction_name": jurisdiction.name,
        "unit_name": complaint.unit.name if complaint.unit_id and complaint.unit else "",
        "category_name": complaint.category.name
        if complaint.category_id and complaint.category
        else "",
        "area_name": complaint.area.name if complaint.area_id and complaint.area else "",
        "due_date": format_datetime(complaint.due_at) if complaint.due_at else "",
    }
    if kind == K.REFERRED and complaint.referred_to_id and complaint.referred_to:
        values["referred_to"] = complaint.referred_to.name
    if kind == K.MERGED and complaint.merged_into_id and complaint.merged_into:
        values["into"] = complaint.merged_into.tracking_code
    for key, value in context.items():
        if isinstance(value, datetime | date):
            value = format_datetime(value)
        elif key == "reason" and kind == K.ARCHIVED:
            value = _archive_reason(str(value))
        values[key] = "" if value is None else str(value).strip()
    missing = [key for key in template.requires if not values.get(key)]
    if missing:
        raise ValueError(f"Message {kind!r} needs context keys {missing}")
    if channel == OutboxChannel.WHATSAPP and values.get("text"):
        values["text"] = _shorten(values["text"], WHATSAPP_TEXT_LIMIT)

    body = template.body
    if kind in CITIZEN_KINDS:
        name = complaint.reporter_name.strip()
        values["greeting"] = f"Bapak/Ibu {name}" if name else "Bapak/Ibu"
        values["status_url"] = citizen_status_url(complaint)
        body += _CITIZEN_FOOTER
    else:
        values["recipient_name"] = (
            f"Bapak/Ibu {recipient.display_name}" if recipient else "Bapak/Ibu"
        )
        values["detail_url"] = staff_detail_url(complaint)
        values["summary"] = "" if complaint.privacy == Privacy.RAHASIA else complaint.summary
        body += _STAFF_FOOTER

    ctx = Context(values, autoescape=False)
    subject = " ".join(_compile(template.subject).render(ctx).split())
    if len(subject) > 200:
        subject = subject[:199] + "…"
    return RenderedMessage(subject=subject, body=_clean(_compile(body).render(ctx)))
