"""Everything that changes a complaint. Every channel (web, API, Open311, WhatsApp, e-mail)
calls these functions; nothing else saves a complaint.

Each workflow service locks the complaint row (``SELECT … FOR UPDATE`` where the database
supports it), checks the actor's right and the status machine, changes the row and writes the
timeline event in one transaction.
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import EmailValidator
from django.db import IntegrityError, connections, models, router, transaction
from django.db.models import F, Q
from django.utils import timezone

from aduan.accounts.models import User
from aduan.complaints import permissions, spam
from aduan.complaints.attachments import (
    AttachmentError,
    CheckedFile,
    check_upload,
    public_copy,
)
from aduan.complaints.choices import (
    ArchiveReason,
    Channel,
    ComplaintStatus,
    EventKind,
    Privacy,
    ReportType,
    TapdDecision,
    WorkflowError,
    check_action,
    check_transition,
)
from aduan.complaints.models import (
    Attachment,
    Complaint,
    ComplaintEvent,
    PlanningItem,
    QueuedSubmission,
    Supporter,
    TrackingSequence,
)
from aduan.complaints.notify import notify_for_event
from aduan.lib import clock, pii
from aduan.lib.refcache import LocalCache
from aduan.lib.safeinput import storable
from aduan.lib.sql import prepared_cursor
from aduan.organisation.models import Area, Category, Jurisdiction, Unit
from aduan.organisation.selectors import active_category, area_by_code, route_complaint
from aduan.replies.services import reply_review_record
from aduan.reports import rollups
from aduan.sla import clocks

S = ComplaintStatus
log = logging.getLogger(__name__)


class SpamHeld(WorkflowError):
    def __init__(self) -> None:
        super().__init__(
            "Laporan ini ditahan sebagai spam: lepaskan dulu ke antrean verifikasi atau "
            "arsipkan. / This complaint is held as spam: release or archive it first."
        )


class ComplaintInputError(ValueError):
    """Input that cannot be accepted. ``errors`` maps field names to messages (Bahasa
    Indonesia / English); ``None`` holds errors not tied to one field."""

    def __init__(self, errors: dict[str | None, list[str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(m for msgs in errors.values() for m in msgs))


@dataclass
class SubmitResult:
    complaint: Complaint
    secret: str
    created: bool
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- intake

_REPORT_TYPES = frozenset(ReportType.values)
_CHANNELS = frozenset(Channel.values)
_PRIVACIES = frozenset(Privacy.values)


def _email_validator() -> EmailValidator:
    """Django's ``validate_email`` with its patterns compiled now: the class keeps them
    behind lazy objects, and each use through them costs more than the match itself
    (about 4 µs against 1 per address)."""
    validator = EmailValidator()
    for name in ("user_regex", "domain_regex", "literal_regex"):
        lazy = getattr(validator, name)
        setattr(validator, name, re.compile(lazy.pattern, lazy.flags))
    return validator


_validate_email = _email_validator()
_PHONE_BYTES = b"0123456789+-() ."


def _clean_submission(
    *,
    jurisdiction: Jurisdiction,
    report_type: str,
    description: str,
    category: Category | None,
    area: Area | None,
    channel: str,
    privacy: str,
    reporter_name: str,
    reporter_phone: str,
    reporter_email: str,
    latitude: float | None,
    longitude: float | None,
    attachments: Sequence[UploadedFile],
    media_url: str = "",
) -> tuple[dict[str | None, list[str]], list[CheckedFile]]:
    errors: dict[str | None, list[str]] = {}

    def add(name: str | None, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if report_type not in _REPORT_TYPES:
        add("report_type", "Jenis laporan tidak dikenal. / Unknown report type.")
    if channel not in _CHANNELS:
        add("channel", "Kanal tidak dikenal. / Unknown channel.")
    if privacy not in _PRIVACIES:
        add("privacy", "Pilihan kerahasiaan tidak dikenal. / Unknown privacy choice.")
    text = description.strip()
    limit = settings.ADUAN_MAX_DESCRIPTION_CHARS
    if len(text) < 15:
        add(
            "description",
            "Ceritakan masalahnya minimal 15 huruf: apa, di mana, sejak kapan. / "
            "Describe the problem in at least 15 characters.",
        )
    elif len(text) > limit:
        add(
            "description",
            f"Uraian terlalu panjang ({len(text)} huruf); batasnya {limit} huruf. "
            f"Lampirkan dokumen sebagai PDF bila perlu. / Description too long "
            f"(limit {limit} characters).",
        )
    if category is not None and category.jurisdiction_id != jurisdiction.pk:
        add("category", "Kategori tidak dikenal. / Unknown category.")
    if area is not None and area.jurisdiction_id != jurisdiction.pk:
        add("area", "Kelurahan tidak dikenal. / Unknown kelurahan.")
    if privacy == Privacy.BIASA:
        if not reporter_name.strip():
            add(
                "reporter_name",
                "Nama wajib diisi, atau pilih Anonim. / Name is required, or choose Anonymous.",
            )
        if not (reporter_phone.strip() or reporter_email.strip()):
            add(
                "reporter_phone",
                "Isi nomor WhatsApp/telepon atau e-mail agar kami dapat "
                "menghubungi Anda. / Give a phone number or e-mail.",
            )
    phone = reporter_phone.strip()
    if phone:
        # Only ASCII digits and "+-() ." are allowed: a number beyond ASCII is refused.
        allowed = phone.isascii() and not phone.encode().translate(None, _PHONE_BYTES)
        if not allowed or not 8 <= len(pii.digits(phone)) <= 15:
            add(
                "reporter_phone",
                "Nomor telepon tidak valid (contoh: 0812-3456-7890). / Invalid phone number.",
            )
    if reporter_email.strip():
        try:
            _validate_email(reporter_email.strip())
        except Exception:
            add("reporter_email", "Alamat e-mail tidak valid. / Invalid e-mail address.")
    if (latitude is None) != (longitude is None):
        add("latitude", "Titik peta tidak lengkap. / Incomplete map point.")
    elif (
        latitude is not None
        and longitude is not None
        and not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
    ):
        add("latitude", "Titik peta tidak valid. / Invalid map point.")
    url = media_url.strip()
    if url and (not url.startswith(("http://", "https://")) or len(url) > 500 or " " in url):
        add(
            "media_url",
            "Tautan foto harus berupa alamat http(s) yang sah. / media_url must be an http(s) URL.",
        )
    checked, problems = _check_files(attachments)
    for problem in problems:
        add("attachments", problem)
    return errors, checked


def _triage(jurisdiction: Jurisdiction, text: str) -> Any:
    """The triage's suggestion for a new report, or None when it cannot give one: a report
    is never refused because the classifier failed."""
    try:
        from aduan.triage.services import suggest

        return suggest(jurisdiction=jurisdiction, text=text)
    except Exception:  # noqa: BLE001 - logged; intake goes on without a suggestion
        log.exception("triage failed for a new report")
        return None


def _next_tracking_code(jurisdiction: Jurisdiction, year: int) -> str:
    """Hand out the next number of ``year``."""
    (number,) = tracking_numbers_take(jurisdiction=jurisdiction, year=year, count=1)
    return f"{jurisdiction.tracking_prefix}-{year}-{number:06d}"


def tracking_numbers_take(*, jurisdiction: Jurisdiction, year: int, count: int) -> list[int]:
    """``count`` new tracking numbers of ``year``, ascending. Call inside
    ``transaction.atomic``.

    PostgreSQL: from a sequence per jurisdiction and year (``aduan_tracking_<id>``, the id
    of the year's ``TrackingSequence`` row), made the first time a year is asked for and
    started after ``TrackingSequence.last``
    (the counter kept before, and still kept on SQLite). A sequence hands out numbers
    without a lock held until commit, so concurrent submissions do not wait for each other;
    a submission that rolls back leaves its number unused (a gap), and a bulk take that
    runs beside submissions may get numbers that are not consecutive.

    SQLite (one writer at a time anyway): one ``UPDATE … RETURNING`` of the counter row,
    which stays locked until the caller's transaction ends, plus an insert the first time a
    year is asked for."""
    alias = router.db_for_write(TrackingSequence)
    connection = connections[alias]
    if connection.vendor == "postgresql":
        return _numbers_from_sequence(alias, jurisdiction, year, count)
    table = connection.ops.quote_name(TrackingSequence._meta.db_table)
    sql = (
        f'UPDATE {table} SET "last" = "last" + %s '  # noqa: S608 - our own table name
        'WHERE "jurisdiction_id" = %s AND "year" = %s RETURNING "last"'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [count, jurisdiction.pk, year])
        row = cursor.fetchone()
        if row is None:
            _counter_row(alias, jurisdiction, year)
            cursor.execute(sql, [count, jurisdiction.pk, year])
            row = cursor.fetchone()
    last = int(row[0])
    return list(range(last - count + 1, last + 1))


def _counter_row(alias: str, jurisdiction: Jurisdiction, year: int) -> None:
    try:
        with transaction.atomic(using=alias):  # savepoint: a concurrent first may win
            TrackingSequence.objects.using(alias).create(jurisdiction=jurisdiction, year=year)
    except IntegrityError:
        pass


#: The counter row's id per (jurisdiction, year): it names the year's sequence.
_counter_ids: LocalCache[int] = LocalCache(
    "tracking_counters", seconds=3600.0, invalidated_by=("complaints.TrackingSequence",)
)


def _numbers_from_sequence(
    alias: str, jurisdiction: Jurisdiction, year: int, count: int
) -> list[int]:
    """Numbers from the sequence ``aduan_tracking_<counter row id>``: named after the row,
    so that a new counter row (the data flushed and loaded again) gets a new sequence."""

    def counter_id() -> int:
        _counter_row(alias, jurisdiction, year)
        return TrackingSequence.objects.using(alias).get(jurisdiction=jurisdiction, year=year).pk

    name = f"aduan_tracking_{_counter_ids.get((alias, jurisdiction.pk, year), counter_id)}"
    take = (
        "SELECT nextval(to_regclass(%s))"
        if count == 1
        else "SELECT nextval(to_regclass(%s)) FROM generate_series(1, %s)"
    )
    params: list[Any] = [name] if count == 1 else [name, count]
    with connections[alias].cursor() as cursor:
        cursor.execute(take, params)
        numbers = [row[0] for row in cursor.fetchall()]
        if numbers and numbers[0] is None:  # the year's first number: make its sequence
            # The counter row's lock makes a concurrent first wait for this transaction.
            last = (
                TrackingSequence.objects.using(alias)
                .select_for_update()
                .filter(jurisdiction=jurisdiction, year=year)
                .values_list("last", flat=True)
                .first()
            )
            if last is None:  # the row went away meanwhile: ask again
                _counter_ids.clear()
                return _numbers_from_sequence(alias, jurisdiction, year, count)
            cursor.execute(
                f"CREATE SEQUENCE IF NOT EXISTS {name} START WITH {int(last) + 1}"  # noqa: S608
            )
            cursor.execute(take, params)
            numbers = [row[0] for row in cursor.fetchall()]
    return sorted(int(n) for n in numbers)


def _store_files(
    complaint: Complaint,
    files: Sequence[CheckedFile],
    *,
    event: ComplaintEvent | None,
    from_citizen: bool,
    written: list[str],
) -> list[Attachment]:
    """Save checked files; each stored path is appended to ``written`` so that the caller
    can remove them when its transaction rolls back."""
    stored = []
    for checked in files:
        attachment = Attachment(
            complaint=complaint,
            event=event,
            original_name=checked.name,
            content_type=checked.content_type,
            extension=checked.extension,
            size=len(checked.content),
            sha256=checked.sha256,
            from_citizen=from_citizen,
            is_public=complaint.privacy != Privacy.RAHASIA,
        )
        # Photos: everyone gets the copy without EXIF/GPS; the original is kept aside for
        # staff who may see the reporter (complaints.attachments.public_copy).
        clean = public_copy(checked)
        if clean is not None:
            attachment.original.save(
                f"original.{checked.extension}", ContentFile(checked.content), save=False
            )
            written.append(attachment.original.name)
            attachment.size = len(clean)
        attachment.file.save(
            f"lampiran.{checked.extension}",
            ContentFile(clean if clean is not None else checked.content),
            save=False,
        )
        written.append(attachment.file.name)
        attachment.save()
        stored.append(attachment)
    return stored


@contextmanager
def _files_kept_on_commit() -> Iterator[list[str]]:
    """Collect the paths of files stored inside the block; remove them again when the block
    raises (its transaction then rolled back and no row points at them)."""
    written: list[str] = []
    try:
        yield written
    except BaseException:
        _discard_files(written)
        raise


def _discard_files(paths: list[str]) -> None:
    storage = Attachment._meta.get_field("file").storage
    for path in paths:
        try:
            storage.delete(path)
        except OSError:
            pass


def _event(
    complaint: Complaint,
    kind: str,
    *,
    actor: User | None = None,
    actor_label: str = "",
    from_status: str = "",
    to_status: str = "",
    from_unit: Unit | None = None,
    to_unit: Unit | None = None,
    message: str = "",
    is_public: bool = False,
    data: dict | None = None,
) -> ComplaintEvent:
    """Write a timeline event, queue the messages it calls for (``complaints.notify``) and
    record the tone verdict of a staff reply to the citizen (``replies``), in the caller's
    transaction."""
    if actor is not None and not actor_label:
        actor_label = actor.display_name
    event = ComplaintEvent.objects.create(
        complaint=complaint,
        created_at=clock.now(),
        kind=kind,
        actor=actor,
        actor_label=actor_label,
        from_status=from_status,
        to_status=to_status,
        from_unit=from_unit,
        to_unit=to_unit,
        message=message,
        is_public=is_public,
        data=data or {},
    )
    notify_for_event(event)
    reply_review_record(event)
    return event


def complaint_submit(
    *,
    jurisdiction: Jurisdiction,
    description: str,
    channel: str,
    report_type: str = ReportType.ADUAN,
    category: Category | None = None,
    area: Area | None = None,
    address: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    privacy: str = Privacy.BIASA,
    reporter_name: str = "",
    reporter_phone: str = "",
    reporter_email: str = "",
    title: str = "",
    attachments: Sequence[UploadedFile] = (),
    submission_key: str | None = None,
    media_url: str = "",
    spam_reasons: Sequence[str] = (),
    tracking_code: str = "",
    access_salt: str = "",
    submitted_at: datetime | None = None,
    notes: Sequence[str] = (),
) -> SubmitResult:
    """Accept a report from any channel; the one intake of Aduan.

    Raises ``ComplaintInputError`` and stores nothing when the input cannot be accepted. A
    repeated ``submission_key`` (double submit, client retry) returns the first complaint and
    creates nothing. ``spam_reasons`` (from the channel: honeypot, failed challenge) and the
    text's own signals (``complaints.spam``) hold the report for the verifier as spam: stored,
    never dropped, but out of the queue and silent until released.

    A submission acknowledged before it was processed (``submission_enqueue``) comes with
    its ``tracking_code`` and ``access_salt`` already decided and ``submitted_at``, the
    moment it was received: its clock, timeline and month start then. ``notes`` are written
    on its timeline as an internal note (what of the input could not be kept, and why).
    """
    # A repeated ``submission_key`` is found by the unique constraint when the complaint is
    # written (the ``IntegrityError`` below), not by a query before every submission.
    text = submission_check(
        jurisdiction=jurisdiction,
        report_type=report_type,
        description=description,
        category=category,
        area=area,
        channel=channel,
        privacy=privacy,
        reporter_name=reporter_name,
        reporter_phone=reporter_phone,
        reporter_email=reporter_email,
        latitude=latitude,
        longitude=longitude,
        attachments=attachments,
        media_url=media_url,
        title=title,
        address=address,
    )
    description, title, address = text.description, text.title, text.address
    reporter_name, reporter_phone = text.reporter_name, text.reporter_phone
    reporter_email, media_url, files = text.reporter_email, text.media_url, text.files
    held = [*spam_reasons, *spam.text_signals(title=title, description=description)]
    with clock.at(submitted_at) if submitted_at is not None else nullcontext():
        now = clock.now()
        suggestion = _triage(jurisdiction, f"{title}\n{description}")
        suggested = (
            route_complaint(
                jurisdiction=jurisdiction,
                category=category,
                area=area,
                text=f"{title} {description} {address}",
            )
            if category is not None
            else (suggestion.unit if suggestion is not None else None)
        )
        written: list[str] = []
        try:
            with transaction.atomic():
                complaint = Complaint(
                    jurisdiction=jurisdiction,
                    tracking_code=tracking_code
                    or _next_tracking_code(jurisdiction, timezone.localtime(now).year),
                    access_salt=access_salt or new_access_salt(),
                    submission_key=submission_key or None,
                    report_type=report_type,
                    channel=channel,
                    privacy=privacy,
                    category=category,
                    title=title.strip()[:200],
                    description=description.strip(),
                    area=area,
                    address=address.strip()[:300],
                    latitude=latitude,
                    longitude=longitude,
                    reporter_name=reporter_name.strip()[:120],
                    reporter_phone=reporter_phone.strip()[:40],
                    reporter_email=reporter_email.strip()[:254],
                    status=S.BARU,
                    suggested_unit=suggested,
                    submitted_at=now,
                    media_url=media_url.strip()[:500],
                    suggested_category=suggestion.category if suggestion else None,
                    suggestion_confidence=suggestion.confidence if suggestion else None,
                    is_urgent=bool(suggestion and suggestion.urgent),
                    held_as_spam=bool(held),
                    spam_reason="; ".join(held)[:200],
                )
                clocks.enter_stage(complaint, to_status=S.BARU, now=now)
                complaint.save()
                event = _event(
                    complaint,
                    EventKind.SUBMITTED,
                    actor_label="Warga",
                    to_status=S.BARU,
                    is_public=True,
                    data={
                        "channel": channel,
                        "attachments": len(files),
                        **({"held_as_spam": held} if held else {}),
                        **_clock_data(complaint),
                        **({"triage": suggestion.as_event_data()} if suggestion else {}),
                    },
                )
                if notes:
                    _event(
                        complaint,
                        EventKind.NOTE,
                        actor_label="Sistem",
                        message="\n".join(notes),
                        data={"intake": "queued"},
                    )
                rollups.record(None, complaint, at=event.created_at)
                _store_files(complaint, files, event=event, from_citizen=True, written=written)
        except IntegrityError:
            _discard_files(written)
            if submission_key:
                existing = Complaint.objects.filter(
                    jurisdiction=jurisdiction, submission_key=submission_key
                ).first()
                if existing is not None:
                    return SubmitResult(existing, existing.access_secret, created=False)
            raise
        except BaseException:
            _discard_files(written)
            raise
    return SubmitResult(complaint, complaint.access_secret, created=True)


def new_access_salt() -> str:
    """The salt of a new complaint's secret (``Complaint.access_secret``)."""
    return secrets.token_hex(8)


@dataclass
class CheckedText:
    """A submission's text fields as they will be stored, and its checked files."""

    description: str
    title: str
    address: str
    reporter_name: str
    reporter_phone: str
    reporter_email: str
    media_url: str
    files: list[CheckedFile]


def submission_check(
    *,
    jurisdiction: Jurisdiction,
    description: str,
    channel: str,
    report_type: str = ReportType.ADUAN,
    category: Category | None = None,
    area: Area | None = None,
    address: str = "",
    latitude: float | None = None,
    longitude: float | None = None,
    privacy: str = Privacy.BIASA,
    reporter_name: str = "",
    reporter_phone: str = "",
    reporter_email: str = "",
    title: str = "",
    attachments: Sequence[UploadedFile] = (),
    media_url: str = "",
) -> CheckedText:
    """The intake's rules, without storing anything: raises ``ComplaintInputError`` when
    ``complaint_submit`` would. The asynchronous intake checks with it before it answers."""
    # Text from channels without forms (Open311, WhatsApp, e-mail) may hold NUL or lone
    # surrogates, which no database stores (aduan.lib.safeinput).
    text = CheckedText(
        description=storable(description),
        title=storable(title),
        address=storable(address),
        reporter_name=storable(reporter_name),
        reporter_phone=storable(reporter_phone),
        reporter_email=storable(reporter_email),
        media_url=storable(media_url),
        files=[],
    )
    errors, text.files = _clean_submission(
        jurisdiction=jurisdiction,
        report_type=report_type,
        description=text.description,
        category=category,
        area=area,
        channel=channel,
        privacy=privacy,
        reporter_name=text.reporter_name,
        reporter_phone=text.reporter_phone,
        reporter_email=text.reporter_email,
        latitude=latitude,
        longitude=longitude,
        attachments=attachments,
        media_url=text.media_url,
    )
    if errors:
        raise ComplaintInputError(errors)
    return text


# --------------------------------------------------------------------------- asynchronous intake


@dataclass(frozen=True)
class QueuedAck:
    """What the answer to a queued submission tells the caller."""

    tracking_code: str
    secret: str
    received_at: datetime


#: A row to insert together with the queued submission, or not at all: (model, values).
Claim = tuple[type[models.Model], dict[str, Any]]


def submission_enqueue(
    *,
    jurisdiction: Jurisdiction,
    payload: dict[str, Any],
    submission_key: str | None = None,
    claim: Callable[[QueuedAck], Claim] | None = None,
) -> QueuedAck | None:
    """Store a checked submission for the worker (``queued_submissions_process``) and
    return its tracking code and secret, decided now: the number as ``complaint_submit``
    takes it (``tracking_numbers_take``), a fresh salt for the secret.

    ``payload`` holds ``complaint_submit``'s arguments as checked by ``submission_check``
    (category and area by code). ``claim`` (an idempotency record holding the answer) is
    inserted in the same statement: when its row exists already, or a complaint already
    has ``submission_key``, nothing is stored and None is returned (the caller then looks
    up the first answer). On PostgreSQL the rows are one ``INSERT`` statement, committed
    once; no row lock is held by anything but the new rows."""
    received_at = clock.now()
    year = timezone.localtime(received_at).year
    alias = router.db_for_write(QueuedSubmission)
    connection = connections[alias]
    salt = new_access_salt()
    # PostgreSQL, the year's sequence made: nextval and the one INSERT in autocommit (no
    # BEGIN and COMMIT round trips; the statement is its own transaction).
    number = (
        _number_in_autocommit(alias, jurisdiction, year)
        if connection.vendor == "postgresql" and not connection.in_atomic_block
        else None
    )
    with nullcontext() if number is not None else transaction.atomic(using=alias):
        code = (
            f"{jurisdiction.tracking_prefix}-{year}-{number:06d}"
            if number is not None
            else _next_tracking_code(jurisdiction, year)
        )
        ack = QueuedAck(code, Complaint.secret_for(code, salt), received_at)
        row = {
            "jurisdiction": jurisdiction.pk,
            "tracking_code": code,
            "access_salt": salt,
            "submission_key": submission_key,
            "received_at": received_at,
            "payload": payload,
            "attempts": 0,
            "retry_after": None,
            "last_error": "",
        }
        claimed = claim(ack) if claim is not None else None
        if claimed is None and not submission_key:
            sql, params = _insert_sql(connection, QueuedSubmission, row)
            with prepared_cursor(connection) as cursor:
                cursor.execute(sql, params)
            return ack
        fresh = (
            f"SELECT 1 AS one WHERE NOT EXISTS (SELECT 1 FROM "  # noqa: S608 - our table
            f"{connection.ops.quote_name(Complaint._meta.db_table)} "
            'WHERE "jurisdiction_id" = %s AND "submission_key" = %s)'
        )
        fresh_params: list[Any] = [jurisdiction.pk, submission_key or ""]
        if connection.vendor == "postgresql":
            # One statement: the claim only when no complaint has the key, the queued row
            # only when the claim went in.
            parts, params = [f"fresh AS ({fresh})"], list(fresh_params)
            source = "fresh"
            if claimed is not None:
                claim_sql, claim_params = _insert_sql(
                    connection, claimed[0], claimed[1], source="fresh", returning=True
                )
                parts.append(f"claimed AS ({claim_sql})")
                params += claim_params
                source = "claimed"
            sql, row_params = _insert_sql(
                connection, QueuedSubmission, row, source=source, returning=True
            )
            with prepared_cursor(connection) as cursor:
                cursor.execute(f"WITH {', '.join(parts)} {sql}", params + row_params)
                stored = cursor.fetchone() is not None
        else:  # SQLite: one writer at a time; the statements in one transaction
            with connection.cursor() as cursor:
                cursor.execute(fresh, fresh_params)
                stored = cursor.fetchone() is not None
                for model, values in ([claimed] if claimed is not None else []) + [
                    (QueuedSubmission, row)
                ]:
                    if not stored:
                        break
                    sql, params = _insert_sql(connection, model, values, returning=True)
                    cursor.execute(sql, params)
                    stored = cursor.fetchone() is not None
        if not stored:
            if number is None:
                transaction.set_rollback(True, using=alias)
            return None
    return ack


def _number_in_autocommit(alias: str, jurisdiction: Jurisdiction, year: int) -> int | None:
    """The next number of the year's sequence (``_numbers_from_sequence``) taken outside a
    transaction, or None when the sequence does not exist yet (then the caller takes it in
    one, as ``tracking_numbers_take`` does)."""

    def counter_id() -> int:
        _counter_row(alias, jurisdiction, year)
        return TrackingSequence.objects.using(alias).get(jurisdiction=jurisdiction, year=year).pk

    name = f"aduan_tracking_{_counter_ids.get((alias, jurisdiction.pk, year), counter_id)}"
    with prepared_cursor(connections[alias]) as cursor:
        cursor.execute("SELECT nextval(to_regclass(%s::text))", [name])
        (number,) = cursor.fetchone()
    return int(number) if number is not None else None


_insert_sqls: dict[tuple[str, str, tuple[str, ...], str, bool], str] = {}


def _insert_sql(
    connection: Any,
    model: type[models.Model],
    values: dict[str, Any],
    *,
    source: str = "",
    returning: bool = False,
) -> tuple[str, list[Any]]:
    """``INSERT`` of one row of ``model`` (``values`` by field name), prepared as the ORM
    would prepare each value; ``source``: insert ``SELECT``ed from that CTE (one row or
    none). ``returning``: ``ON CONFLICT DO NOTHING RETURNING 1`` (a row comes back when it
    was inserted)."""
    fields = [model._meta.get_field(name) for name in values]
    key = (connection.vendor, model._meta.label, tuple(values), source, returning)
    sql = _insert_sqls.get(key)
    if sql is None:
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in fields)  # type: ignore[union-attr]
        if connection.vendor == "postgresql":
            marks = ", ".join(f"%s::{f.db_type(connection)}" for f in fields)  # type: ignore[union-attr]
        else:
            marks = ", ".join("%s" for _ in fields)
        body = f"SELECT {marks} FROM {source}" if source else f"VALUES ({marks})"  # noqa: S608 - our tables
        sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) {body}"  # noqa: S608
        if returning:
            sql += " ON CONFLICT DO NOTHING RETURNING 1"
        _insert_sqls[key] = sql
    params = [
        f.get_db_prep_save(value, connection)  # type: ignore[union-attr]
        for f, value in zip(fields, values.values(), strict=True)
    ]
    return sql, params


