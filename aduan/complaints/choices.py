"""Complaint choices and the status machine, modelled on SP4N-LAPOR!.

    baru ─verify+dispose→ didisposisikan ─start→ diproses ─follow-up→ ditindaklanjuti ─→ selesai
      │                        │  ↑ forward        │  (menunggu_info ⇄ info from citizen)   │
      ├─hold→ ditunda          └──────────────────┘                citizen not satisfied ─┘
      ├─refer→ dirujuk                                                     ↓
      ├─archive→ diarsipkan                                          dibuka_kembali
      └─merge→ digabung

``TRANSITIONS`` is the only place that says which change is legal; services consult it
through ``check_transition`` and every change writes a timeline event.
"""

from __future__ import annotations

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class ReportType(models.TextChoices):
    ADUAN = "aduan", _("Pengaduan")
    ASPIRASI = "aspirasi", _("Aspirasi")
    INFORMASI = "informasi", _("Permintaan informasi")


class Channel(models.TextChoices):
    WEB = "web", _("Formulir web")
    WHATSAPP = "whatsapp", _("WhatsApp")
    EMAIL = "email", _("E-mail")
    API = "api", _("API")
    OPEN311 = "open311", _("Aplikasi Open311")
    PHONE = "phone", _("Telepon")
    WALK_IN = "walk_in", _("Datang langsung")
    LAPOR = "lapor", _("SP4N-LAPOR!")


class Privacy(models.TextChoices):
    BIASA = "biasa", _("Biasa: identitas terlihat oleh petugas yang menangani")
    ANONIM = "anonim", _("Anonim: identitas hanya terlihat oleh verifikator Dinkominfo")
    RAHASIA = "rahasia", _("Rahasia: seluruh laporan tidak pernah dipublikasikan")


class ComplaintStatus(models.TextChoices):
    BARU = "baru", _("Baru (belum terverifikasi)")
    DIDISPOSISIKAN = "didisposisikan", _("Terverifikasi, didisposisikan")
    DIPROSES = "diproses", _("Sedang diproses")
    MENUNGGU_INFO = "menunggu_info", _("Menunggu informasi warga")
    DITINDAKLANJUTI = "ditindaklanjuti", _("Ditindaklanjuti")
    SELESAI = "selesai", _("Selesai")
    DITUNDA = "ditunda", _("Ditunda")
    DIRUJUK = "dirujuk", _("Dirujuk (bukan wewenang)")
    DIARSIPKAN = "diarsipkan", _("Diarsipkan")
    DIGABUNG = "digabung", _("Digabung dengan laporan lain")
    DIBUKA_KEMBALI = "dibuka_kembali", _("Dibuka kembali")


S = ComplaintStatus

#: The status the API gives a submission it acknowledged (``Prefer: respond-async``) that
#: the worker has not yet made a complaint: not a ``ComplaintStatus``, no complaint has it.
QUEUED_STATUS = "diterima"
QUEUED_LABEL = _("Diterima, sedang dicatat")
QUEUED_MESSAGE = _("Laporan Anda sudah kami terima dan sedang dicatat.")

#: Statuses in which a unit holds the complaint and works on it.
UNIT_STATUSES = frozenset({S.DIDISPOSISIKAN, S.DIPROSES, S.DITINDAKLANJUTI, S.DIBUKA_KEMBALI})
#: Statuses a verifier decides on.
VERIFIER_STATUSES = frozenset({S.BARU, S.DITUNDA})
#: Statuses in which nothing more happens.
CLOSED_STATUSES = frozenset({S.SELESAI, S.DIRUJUK, S.DIARSIPKAN, S.DIGABUNG})
OPEN_STATUSES = frozenset(set(S) - CLOSED_STATUSES)

