"""What the intake channels answer in a conversation, in Bahasa Indonesia.

The receipt with the tracking code is not here: it is the outbox's receipt message, queued
by ``complaints.services.complaint_submit`` like for every channel. These are the other
answers: questions while a report is put together, and acknowledgements of later messages.
"""

from __future__ import annotations

from aduan.complaints.models import Complaint
from aduan.complaints.services import ComplaintInputError
from aduan.organisation.models import Jurisdiction

NEW_REPORT_WORDS = "LAPORAN BARU"


def citizen_part(message: str) -> str:
    """The Indonesian half of a bilingual service message ("… / English …")."""
    return message.split(" / ", 1)[0].strip()


def error_lines(error: ComplaintInputError) -> str:
    lines: list[str] = []
    for messages in error.errors.values():
        for message in messages:
            line = f"- {citizen_part(message)}"
            if line not in lines:
                lines.append(line)
    return "\n".join(lines)


def ask_area(example: str) -> str:
    hint = f" (misalnya: {example})" if example else ""
    return (
        "Terima kasih, laporan Anda sedang kami catat.\n\n"
        "Di kelurahan mana lokasinya? Balas dengan nama kelurahan"
        f"{hint}, atau kirim lokasi melalui fitur Lokasi di WhatsApp."
    )


def ask_description(what: str) -> str:
    return (
        f"Terima kasih, {what} sudah kami terima.\n\n"
        "Mohon ceritakan masalahnya: apa yang terjadi, di mana (kelurahan), dan sejak kapan."
    )


def not_accepted(error: ComplaintInputError, *, whatsapp: bool) -> str:
    then = (
        "Silakan lengkapi dengan mengirim pesan berikutnya, atau kirim pesan yang diawali "
        f"{NEW_REPORT_WORDS} untuk memulai dari awal."
        if whatsapp
        else "Silakan kirim ulang laporan Anda dengan melengkapi hal di atas."
    )
    return f"Mohon maaf, laporan Anda belum dapat kami terima:\n{error_lines(error)}\n\n{then}"


def info_added(complaint: Complaint) -> str:
    return (
        f"Terima kasih. Informasi tambahan untuk laporan {complaint.tracking_code} sudah kami "
        "terima dan kami teruskan kepada petugas yang menangani."
    )


def kept(complaint: Complaint, *, whatsapp: bool) -> str:
    where = "melalui nomor ini" if whatsapp else "melalui e-mail"
    text = (
        f"Terima kasih. Pesan Anda kami catat pada laporan {complaint.tracking_code} "
        f"(status: {complaint.get_status_display()}). Perkembangannya akan kami kabarkan "
        f"{where}."
    )
    if whatsapp:
        text += (
            f"\n\nBila ini masalah lain, kirim pesan yang diawali {NEW_REPORT_WORDS}, "
            "lalu ceritakan masalahnya."
        )
    return text


def closed(complaint: Complaint) -> str:
    return (
        f"Laporan {complaint.tracking_code} sudah ditutup "
        f"(status: {complaint.get_status_display()}), sehingga pesan Anda tidak kami tambahkan "
        "ke laporan tersebut. Bila masalahnya masih terjadi, silakan kirim laporan baru "
        "(e-mail baru tanpa kode laporan di subjeknya)."
    )


def files_refused(problems: list[str]) -> str:
    lines = "\n".join(f"- {citizen_part(p)}" for p in problems)
    return (
        f"Lampiran berikut tidak dapat kami terima:\n{lines}\n\n"
        "Yang dapat kami terima: foto (JPEG, PNG, WebP) dan dokumen PDF."
    )


def files_not_attached(complaint: Complaint, count: int) -> str:
    return (
        f"{count} lampiran melebihi batas jumlah lampiran, sehingga belum kami lampirkan pada "
        f"laporan {complaint.tracking_code}; lampiran tersebut kami simpan untuk petugas."
    )


UNSUPPORTED = (
    "Mohon maaf, kami hanya dapat menerima pesan teks, foto, dokumen PDF, dan lokasi. "
    "Silakan ceritakan masalahnya dengan pesan teks."
)

MEDIA_FAILED = "Mohon maaf, foto atau dokumen Anda tidak dapat kami unduh. Silakan kirim ulang."


def email_body(jurisdiction: Jurisdiction, name: str, text: str) -> str:
    greeting = f"Yth. Bapak/Ibu {name}," if name else "Yth. Bapak/Ibu,"
    service = jurisdiction.service_name or "Layanan Pengaduan"
    return (
        f"{greeting}\n\n{text}\n\nHormat kami,\n{service}\n{jurisdiction.name}\n\n"
        "Pesan ini dikirim otomatis."
    )


def email_subject(subject: str, jurisdiction: Jurisdiction) -> str:
    subject = " ".join(subject.split())
    if not subject:
        return jurisdiction.service_name or "Layanan Pengaduan"
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"