#: Seconds before a queued submission that failed is tried again: doubled per attempt.
_RETRY_SECONDS = (10, 60, 300, 1800, 3600)


def queued_submissions_process(
    *, worker_id: str = "", now: datetime | None = None, batch: int = 50
) -> int:
    """Worker task: turn queued submissions into complaints, oldest first, ``batch`` at a
    time in one transaction; returns how many.

    Rows are claimed with ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL (workers side by
    side take different rows); each is deleted and made a complaint in one savepoint, so a
    row whose complaint exists is gone and one whose complaint does not is still there
    (a worker killed meanwhile: its transaction rolls back and the rows are claimed again).
    On SQLite (one writer at a time) the delete's row count tells a second worker that the
    row is taken. A row that fails stays, with the error, and is tried again later."""
    now = now or timezone.now()
    done = 0
    with transaction.atomic():
        rows = list(
            QueuedSubmission.objects.select_for_update(skip_locked=True)
            .filter(Q(retry_after__isnull=True) | Q(retry_after__lte=now))
            .order_by("id")[:batch]
        )
        for row in rows:
            try:
                with transaction.atomic():
                    if not QueuedSubmission.objects.filter(pk=row.pk).delete()[0]:
                        continue  # another worker made it meanwhile
                    _queued_submit(row)
            except Exception as exc:  # noqa: BLE001 - kept for another try, logged
                log.exception("queued submission %s failed (worker %s)", row.pk, worker_id)
                wait = _RETRY_SECONDS[min(row.attempts, len(_RETRY_SECONDS) - 1)]
                QueuedSubmission.objects.filter(pk=row.pk).update(
                    attempts=F("attempts") + 1,
                    retry_after=now + timedelta(seconds=wait),
                    last_error=f"{type(exc).__name__}: {exc}"[:2000],
                )
                continue
            done += 1
    return done