#: from status -> statuses it may move to.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.BARU: frozenset(
        {S.DIDISPOSISIKAN, S.DITUNDA, S.DIRUJUK, S.DIARSIPKAN, S.DIGABUNG, S.MENUNGGU_INFO}
    ),
    S.DITUNDA: frozenset({S.DIDISPOSISIKAN, S.DIRUJUK, S.DIARSIPKAN, S.DIGABUNG, S.MENUNGGU_INFO}),
    S.DIDISPOSISIKAN: frozenset(
        {S.DIDISPOSISIKAN, S.DIPROSES, S.MENUNGGU_INFO, S.DITINDAKLANJUTI, S.DIGABUNG}
    ),
    S.DIPROSES: frozenset({S.DIDISPOSISIKAN, S.MENUNGGU_INFO, S.DITINDAKLANJUTI, S.DIGABUNG}),
    # Back to where it was when the citizen answers; archived as incomplete when not.
    S.MENUNGGU_INFO: frozenset(
        {S.BARU, S.DITUNDA, S.DIDISPOSISIKAN, S.DIPROSES, S.DIBUKA_KEMBALI, S.DIARSIPKAN}
    ),
    S.DITINDAKLANJUTI: frozenset({S.SELESAI, S.DIBUKA_KEMBALI, S.DIPROSES, S.DITINDAKLANJUTI}),
    S.DIBUKA_KEMBALI: frozenset(
        {S.DIDISPOSISIKAN, S.DIPROSES, S.MENUNGGU_INFO, S.DITINDAKLANJUTI, S.DIGABUNG}
    ),
    S.SELESAI: frozenset(),
    S.DIRUJUK: frozenset(),
    S.DIARSIPKAN: frozenset(),
    S.DIGABUNG: frozenset(),
}


class WorkflowError(Exception):
    """A change the workflow does not allow now; the message is for the user."""


class IllegalTransition(WorkflowError):
    """A status change the status machine does not allow."""

    def __init__(self, from_status: str, to_status: str) -> None:
        self.from_status = from_status
        self.to_status = to_status
        with translation.override("id"):
            message = (
                f"Status tidak dapat diubah dari '{S(from_status).label}' ke "
                f"'{S(to_status).label}'."
            )
        super().__init__(f"{message} / Cannot change status from {from_status} to {to_status}.")


def check_transition(from_status: str, to_status: str) -> None:
    if to_status not in TRANSITIONS.get(from_status, frozenset()):
        raise IllegalTransition(from_status, to_status)


_AT_UNIT = frozenset({S.DIDISPOSISIKAN, S.DIPROSES, S.DIBUKA_KEMBALI})

#: action -> the statuses in which it can be taken. Services check it with
#: ``check_action``; the pages offer an action only where it is listed here.
ACTION_STATUSES: dict[str, frozenset[str]] = {
    "dispose": VERIFIER_STATUSES,
    "hold": frozenset({S.BARU}),
    "refer": VERIFIER_STATUSES,
    "archive": VERIFIER_STATUSES | {S.MENUNGGU_INFO},
    "merge": VERIFIER_STATUSES | _AT_UNIT,
    "request_info": VERIFIER_STATUSES | _AT_UNIT,
    "start": _AT_UNIT - {S.DIPROSES} | {S.DITINDAKLANJUTI},
    "forward": _AT_UNIT,
    "follow_up": _AT_UNIT | {S.DITINDAKLANJUTI},
    "flag_tapd": _AT_UNIT | {S.DITINDAKLANJUTI},
    "resolve": frozenset({S.DITINDAKLANJUTI}),
    "note": OPEN_STATUSES,
    "add_info": frozenset({S.MENUNGGU_INFO}),
    "citizen_message": OPEN_STATUSES - {S.MENUNGGU_INFO},
    "respond": frozenset({S.DITINDAKLANJUTI}),
    "release_spam": VERIFIER_STATUSES,
}

#: What can be done to a complaint held as spam (``Complaint.held_as_spam``).
SPAM_HELD_ACTIONS = frozenset({"release_spam", "archive", "note"})


class ActionNotAvailable(WorkflowError):
    def __init__(self, action: str, status: str) -> None:
        self.action = action
        self.status = status
        with translation.override("id"):
            message = f"Tindakan ini tidak dapat dilakukan saat status '{S(status).label}'."
        super().__init__(f"{message} / Action '{action}' is not available in status {status}.")


