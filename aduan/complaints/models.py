"""The complaint, its immutable timeline, its attachments and its supporters."""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import operator
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aduan.complaints.choices import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    STAFF_STAGES,
    VERIFIER_STATUSES,
    ArchiveReason,
    Channel,
    ComplaintStatus,
    EventKind,
    Privacy,
    ReportType,
    Stage,
    TapdDecision,
)
from aduan.lib.models import ChoiceDisplayMixin

if TYPE_CHECKING:
    from aduan.organisation.models import Unit


class TrackingSequence(models.Model):
    """The last tracking number handed out for one jurisdiction in one year."""

    jurisdiction = models.ForeignKey("organisation.Jurisdiction", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "year"], name="tracking_seq_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id}/{self.year}: {self.last}"


class QueuedSubmission(models.Model):
    """One submission acknowledged (``202 Accepted``) but not yet a complaint: the API's
    asynchronous intake (``Prefer: respond-async``) stores it here in one ``INSERT`` and the
    worker (``services.queued_submissions_process``) turns it into a complaint through
    ``complaint_submit``, deleting this row in the same transaction.

    The tracking code and the salt of the citizen's secret are decided when the row is
    written, so that the answer can carry them. ``payload`` holds the checked input
    (category and kelurahan by code). A row the worker cannot turn into a complaint stays,
    with ``attempts``, ``last_error`` and the earliest time of the next try; nothing
    acknowledged is dropped. Rows hold personal data for seconds, not for the retention
    period: they are gone once processed."""

    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction", on_delete=models.PROTECT, related_name="+", db_index=False
    )
    tracking_code = models.CharField(max_length=32, unique=True)
    access_salt = models.CharField(max_length=32)
    submission_key = models.CharField(max_length=64, null=True, blank=True, unique=True)
    received_at = models.DateTimeField()
    payload = models.JSONField()
    attempts = models.PositiveSmallIntegerField(default=0)
    retry_after = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("laporan dalam antrean")
        verbose_name_plural = _("laporan dalam antrean")

    def __str__(self) -> str:
        return self.tracking_code


#: The statuses of the verifier's queue (``selectors.complaint_list``) and of its index.
VERIFY_QUEUE_STATUSES = frozenset({*VERIFIER_STATUSES, ComplaintStatus.MENUNGGU_INFO})