def _queued_submit(row: QueuedSubmission) -> Complaint:
    """``complaint_submit`` with what the queued row holds; what no longer passes its checks
    (a category deactivated since, a kelurahan removed) is left out and said on the
    timeline, so that the acknowledged submission always becomes a complaint."""
    data = dict(row.payload)
    jurisdiction = Jurisdiction.objects.get(pk=row.jurisdiction_id)
    notes: list[str] = []
    category_code = data.pop("category", "") or ""
    area_code = data.pop("area", "") or ""
    category = (
        active_category(jurisdiction=jurisdiction, code=category_code) if category_code else None
    )
    if category_code and category is None:
        notes.append(_dropped("category", category_code))
    area = area_by_code(jurisdiction=jurisdiction, code=area_code) if area_code else None
    if area_code and area is None:
        notes.append(_dropped("area", area_code))

    def submit(**changes: Any) -> SubmitResult:
        arguments = {"category": category, "area": area, **data, **changes}
        return complaint_submit(
            jurisdiction=jurisdiction,
            tracking_code=row.tracking_code,
            access_salt=row.access_salt,
            submitted_at=row.received_at,
            notes=notes,
            **arguments,
        )

    changes: dict[str, Any] = {"submission_key": row.submission_key}
    try:
        result = submit(**changes)
    except ComplaintInputError as exc:
        for name in exc.errors:
            if name not in _DROPPABLE:
                raise
            changes.update(_DROPPABLE[name])
            notes.append(_dropped(str(name), str(data.get(str(name), ""))))
        result = submit(**changes)
    if result.complaint.tracking_code != row.tracking_code:
        # The key's first complaint exists under another code (its idempotency record has
        # expired): the acknowledged code is kept, as a complaint of its own.
        notes.append(
            f"Kunci pengiriman ini sudah dipakai laporan {result.complaint.tracking_code}; "
            "mungkin pengiriman ulang. / This submission key was already used by "
            f"{result.complaint.tracking_code}; possibly a resubmission."
        )
        result = submit(**{**changes, "submission_key": None})
    return result.complaint