def check_action(action: str, status: str) -> None:
    if status not in ACTION_STATUSES[action]:
        raise ActionNotAvailable(action, status)


class Stage(models.TextChoices):
    """The clock a complaint is on; each stage has its own due moment."""

    NONE = "", _("Tidak ada (selesai)")
    VERIFIKASI = "verifikasi", _("Verifikasi & disposisi")
    TINDAK_LANJUT_AWAL = "tindak_lanjut_awal", _("Keputusan tindak lanjut oleh unit")
    PENYELESAIAN = "penyelesaian", _("Penyelesaian")
    MENUNGGU_WARGA = "menunggu_warga", _("Menunggu informasi warga (jam berhenti)")
    TANGGAPAN_WARGA = "tanggapan_warga", _("Menunggu tanggapan warga")
    PERENCANAAN = "perencanaan", _("Perencanaan & anggaran (TAPD)")


#: Stages whose deadline binds staff (reminders and escalation apply).
STAFF_STAGES = frozenset({Stage.VERIFIKASI, Stage.TINDAK_LANJUT_AWAL, Stage.PENYELESAIAN})
#: Stages whose deadline binds the citizen (the system acts when it passes).
CITIZEN_STAGES = frozenset({Stage.MENUNGGU_WARGA, Stage.TANGGAPAN_WARGA})


class TapdDecision(models.TextChoices):
    SCHEDULED = "dijadwalkan", _("Direncanakan dalam tahun anggaran")
    ROUTINE = "pemeliharaan_rutin", _("Ditangani lewat pemeliharaan rutin")
    NOT_FEASIBLE = "tidak_layak", _("Tidak dapat dilaksanakan")


class ArchiveReason(models.TextChoices):
    SPAM = "spam", _("Spam / tidak relevan")
    DUPLICATE = "duplikat", _("Duplikat")
    INCOMPLETE = "tidak_lengkap", _("Tidak lengkap")


class CitizenResponse(models.TextChoices):
    SATISFIED = "puas", _("Puas, masalah selesai")
    NOT_SATISFIED = "tidak_puas", _("Belum puas")


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Laporan diterima")
    VERIFIED = "verified", _("Diverifikasi dan didisposisikan")
    HELD = "held", _("Ditunda")
    REFERRED = "referred", _("Dirujuk ke instansi lain")
    ARCHIVED = "archived", _("Diarsipkan")
    MERGED = "merged", _("Digabung")
    MERGE_RECEIVED = "merge_received", _("Laporan lain digabung ke sini")
    PROCESSING = "processing", _("Mulai diproses")
    INFO_REQUESTED = "info_requested", _("Meminta informasi kepada pelapor")
    INFO_PROVIDED = "info_provided", _("Pelapor menambahkan informasi")
    FORWARDED = "forwarded", _("Diteruskan ke unit lain")
    NOTE = "note", _("Catatan internal")
    FOLLOW_UP = "follow_up", _("Tindak lanjut")
    TAPD_FLAGGED = "tapd_flagged", _("Perlu perencanaan & anggaran (TAPD)")
    RESOLVED = "resolved", _("Diselesaikan")
    CITIZEN_SATISFIED = "citizen_satisfied", _("Pelapor puas")
    REOPENED = "reopened", _("Pelapor belum puas, dibuka kembali")
    CITIZEN_MESSAGE = "citizen_message", _("Pelapor mengirim pesan tambahan")
    REMINDER = "reminder", _("Pengingat batas waktu")
    ESCALATED = "escalated", _("Eskalasi: lewat batas waktu")
    TAPD_DECIDED = "tapd_decided", _("Keputusan TAPD")
    IMPORTED = "imported", _("Dipindahkan dari sistem lama")
    PUBLICATION_EDITED = "publication_edited", _("Tampilan di halaman publik diubah")
    SPAM_RELEASED = "spam_released", _("Lolos pemeriksaan spam, masuk antrean verifikasi")
    ANONYMISED = "anonymised", _("Data pribadi pelapor dihapus (masa simpan habis)")
    DATA_EXPORTED = "data_exported", _("Data pribadi pelapor diekspor atas permintaannya")