class Complaint(ChoiceDisplayMixin, models.Model):
    """One report from a citizen (complaint, aspiration or information request).

    Only ``complaints.services`` writes it; each change of state writes a ``ComplaintEvent``
    in the same transaction.
    """

    # No index of its own: every composite index below starts with it (one index fewer
    # to write per complaint).
    jurisdiction = models.ForeignKey(
        "organisation.Jurisdiction",
        on_delete=models.PROTECT,
        related_name="complaints",
        db_index=False,
    )
    tracking_code = models.CharField(_("kode lacak"), max_length=32, unique=True)
    access_salt = models.CharField(max_length=32, editable=False)
    submission_key = models.CharField(max_length=64, null=True, blank=True, editable=False)

    report_type = models.CharField(
        _("jenis laporan"), max_length=20, choices=ReportType.choices, default=ReportType.ADUAN
    )
    channel = models.CharField(_("kanal"), max_length=20, choices=Channel.choices)
    privacy = models.CharField(
        _("kerahasiaan"), max_length=20, choices=Privacy.choices, default=Privacy.BIASA
    )
    category = models.ForeignKey(
        "organisation.Category",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("kategori"),
    )
    title = models.CharField(_("judul"), max_length=200, blank=True)
    description = models.TextField(_("uraian"))
    area = models.ForeignKey(
        "organisation.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("kelurahan"),
    )
    address = models.CharField(_("alamat/lokasi"), max_length=300, blank=True)
    media_url = models.URLField(
        _("tautan foto (dari aplikasi lain)"),
        max_length=500,
        blank=True,
        help_text=_("Open311 media_url: tautan foto di server aplikasi pengirim."),
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    reporter_name = models.CharField(_("nama pelapor"), max_length=120, blank=True)
    reporter_phone = models.CharField(_("WhatsApp/telepon"), max_length=40, blank=True)
    reporter_email = models.EmailField(_("e-mail"), blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=ComplaintStatus.choices, default=ComplaintStatus.BARU
    )
    status_before_wait = models.CharField(max_length=20, blank=True, editable=False)
    unit = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        db_index=False,  # c_unit_status starts with it
        verbose_name=_("unit penanganan"),
    )
    suggested_category = models.ForeignKey(
        "organisation.Category",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("usulan kategori"),
    )
    suggestion_confidence = models.FloatField(null=True, blank=True)
    is_urgent = models.BooleanField(
        _("mendesak"), default=False, help_text=_("Bahaya bagi nyawa atau kesehatan saat ini.")
    )
    suggested_unit = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("usulan unit"),
    )
    referred_to = models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dirujuk ke"),
    )
    archive_reason = models.CharField(max_length=20, choices=ArchiveReason.choices, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    support_count = models.PositiveIntegerField(_("dukungan"), default=0)
    # The public transparency page and Open311 (aduan/transparency/publish.py): the text the
    # verifier wrote for the public (empty: the masked description), a switch that keeps the
    # complaint off public pages, and the published text in lower case for the public search
    # (derived; aduan/transparency/signals.py keeps it current).
    public_text = models.TextField(
        _("teks publik"),
        blank=True,
        help_text=_("Kosong: uraian dengan data pribadi disamarkan otomatis."),
    )
    public_hidden = models.BooleanField(_("sembunyikan dari halaman publik"), default=False)
    public_search = models.TextField(blank=True, editable=False)
    needs_tapd = models.BooleanField(_("perlu perencanaan & anggaran (TAPD)"), default=False)
    # Held for the verifier as possible spam (honeypot, failed challenge, many links): out of
    # the verification queue and silent (no notifications) until released or archived.
    held_as_spam = models.BooleanField(_("ditahan sebagai spam"), default=False)
    spam_reason = models.CharField(_("alasan ditahan"), max_length=200, blank=True)
    # Set by `aduan retention` when the reporter's personal data was removed.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    submitted_at = models.DateTimeField(_("diterima"), default=timezone.now)
    verified_at = models.DateTimeField(null=True, blank=True)
    first_follow_up_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    tapd_flagged_at = models.DateTimeField(null=True, blank=True)
    # The SLA clock (written by aduan.sla.clocks through the services).
    stage = models.CharField(_("tahap"), max_length=30, choices=Stage.choices, blank=True)
    stage_started_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(_("batas waktu tahap ini"), null=True, blank=True)
    remind_at = models.DateTimeField(null=True, blank=True)
    escalate_at = models.DateTimeField(null=True, blank=True)
    escalation_count = models.PositiveSmallIntegerField(default=0)
    resolution_due_at = models.DateTimeField(_("target penyelesaian"), null=True, blank=True)
    paused_stage = models.CharField(max_length=30, choices=Stage.choices, blank=True)
    paused_remaining_days = models.SmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("laporan")
        verbose_name_plural = _("laporan")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["jurisdiction", "status", "-submitted_at"], name="c_jur_status"),
            models.Index(fields=["unit", "status", "-submitted_at"], name="c_unit_status"),
            # The inbox's keyset pages: (date, id) ends every ordering (docs/performance.md).
            models.Index(
                fields=["jurisdiction", "-submitted_at", "-id"], name="c_jur_submitted_id"
            ),
            models.Index(
                fields=["jurisdiction", "-submitted_at", "-id"],
                name="c_jur_open",
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
            ),
            # The verifier's queue in its order: new, held and waiting reports, not spam.
            # The statuses as equalities joined by OR, not ``status__in``: Django writes a
            # list as ``ARRAY['baru'::varchar, …]::text[]``, which PostgreSQL's planner
            # cannot compare with a query's list, and the index went unused.
            models.Index(
                fields=["jurisdiction", "-submitted_at", "-id"],
                name="c_verify_queue",
                condition=functools.reduce(
                    operator.or_,
                    (models.Q(status=status) for status in sorted(VERIFY_QUEUE_STATUSES)),
                )
                & models.Q(held_as_spam=False),
            ),
            models.Index(
                fields=["jurisdiction", "unit", "-submitted_at", "-id"],
                name="c_unit_open",
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
            ),
            # Inbox filters on open complaints, and the duplicate finder's kelurahan query.
            # Each filter index starts with the jurisdiction (every staff list is of one)
            # and ends with the page order (date, id): a page's matches are then counted,
            # and their positions read, from the index alone (selectors._page_by_ids), at
            # 10M as at 10k, instead of one table row per match.
            models.Index(
                fields=["jurisdiction", "category", "-submitted_at", "-id"],
                name="c_cat_open",
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
            ),
            # The commonest pair of filters, category and kelurahan, on open complaints: at
            # 10M the two indexes above had to be combined and the rows re-checked (63 ms a
            # page; 7 ms with this one).
            models.Index(
                fields=["jurisdiction", "category", "area", "-submitted_at", "-id"],
                name="c_cat_area_open",
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
            ),
            models.Index(
                fields=["jurisdiction", "area", "-submitted_at", "-id"],
                name="c_area_open",
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
            ),
            models.Index(fields=["jurisdiction", "due_at"], name="c_jur_due"),
            # The duplicate finder's candidate queries (aduan/triage/services.py).
            models.Index(
                fields=["jurisdiction", "area", "-submitted_at", "-id"],
                name="c_jur_area_submitted",
            ),
            # Open complaints by point: the duplicate finder's box (a band of latitude, the
            # longitude and the 30-day window read in the index, the rows fetched only for
            # the complaints inside). One for every complaint with a point read every
            # complaint of the band, closed and years old, from the table.
            models.Index(
                fields=["jurisdiction", "latitude", "longitude", "submitted_at"],
                name="c_point_open",
                condition=models.Q(latitude__isnull=False, status__in=sorted(OPEN_STATUSES)),
            ),
            models.Index(
                fields=["jurisdiction", "category", "-submitted_at", "-id"],
                name="c_jur_cat_submitted",
            ),
            # The overdue view counts each unit and stage from this index alone, up to a cap
            # (selectors.overdue_counts). The condition is written as equalities joined by
            # OR so that the planner proves it from a query's ``stage = '…'``.
            models.Index(
                fields=["jurisdiction", "unit", "stage", "due_at"],
                name="c_overdue",
                condition=functools.reduce(
                    operator.or_, (models.Q(stage=stage) for stage in sorted(STAFF_STAGES))
                ),
            ),
            # The worker's sweeps: only rows whose clock is running.
            models.Index(
                fields=["remind_at"],
                name="c_remind_open",
                condition=models.Q(remind_at__isnull=False),
            ),
            models.Index(
                fields=["escalate_at"],
                name="c_escalate_open",
                condition=models.Q(escalate_at__isnull=False),
            ),
            # The public transparency list: newest first, only what may be published.
            models.Index(
                fields=["jurisdiction", "-submitted_at", "-id"],
                name="c_public_list",
                condition=~models.Q(privacy="rahasia") & models.Q(public_hidden=False),
            ),
            # The dashboards' backlog: open complaints per unit and stage, index-only.
            models.Index(
                fields=["jurisdiction", "unit", "stage", "due_at", "category", "area"],
                name="c_open_backlog",
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
            ),
            models.Index(
                fields=["jurisdiction", "-submitted_at"],
                name="c_spam_held",
                condition=models.Q(held_as_spam=True),
            ),
            models.Index(
                fields=["stage", "due_at"],
                name="c_citizen_wait",
                condition=models.Q(stage__in=["menunggu_warga", "tanggapan_warga"]),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "submission_key"],
                name="complaint_unique_submission",
                condition=models.Q(submission_key__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def access_secret(self) -> str:
        """The secret that, with the tracking code, opens the citizen's status page."""
        return self.secret_for(self.tracking_code, self.access_salt)

    @staticmethod
    def secret_for(tracking_code: str, access_salt: str) -> str:
        """``access_secret`` of a complaint with this code and salt (also of a submission
        still queued, ``QueuedSubmission``, whose complaint will get both)."""
        digest = hmac.new(
            settings.ADUAN_LINK_KEY.encode(),
            f"{tracking_code}:{access_salt}".encode(),
            hashlib.sha256,
        ).digest()
        return base64.b32encode(digest).decode()[:16]

    def check_secret(self, secret: str) -> bool:
        cleaned = secret.strip().upper().replace("-", "").replace(" ", "")
        return hmac.compare_digest(cleaned, self.access_secret)

    @property
    def is_overdue(self) -> bool:
        """A staff deadline has passed (citizen deadlines are not the unit's delay)."""
        return (
            self.stage in STAFF_STAGES and self.due_at is not None and self.due_at < timezone.now()
        )

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def summary(self) -> str:
        if self.title:
            return self.title
        text = " ".join(self.description.split())
        return text if len(text) <= 90 else text[:87].rstrip() + "…"


class PlanningItem(ChoiceDisplayMixin, models.Model):
    """A complaint a unit flagged as needing planning and budget, and TAPD's decision on it."""

    complaint = models.OneToOneField(Complaint, on_delete=models.CASCADE, related_name="planning")
    flagged_at = models.DateTimeField(default=timezone.now)
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("catatan unit"))
    scope = models.CharField(_("perkiraan lingkup"), max_length=300, blank=True)
    flagged_on_time = models.BooleanField(
        _("ditandai dalam batas waktu keputusan tindak lanjut"), default=True
    )
    decision = models.CharField(
        _("keputusan TAPD"), max_length=30, choices=TapdDecision.choices, blank=True
    )
    budget_year = models.PositiveSmallIntegerField(_("tahun anggaran"), null=True, blank=True)
    programme = models.CharField(_("program/kegiatan"), max_length=300, blank=True)
    estimated_cost = models.DecimalField(
        _("perkiraan biaya (Rp)"), max_digits=16, decimal_places=0, null=True, blank=True
    )
    reason = models.TextField(_("alasan"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        indexes = [models.Index(fields=["decision", "budget_year"], name="planning_decision")]

    def __str__(self) -> str:
        return f"{self.complaint_id}: {self.decision or 'menunggu'}"

    @property
    def public_label(self) -> str:
        if self.decision == TapdDecision.SCHEDULED and self.budget_year:
            return f"Direncanakan (tahun anggaran {self.budget_year})"
        if self.decision:
            return str(self.get_decision_display())
        return "Menunggu keputusan perencanaan & anggaran (TAPD)"


def _event_unit() -> models.ForeignKey[Unit | None, Unit | None]:
    """An event's optional unit (where a report went from or to)."""
    return models.ForeignKey(
        "organisation.Unit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )


class ComplaintEvent(ChoiceDisplayMixin, models.Model):
    """One immutable entry on a complaint's timeline: who did what, when, and what was said.

    ``is_public`` events are shown to the citizen; the others only to staff.
    """

    complaint = models.ForeignKey(
        Complaint,
        on_delete=models.CASCADE,
        related_name="events",
        db_index=False,  # event_complaint_time starts with it
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    # The three optional references are indexed only where set (``event_actor``, …): most
    # events (the citizen's, the system's, every imported one) leave them empty.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    actor_label = models.CharField(max_length=120, blank=True)
    from_status = models.CharField(max_length=20, choices=ComplaintStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ComplaintStatus.choices, blank=True)
    from_unit = _event_unit()
    to_unit = _event_unit()
    message = models.TextField(blank=True)
    is_public = models.BooleanField(default=False)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["complaint", "created_at"], name="event_complaint_time"),
            *(
                models.Index(
                    fields=[name],
                    name=f"event_{name}",
                    condition=models.Q(**{f"{name}__isnull": False}),
                )
                for name in ("actor", "from_unit", "to_unit")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise RuntimeError("Timeline events are immutable / peristiwa tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("Timeline events are immutable / peristiwa tidak dapat dihapus.")

    @property
    def clock_due(self) -> datetime | None:
        """The stage deadline set by this event, if it set one (the clock's history)."""
        value = (self.data or {}).get("due_at")
        return datetime.fromisoformat(value) if value else None

    @property
    def clock_stage(self) -> str:
        stage = (self.data or {}).get("stage")
        return str(Stage(stage).label) if stage in Stage.values and stage else ""


def attachment_path(instance: Attachment, filename: str) -> str:
    """A random name: nothing of the citizen's file name or content is in the path."""
    now = timezone.now()
    return f"attachments/{now:%Y/%m}/{secrets.token_hex(16)}.{instance.extension}"


def attachment_original_path(instance: Attachment, filename: str) -> str:
    now = timezone.now()
    return f"attachments-original/{now:%Y/%m}/{secrets.token_hex(16)}.{instance.extension}"


class Attachment(models.Model):
    """A photo or PDF attached by the citizen or staff; served only through permission checks."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    event = models.ForeignKey(
        ComplaintEvent, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    # The copy everyone entitled to the complaint gets: photos without EXIF/GPS metadata.
    file = models.FileField(upload_to=attachment_path, max_length=200)
    # The file as uploaded, kept only when the copy above differs (a photo whose metadata
    # was removed); served only to staff who may see the reporter's identity.
    original = models.FileField(upload_to=attachment_original_path, max_length=200, blank=True)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=60)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    from_citizen = models.BooleanField(default=True)
    is_public = models.BooleanField(default=True)
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class Supporter(models.Model):
    """Someone who reported the same thing: a merged complaint's reporter (identity stays
    on ``source``, under its privacy choice), or a citizen who supported the complaint on the
    public page (``source`` empty; an optional name and contact, seen only by verifiers; the
    browser and the network it came from as keyed hashes, for one support per browser and
    a rate limit)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="supporters")
    source = models.ForeignKey(
        Complaint, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("nama"), max_length=120, blank=True)
    contact = models.CharField(_("WhatsApp/telepon atau e-mail"), max_length=254, blank=True)
    browser_key = models.CharField(max_length=64, blank=True, editable=False)
    network_key = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["complaint", "browser_key"],
                name="supporter_once_per_browser",
                condition=~models.Q(browser_key=""),
            ),
        ]
        indexes = [
            models.Index(fields=["network_key", "created_at"], name="supporter_network_time"),
            models.Index(fields=["browser_key", "created_at"], name="supporter_browser_time"),
        ]

    def __str__(self) -> str:
        return f"{self.complaint_id} ← {self.source_id}"