#: Input the asynchronous intake accepted that may be left out when it no longer passes the
#: checks at processing time: the field and what it becomes.
_DROPPABLE: dict[str | None, dict[str, Any]] = {
    "category": {"category": None},
    "area": {"area": None},
    "latitude": {"latitude": None, "longitude": None},
    "media_url": {"media_url": ""},
    "reporter_email": {"reporter_email": ""},
}

_FIELD_LABELS = {
    "category": ("Kategori", "Category"),
    "area": ("Kelurahan", "Kelurahan"),
    "latitude": ("Titik peta", "Map point"),
    "media_url": ("Tautan foto", "Photo link"),
    "reporter_email": ("E-mail pelapor", "Reporter e-mail"),
}


def _dropped(name: str, value: str) -> str:
    indonesian, english = _FIELD_LABELS.get(name, (name, name))
    return (
        f"{indonesian} «{value[:80]}» tidak lagi berlaku ketika laporan dicatat dari antrean, "
        f"sehingga tidak disimpan. / {english} «{value[:80]}» was no longer valid when the "
        "queued report was recorded, so it was left out."
    )


# --------------------------------------------------------------------------- workflow


def _lock(complaint: Complaint) -> Complaint:
    """Re-read the complaint under a row lock; call inside ``transaction.atomic``."""
    return (
        Complaint.objects.select_for_update(of=("self",))
        .select_related("jurisdiction", "category")
        .get(pk=complaint.pk)
    )


def _authorise(actor: User | None, complaint: Complaint, action: str) -> None:
    """Refuse unless ``actor`` may take ``action`` and the status allows it; ``actor=None``
    is the citizen or the system, whose right the caller has established."""
    if actor is not None and not permissions.may(actor, complaint, action):
        raise PermissionDenied(
            "Anda tidak berwenang melakukan tindakan ini. / You may not do this."
        )
    check_action(action, complaint.status)
    if actor is not None and not permissions.spam_allows(complaint, action):
        raise SpamHeld()


def _required_text(value: str, field_name: str, what: str) -> str:
    text = storable(value).strip()
    if not text:
        raise ComplaintInputError({field_name: [f"{what} wajib diisi. / {what} is required."]})
    if len(text) > settings.ADUAN_MAX_DESCRIPTION_CHARS:
        raise ComplaintInputError(
            {
                field_name: [
                    f"Teks terlalu panjang (batas {settings.ADUAN_MAX_DESCRIPTION_CHARS} "
                    "huruf). / Text too long."
                ]
            }
        )
    return text


def _move(
    complaint: Complaint,
    to_status: str,
    kind: str,
    *,
    actor: User | None,
    actor_label: str = "",
    message: str = "",
    is_public: bool,
    to_unit: Unit | None = None,
    data: dict | None = None,
    extra_fields: Sequence[str] = (),
) -> ComplaintEvent:
    """Change status (checked against the status machine), save, and write the event."""
    from_status = complaint.status
    from_unit = complaint.unit
    check_transition(from_status, to_status)
    complaint.status = to_status
    if to_unit is not None:
        complaint.unit = to_unit
    clocks.enter_stage(complaint, to_status=to_status, from_status=from_status, now=clock.now())
    before = rollups.snapshot(complaint)
    complaint.save(
        update_fields=["status", "unit", "updated_at", *clocks.CLOCK_FIELDS, *extra_fields]
    )
    data = {**(data or {}), **_clock_data(complaint)}
    event = _event(
        complaint,
        kind,
        actor=actor,
        actor_label=actor_label,
        from_status=from_status,
        to_status=to_status,
        from_unit=from_unit if to_unit is not None else None,
        to_unit=to_unit,
        message=message,
        is_public=is_public,
        data=data,
    )
    rollups.record(before, complaint, at=event.created_at)
    return event


def _clock_data(complaint: Complaint) -> dict[str, str]:
    """The clock as it stands after a change, kept on the event (the clock's history)."""
    return {
        "stage": complaint.stage,
        "due_at": complaint.due_at.isoformat() if complaint.due_at else "",
    }


def _check_unit(complaint: Complaint, unit: Unit) -> None:
    if unit.jurisdiction_id != complaint.jurisdiction_id or not unit.is_active:
        raise ComplaintInputError({"unit": ["Unit tidak dikenal. / Unknown unit."]})
    if unit.kind == "external":
        raise ComplaintInputError(
            {"unit": ["Instansi luar hanya untuk rujukan. / External bodies are for referrals."]}
        )


def complaint_dispose(
    *,
    complaint: Complaint,
    actor: User,
    unit: Unit,
    category: Category | None = None,
    note: str = "",
) -> Complaint:
    """Verify a new or held complaint and send it to ``unit`` (Dinkominfo's disposition)."""
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "dispose")
        _check_unit(complaint, unit)
        if category is not None:
            if category.jurisdiction_id != complaint.jurisdiction_id:
                raise ComplaintInputError({"category": ["Kategori tidak dikenal. / Unknown."]})
            complaint.category = category
        if complaint.category_id is None:
            raise ComplaintInputError(
                {"category": ["Pilih kategori sebelum disposisi. / Choose a category first."]}
            )
        complaint.verified_at = complaint.verified_at or clock.now()
        _move(
            complaint,
            S.DIDISPOSISIKAN,
            EventKind.VERIFIED,
            actor=actor,
            to_unit=unit,
            is_public=True,
            message=note.strip(),
            extra_fields=["category", "verified_at"],
        )
    return complaint


def complaint_hold(*, complaint: Complaint, actor: User, reason: str) -> Complaint:
    """Put a new complaint on hold (tunda), with the reason on the timeline."""
    reason = _required_text(reason, "reason", "Alasan")
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "hold")
        _move(complaint, S.DITUNDA, EventKind.HELD, actor=actor, message=reason, is_public=True)
    return complaint


def complaint_refer(
    *,
    complaint: Complaint,
    actor: User,
    note_to_citizen: str,
    body: Unit | None = None,
) -> Complaint:
    """Not our authority (bukan wewenang): close it, telling the citizen where to go."""
    note = _required_text(note_to_citizen, "note_to_citizen", "Keterangan untuk warga")
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "refer")
        if body is not None and body.jurisdiction_id != complaint.jurisdiction_id:
            raise ComplaintInputError({"body": ["Instansi tidak dikenal. / Unknown body."]})
        complaint.referred_to = body
        complaint.closed_at = clock.now()
        _move(
            complaint,
            S.DIRUJUK,
            EventKind.REFERRED,
            actor=actor,
            message=note,
            is_public=True,
            data={"body": body.name if body else ""},
            extra_fields=["referred_to", "closed_at"],
        )
    return complaint


def complaint_archive(
    *,
    complaint: Complaint,
    actor: User | None,
    reason: str,
    note: str = "",
) -> Complaint:
    """Archive as spam, duplicate or incomplete. ``actor=None`` is the system (e.g. the SLA
    worker archiving a complaint whose reporter never answered)."""
    if reason not in ArchiveReason.values:
        raise ComplaintInputError({"reason": ["Alasan arsip tidak dikenal. / Unknown reason."]})
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "archive")
        complaint.archive_reason = reason
        complaint.closed_at = clock.now()
        _move(
            complaint,
            S.DIARSIPKAN,
            EventKind.ARCHIVED,
            actor=actor,
            actor_label="" if actor else "Sistem",
            message=note.strip(),
            is_public=True,
            data={"reason": reason},
            extra_fields=["archive_reason", "closed_at"],
        )
    return complaint


def complaint_merge(*, complaint: Complaint, actor: User, into: Complaint) -> Complaint:
    """Merge a duplicate into ``into``: it closes as digabung, its reporter and supporters
    become supporters of ``into``. Locks both rows (lower id first)."""
    if complaint.pk == into.pk:
        raise ComplaintInputError(
            {"into": ["Tidak dapat digabung dengan dirinya sendiri. / Cannot merge into itself."]}
        )
    with transaction.atomic():
        first, second = sorted([complaint.pk, into.pk])
        locked = {
            c.pk: c
            for c in Complaint.objects.select_for_update()
            .filter(pk__in=[first, second])
            .order_by("pk")
        }
        complaint, into = locked[complaint.pk], locked[into.pk]
        _authorise(actor, complaint, "merge")
        if not permissions.can_view(actor, into):
            raise PermissionDenied("Laporan tujuan tidak dapat diakses. / Not accessible.")
        if into.is_closed or into.merged_into_id is not None:
            raise ComplaintInputError(
                {"into": ["Laporan tujuan sudah ditutup. / The target complaint is closed."]}
            )
        # A browser that supported both (public page) keeps one support, on ``into``.
        Supporter.objects.filter(
            complaint=complaint,
            browser_key__in=Supporter.objects.filter(complaint=into)
            .exclude(browser_key="")
            .values("browser_key"),
        ).delete()
        moved = Supporter.objects.filter(complaint=complaint).update(complaint=into)
        Supporter.objects.create(complaint=into, source=complaint)
        added = moved + 1
        Complaint.objects.filter(pk=into.pk).update(support_count=F("support_count") + added)
        complaint.merged_into = into
        complaint.closed_at = clock.now()
        complaint.support_count = 0
        _move(
            complaint,
            S.DIGABUNG,
            EventKind.MERGED,
            actor=actor,
            is_public=True,
            message=f"Digabung dengan laporan {into.tracking_code}.",
            data={"into": into.tracking_code},
            extra_fields=["merged_into", "closed_at", "support_count"],
        )
        _event(
            into,
            EventKind.MERGE_RECEIVED,
            actor=actor,
            is_public=False,
            message=f"Laporan {complaint.tracking_code} digabung ke sini (+{added} dukungan).",
            data={"from": complaint.tracking_code, "supporters": added},
        )
    return complaint


def complaint_start(*, complaint: Complaint, actor: User) -> Complaint:
    """The unit starts working on it (diproses)."""
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "start")
        _move(complaint, S.DIPROSES, EventKind.PROCESSING, actor=actor, is_public=True)
    return complaint


def complaint_request_info(*, complaint: Complaint, actor: User, question: str) -> Complaint:
    """Ask the reporter for missing information; the complaint waits for the answer."""
    question = _required_text(question, "question", "Pertanyaan")
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "request_info")
        complaint.status_before_wait = complaint.status
        _move(
            complaint,
            S.MENUNGGU_INFO,
            EventKind.INFO_REQUESTED,
            actor=actor,
            message=question,
            is_public=True,
            extra_fields=["status_before_wait"],
        )
    return complaint


def complaint_add_info(
    *,
    complaint: Complaint,
    message: str,
    attachments: Sequence[UploadedFile] = (),
) -> Complaint:
    """The reporter answers a request for information (through the secret link or a channel).
    The complaint returns to the status it had before waiting."""
    message = _required_text(message, "message", "Informasi tambahan")
    files, problems = _check_files(attachments)
    if problems:
        raise ComplaintInputError({"attachments": problems})
    with _files_kept_on_commit() as written, transaction.atomic():
        complaint = _lock(complaint)
        _authorise(None, complaint, "add_info")
        back_to = complaint.status_before_wait or S.BARU
        complaint.status_before_wait = ""
        event = _move(
            complaint,
            back_to,
            EventKind.INFO_PROVIDED,
            actor=None,
            actor_label="Pelapor",
            message=message,
            is_public=True,
            extra_fields=["status_before_wait"],
        )
        _store_files(complaint, files, event=event, from_citizen=True, written=written)
    return complaint


def _check_files(attachments: Sequence[UploadedFile]) -> tuple[list[CheckedFile], list[str]]:
    """Check every upload; the accepted files and the messages for the refused ones."""
    files: list[CheckedFile] = []
    problems: list[str] = []
    if not attachments:
        return files, problems  # (most reports; reading a setting costs ~1 µs)
    if len(attachments) > settings.ADUAN_MAX_ATTACHMENTS:
        problems.append(
            f"Paling banyak {settings.ADUAN_MAX_ATTACHMENTS} lampiran. / "
            f"At most {settings.ADUAN_MAX_ATTACHMENTS} attachments."
        )
        return files, problems
    for upload in attachments:
        try:
            files.append(check_upload(upload))
        except AttachmentError as exc:
            problems.append(str(exc))
    return files, problems


def complaint_citizen_message(
    *,
    complaint: Complaint,
    message: str,
    attachments: Sequence[UploadedFile] = (),
) -> Complaint:
    """A later message from the reporter (WhatsApp, e-mail, the status page) about an open
    complaint: when it waits for information this is the answer (``complaint_add_info``);
    otherwise it goes on the timeline for the unit, without changing the status."""
    if complaint.status == S.MENUNGGU_INFO:
        return complaint_add_info(complaint=complaint, message=message, attachments=attachments)
    message = _required_text(message, "message", "Pesan")
    files, problems = _check_files(attachments)
    if problems:
        raise ComplaintInputError({"attachments": problems})
    with _files_kept_on_commit() as written, transaction.atomic():
        complaint = _lock(complaint)
        if complaint.status == S.MENUNGGU_INFO:  # it started waiting meanwhile
            return complaint_add_info(complaint=complaint, message=message, attachments=attachments)
        _authorise(None, complaint, "citizen_message")
        event = _event(
            complaint,
            EventKind.CITIZEN_MESSAGE,
            actor_label="Pelapor",
            message=message,
            is_public=True,
        )
        _store_files(complaint, files, event=event, from_citizen=True, written=written)
    return complaint


def complaint_forward(*, complaint: Complaint, actor: User, unit: Unit, reason: str) -> Complaint:
    """Send the complaint to another unit with a reason; it arrives there as disposed."""
    reason = _required_text(reason, "reason", "Alasan")
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "forward")
        _check_unit(complaint, unit)
        if unit.pk == complaint.unit_id:
            raise ComplaintInputError({"unit": ["Laporan sudah di unit ini. / Already there."]})
        _move(
            complaint,
            S.DIDISPOSISIKAN,
            EventKind.FORWARDED,
            actor=actor,
            to_unit=unit,
            message=reason,
            is_public=False,
        )
    return complaint


def complaint_add_note(*, complaint: Complaint, actor: User, text: str) -> ComplaintEvent:
    """An internal note; never shown to the citizen."""
    text = _required_text(text, "text", "Catatan")
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "note")
        return _event(complaint, EventKind.NOTE, actor=actor, message=text, is_public=False)


def complaint_follow_up(
    *,
    complaint: Complaint,
    actor: User,
    text: str,
    attachments: Sequence[UploadedFile] = (),
) -> Complaint:
    """Post the unit's follow-up (tindak lanjut) that the citizen reads and responds to."""
    text = _required_text(text, "text", "Tindak lanjut")
    files, problems = _check_files(attachments)
    if problems:
        raise ComplaintInputError({"attachments": problems})
    with _files_kept_on_commit() as written, transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "follow_up")
        complaint.first_follow_up_at = complaint.first_follow_up_at or clock.now()
        event = _move(
            complaint,
            S.DITINDAKLANJUTI,
            EventKind.FOLLOW_UP,
            actor=actor,
            message=text,
            is_public=True,
            extra_fields=["first_follow_up_at"],
        )
        _store_files(complaint, files, event=event, from_citizen=False, written=written)
    return complaint


def complaint_flag_tapd(
    *, complaint: Complaint, actor: User, reason: str, scope: str = ""
) -> Complaint:
    """Flag that the complaint needs planning and budget: it leaves the unit's clock and
    enters TAPD's planning queue. Whether the flag came within the deadline is recorded."""
    reason = _required_text(reason, "reason", "Alasan")
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "flag_tapd")
        if complaint.needs_tapd:
            raise ComplaintInputError({None: ["Sudah ditandai TAPD. / Already flagged."]})
        now = clock.now()
        on_time = clocks.enter_planning(complaint, now=now)
        complaint.needs_tapd = True
        complaint.tapd_flagged_at = now
        before = rollups.snapshot(complaint)
        complaint.save(
            update_fields=["needs_tapd", "tapd_flagged_at", "updated_at", *clocks.CLOCK_FIELDS]
        )
        PlanningItem.objects.create(
            complaint=complaint,
            flagged_at=now,
            flagged_by=actor,
            note=reason,
            scope=scope.strip()[:300],
            flagged_on_time=on_time,
        )
        event = _event(
            complaint,
            EventKind.TAPD_FLAGGED,
            actor=actor,
            message=reason,
            is_public=True,
            data={"scope": scope.strip()[:300], "on_time": on_time, **_clock_data(complaint)},
        )
        rollups.record(before, complaint, at=event.created_at)
    return complaint


def complaint_tapd_decide(
    *,
    complaint: Complaint,
    actor: User,
    decision: str,
    budget_year: int | None = None,
    programme: str = "",
    estimated_cost: Decimal | None = None,
    reason: str = "",
) -> Complaint:
    """TAPD's decision on a flagged complaint: scheduled for a budget year (no clock runs
    any more: it counts as planned), routine maintenance or not feasible (the unit is back on
    a resolution clock to act or to answer the citizen). The citizen is told."""
    errors: dict[str | None, list[str]] = {}
    if decision not in TapdDecision.values:
        errors["decision"] = ["Pilih keputusan. / Choose a decision."]
    if decision == TapdDecision.SCHEDULED:
        this_year = timezone.localtime(clock.now()).year
        if budget_year is None or not this_year <= budget_year <= this_year + 5:
            errors["budget_year"] = [
                f"Tahun anggaran {this_year}–{this_year + 5}. / Budget year {this_year}–"
                f"{this_year + 5}."
            ]
        if not programme.strip():
            errors["programme"] = ["Program/kegiatan wajib diisi. / Programme is required."]
    if decision == TapdDecision.NOT_FEASIBLE and not reason.strip():
        errors["reason"] = ["Alasan wajib diisi. / A reason is required."]
    if estimated_cost is not None and estimated_cost < 0:
        errors["estimated_cost"] = ["Biaya tidak boleh negatif. / Cost cannot be negative."]
    if errors:
        raise ComplaintInputError(errors)
    with transaction.atomic():
        complaint = _lock(complaint)
        if not permissions.can_decide_tapd(actor, complaint):
            raise PermissionDenied("Hanya anggota TAPD. / TAPD members only.")
        item = PlanningItem.objects.select_for_update().filter(complaint=complaint).first()
        if item is None:
            raise ComplaintInputError({None: ["Laporan ini tidak ditandai TAPD. / Not flagged."]})
        now = clock.now()
        item.decision = decision
        item.budget_year = budget_year if decision == TapdDecision.SCHEDULED else None
        item.programme = programme.strip()[:300]
        item.estimated_cost = estimated_cost
        item.reason = reason.strip()
        item.decided_at = now
        item.decided_by = actor
        item.save()
        before = rollups.snapshot(complaint)
        if not complaint.is_closed:
            clocks.leave_planning(complaint, now=now, restart=decision != TapdDecision.SCHEDULED)
            complaint.save(update_fields=["updated_at", *clocks.CLOCK_FIELDS])
        public = item.public_label
        if decision == TapdDecision.SCHEDULED and item.programme:
            public += f": {item.programme}"
        if item.reason:
            public += f". {item.reason}"
        event = _event(
            complaint,
            EventKind.TAPD_DECIDED,
            actor=actor,
            message=public,
            is_public=True,
            data={
                "decision": decision,
                "budget_year": item.budget_year,
                "estimated_cost": str(estimated_cost or ""),
                **_clock_data(complaint),
            },
        )
        rollups.record(before, complaint, at=event.created_at)
    return complaint


def complaint_resolve(*, complaint: Complaint, actor: User | None, note: str = "") -> Complaint:
    """Close a followed-up complaint as finished (selesai). ``actor=None`` is the system,
    e.g. when the reporter did not respond in time."""
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "resolve")
        now = clock.now()
        complaint.resolved_at = now
        complaint.closed_at = now
        _move(
            complaint,
            S.SELESAI,
            EventKind.RESOLVED,
            actor=actor,
            actor_label="" if actor else "Sistem",
            message=note.strip(),
            is_public=True,
            extra_fields=["resolved_at", "closed_at"],
        )
    return complaint


def complaint_citizen_respond(
    *,
    complaint: Complaint,
    satisfied: bool,
    reason: str = "",
) -> Complaint:
    """The reporter's answer to the follow-up: satisfied closes it, not satisfied (with a
    reason) reopens it for the unit."""
    if not satisfied:
        reason = _required_text(reason, "reason", "Alasan belum puas")
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(None, complaint, "respond")
        if satisfied:
            now = clock.now()
            complaint.resolved_at = now
            complaint.closed_at = now
            _move(
                complaint,
                S.SELESAI,
                EventKind.CITIZEN_SATISFIED,
                actor=None,
                actor_label="Pelapor",
                message=reason.strip(),
                is_public=True,
                extra_fields=["resolved_at", "closed_at"],
            )
        else:
            _move(
                complaint,
                S.DIBUKA_KEMBALI,
                EventKind.REOPENED,
                actor=None,
                actor_label="Pelapor",
                message=reason,
                is_public=True,
            )
    return complaint


def complaint_release_spam(*, complaint: Complaint, actor: User, note: str = "") -> Complaint:
    """The verifier finds a report held as spam to be genuine: it joins the verification
    queue and the reporter gets the receipt that was held back."""
    with transaction.atomic():
        complaint = _lock(complaint)
        _authorise(actor, complaint, "release_spam")
        reason = complaint.spam_reason
        complaint.held_as_spam = False
        complaint.save(update_fields=["held_as_spam", "updated_at"])
        _event(
            complaint,
            EventKind.SPAM_RELEASED,
            actor=actor,
            message=note.strip(),
            is_public=True,
            data={"reason": reason},
        )
    return complaint
