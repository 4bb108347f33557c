"""Everything the intake channels (WhatsApp, e-mail) write.

Each inbound message is recorded once (``InboundMessage``, unique per channel message id,
inserted first in the transaction that acts on it) and translated into a call of the
complaint services: ``complaint_submit`` for a new report, ``complaint_add_info`` for the
answer to a request for information. Nothing here repeats a rule of those services: their
``ComplaintInputError`` messages are what the citizen is told. Answers go through the
outbox in the same transaction (kind ``intake_reply``); the receipt with the tracking code
is the outbox's usual receipt, queued by ``complaint_submit``.

WhatsApp conversation (``Conversation``, locked per number while a message is handled):

* A new conversation's text that names a kelurahan (``selectors.area_find_in_text``)
  becomes a complaint at once; otherwise the citizen is asked "Di kelurahan mana
  lokasinya?" and the report is submitted with the answer, or with the next text or
  location anyway (or by ``conversation_sweep`` after ``ADUAN_INTAKE_DRAFT_MINUTES``).
  Photos and documents before that join the report; a shared location gives its point.
* Later messages from the number belong to its open complaint (or to the open complaint
  whose tracking code they mention): they answer a request for information when it waits
  for one, and are otherwise kept here, with their files, and acknowledged. A text that
  starts with "LAPORAN BARU" starts a new report instead.

E-mail: a new mail becomes a complaint (subject as title, text, attachments); a mail that
replies to one of our notifications (``In-Reply-To``/``References``) or mentions a
tracking code of a complaint reported from the same address belongs to that complaint, as
above. Automatic mail (auto-replies, bounces, lists) is recorded and ignored.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from aduan.complaints.attachments import AttachmentError, CheckedFile, check_upload
from aduan.complaints.choices import Channel, ComplaintStatus, Privacy, WorkflowError
from aduan.complaints.models import Complaint
from aduan.complaints.services import (
    ComplaintInputError,
    complaint_add_info,
    complaint_citizen_message,
    complaint_submit,
)
from aduan.intake import replies, selectors
from aduan.intake.choices import ConversationState, InboundOutcome, MessageType
from aduan.intake.mail import FetchResult, IncomingMail, fetch_unseen, parse_mail, reply_text
from aduan.intake.models import Conversation, InboundFile, InboundMessage
from aduan.intake.whatsapp import IncomingMessage, MediaError, fetch_media
from aduan.lib.safeinput import storable
from aduan.notifications.channels import whatsapp_configured
from aduan.notifications.choices import MessageKind, OutboxChannel
from aduan.notifications.models import OutboxMessage
from aduan.notifications.services import outbox_enqueue
from aduan.organisation.models import Jurisdiction

logger = logging.getLogger(__name__)

#: ``Received.outcome`` besides the ``InboundOutcome`` values.
DUPLICATE = "duplicate"  # this message was received before: nothing done
STALE = "stale"  # older than ADUAN_WHATSAPP_MAX_AGE_SECONDS (a replay): nothing done
RETRY = "retry"  # its media could not be fetched now: nothing done, deliver it again

#: How often a citizen whose messages are kept for an open complaint is told so.
KEPT_NOTICE_INTERVAL = timedelta(hours=1)
#: At most this many conversation replies to one address per hour: an auto-responder that
#: does not say it is one (no Auto-Submitted header) cannot keep a loop going with us.
REPLY_LIMIT_PER_HOUR = 5

_SUPPORTED = frozenset({"text", "image", "document", "location"})
_SILENT = frozenset({"reaction", "system", "ephemeral", "unknown"})
_NEW_REPORT = re.compile(r"^\s*lapor(?:an)?\s+baru\b[\s:.,!-]*", re.IGNORECASE)


@dataclass
class Received:
    """What became of one inbound message."""

    outcome: str
    complaint: Complaint | None = None
    message: InboundMessage | None = None

    @property
    def tracking_code(self) -> str:
        return self.complaint.tracking_code if self.complaint is not None else ""


class _Duplicate(Exception):
    pass


def _submission_key(prefix: str, external_id: str) -> str:
    return f"{prefix}:{hashlib.sha256(external_id.encode()).hexdigest()[:40]}"


def _record(**fields: object) -> InboundMessage:
    """Insert the inbound message in a savepoint; ``_Duplicate`` when it exists (also when
    a concurrent transaction inserted it first: the insert waits for that one's commit)."""
    fields = {k: storable(v) if isinstance(v, str) else v for k, v in fields.items()}
    try:
        with transaction.atomic():
            return InboundMessage.objects.create(**fields)
    except IntegrityError:
        raise _Duplicate from None


def _seen(jurisdiction: Jurisdiction, channel: str, external_id: str) -> bool:
    return InboundMessage.objects.filter(
        jurisdiction=jurisdiction, channel=channel, external_id=external_id
    ).exists()


def _join(first: str, second: str, sep: str = "\n") -> str:
    first, second = first.strip(), second.strip()
    return f"{first}{sep}{second}" if first and second else first or second


# --------------------------------------------------------------------------- files


def _check(uploads: Sequence[UploadedFile]) -> tuple[list[CheckedFile], list[str]]:
    """The complaint intake's own file check, file by file: what passes, and why the rest
    did not (so that one bad file does not lose a whole e-mail)."""
    checked: list[CheckedFile] = []
    problems: list[str] = []
    for upload in uploads:
        try:
            checked.append(check_upload(upload))
        except AttachmentError as exc:
            problems.append(str(exc))
    return checked, problems


def _keep_files(
    message: InboundMessage, files: Sequence[CheckedFile], written: list[str]
) -> list[InboundFile]:
    kept = []
    for checked in files:
        row = InboundFile(
            message=message,
            original_name=checked.name,
            content_type=checked.content_type,
            extension=checked.extension,
            size=len(checked.content),
            sha256=checked.sha256,
        )
        row.file.save(
            f"{checked.sha256}.{checked.extension}", ContentFile(checked.content), save=False
        )
        written.append(row.file.name)
        row.save()
        kept.append(row)
    return kept


def _as_upload(row: InboundFile) -> SimpleUploadedFile:
    with row.file.open("rb") as handle:
        content = handle.read()
    return SimpleUploadedFile(row.original_name, content, content_type=row.content_type)


def _as_uploads(files: Sequence[CheckedFile]) -> list[SimpleUploadedFile]:
    return [SimpleUploadedFile(f.name, f.content, content_type=f.content_type) for f in files]


def _storage():
    return InboundFile._meta.get_field("file").storage


def _discard(paths: Sequence[str]) -> None:
    storage = _storage()
    for path in paths:
        try:
            storage.delete(path)
        except OSError:
            logger.warning("intake: could not delete %s", path)


def _release_files(rows: Sequence[InboundFile]) -> None:
    """Forget files the complaint now holds its own copies of (deleted after the commit)."""
    if not rows:
        return
    paths = [row.file.name for row in rows]
    InboundFile.objects.filter(pk__in=[row.pk for row in rows]).delete()
    transaction.on_commit(lambda: _discard(paths))


# --------------------------------------------------------------------------- replies


def _reply_allowed(jurisdiction: Jurisdiction, address: str) -> bool:
    recent = OutboxMessage.objects.filter(
        jurisdiction=jurisdiction,
        kind=MessageKind.INTAKE_REPLY,
        to_address=address,
        created_at__gte=timezone.now() - timedelta(hours=1),
    ).count()
    if recent >= REPLY_LIMIT_PER_HOUR:
        logger.warning("intake: reply to %s not sent: %d replies in the last hour", address, recent)
        return False
    return True


def _reply_whatsapp(
    jurisdiction: Jurisdiction,
    number: str,
    key: str,
    text: str,
    complaint: Complaint | None = None,
) -> None:
    if not whatsapp_configured():
        logger.warning("intake: no WhatsApp gateway configured; reply to +%s not sent", number)
        return
    if not _reply_allowed(jurisdiction, f"+{number}"):
        return
    outbox_enqueue(
        jurisdiction=jurisdiction,
        complaint=complaint,
        channel=OutboxChannel.WHATSAPP,
        to_address=f"+{number}",
        kind=MessageKind.INTAKE_REPLY,
        subject=jurisdiction.service_name or "Layanan Pengaduan",
        body=text,
        dedupe_key=f"intake:{key}",
    )


def _reply_email(
    jurisdiction: Jurisdiction,
    mail: IncomingMail,
    key: str,
    text: str,
    complaint: Complaint | None = None,
) -> None:
    if not _reply_allowed(jurisdiction, mail.from_address):
        return
    outbox_enqueue(
        jurisdiction=jurisdiction,
        complaint=complaint,
        channel=OutboxChannel.EMAIL,
        to_address=mail.from_address,
        kind=MessageKind.INTAKE_REPLY,
        subject=replies.email_subject(mail.subject, jurisdiction),
        body=replies.email_body(jurisdiction, mail.from_name, text),
        dedupe_key=f"intake:{key}",
    )


# --------------------------------------------------------------------------- WhatsApp


def whatsapp_receive(
    *,
    message: IncomingMessage,
    jurisdiction: Jurisdiction | None = None,
    now: datetime | None = None,
) -> Received:
    """Act on one WhatsApp message from the webhook, exactly once.

    Refuses (``STALE``) a message older than ``ADUAN_WHATSAPP_MAX_AGE_SECONDS`` (or from
    the future): a replayed request. Returns ``DUPLICATE`` for a message received before,
    ``RETRY`` when its photo could not be downloaded now (the webhook answers with an
    error so that WhatsApp delivers it again). The media is downloaded before the
    transaction, which then records the message, locks the conversation and acts.
    """
    jurisdiction = jurisdiction or selectors.jurisdiction_for_whatsapp(message.phone_number_id)
    if jurisdiction is None:
        logger.warning("whatsapp: no jurisdiction for %s", message.phone_number_id)
        return Received(InboundOutcome.IGNORED)
    age = ((now or timezone.now()) - message.sent_at).total_seconds()
    if age > settings.ADUAN_WHATSAPP_MAX_AGE_SECONDS or age < -300:
        logger.warning("whatsapp: message %s refused, %d s old", message.message_id, age)
        return Received(STALE)
    if _seen(jurisdiction, Channel.WHATSAPP, message.message_id):
        return Received(DUPLICATE)
    upload: UploadedFile | None = None
    media_problem = ""
    if message.has_media and message.type in _SUPPORTED:
        try:
            upload = fetch_media(message)
        except MediaError as exc:
            if exc.temporary:
                logger.warning("whatsapp: media of %s: %s; retry", message.message_id, exc)
                return Received(RETRY)
            logger.warning("whatsapp: media of %s: %s", message.message_id, exc)
            media_problem = str(exc)
    written: list[str] = []
    try:
        with transaction.atomic():
            inbound = _record(
                jurisdiction=jurisdiction,
                channel=Channel.WHATSAPP,
                external_id=message.message_id,
                sender=message.number,
                sender_name=message.profile_name[:200],
                message_type=_message_type(message.type),
                text=message.text,
                latitude=message.latitude,
                longitude=message.longitude,
                sent_at=message.sent_at,
                outcome=InboundOutcome.IGNORED,
            )
            Conversation.objects.get_or_create(jurisdiction=jurisdiction, number=message.number)
            conversation = Conversation.objects.select_for_update().get(
                jurisdiction=jurisdiction, number=message.number
            )
            turn = _Turn(jurisdiction, message, inbound, conversation, written)
            received = turn.run(upload, media_problem)
            inbound.save()
            conversation.save()
    except _Duplicate:
        return Received(DUPLICATE)
    except BaseException:
        _discard(written)
        raise
    return received


def _message_type(kind: str) -> str:
    return kind if kind in MessageType.values and kind != MessageType.EMAIL else "other"


class _Turn:
    """Handling one WhatsApp message inside its transaction, with the conversation locked."""

    def __init__(
        self,
        jurisdiction: Jurisdiction,
        message: IncomingMessage,
        inbound: InboundMessage,
        conversation: Conversation,
        written: list[str],
    ) -> None:
        self.jurisdiction = jurisdiction
        self.message = message
        self.inbound = inbound
        self.conversation = conversation
        self.written = written
        self.files: list[CheckedFile] = []

    def reply(self, text: str, complaint: Complaint | None = None, part: str = "") -> None:
        key = f"wa:{self.inbound.pk}{':' + part if part else ''}"
        _reply_whatsapp(self.jurisdiction, self.message.number, key, text, complaint)

    def run(self, upload: UploadedFile | None, media_problem: str) -> Received:
        message, conversation = self.message, self.conversation
        if message.profile_name:
            conversation.profile_name = message.profile_name[:200]
        if message.type not in _SUPPORTED:
            self.inbound.detail = f"jenis pesan tidak didukung: {message.type}"
            if message.type not in _SILENT:
                self.reply(replies.UNSUPPORTED)
            return Received(InboundOutcome.IGNORED, message=self.inbound)
        text = message.text
        fresh = bool(_NEW_REPORT.match(text))
        if fresh:
            text = _NEW_REPORT.sub("", text, count=1).strip()
            self.inbound.text = text
            _abandon_draft(conversation)
            conversation.complaint = None
        problems: list[str] = []
        if media_problem:
            problems.append(replies.MEDIA_FAILED)
        elif upload is not None:
            self.files, refused = _check([upload])
            problems += [replies.files_refused(refused)] if refused else []
        if problems:
            self.inbound.detail = "\n".join(problems)
            self.reply("\n\n".join(problems), part="file")
            if not (text or message.latitude is not None):
                self.inbound.outcome = InboundOutcome.REJECTED
                return Received(InboundOutcome.REJECTED, message=self.inbound)
        target = self.target(text, fresh)
        if target is not None:
            return self.follow_up(target, text)
        return self.draft(text)

    # ------------------------------------------------------------------ later messages

    def target(self, text: str, fresh: bool) -> Complaint | None:
        """The open complaint this message belongs to, if any."""
        conversation = self.conversation
        codes = selectors.tracking_codes_in(self.jurisdiction, text)
        named = selectors.complaint_by_code_for_number(
            jurisdiction=self.jurisdiction, codes=codes, number=self.message.number
        )
        if named is not None and selectors.is_open(named):
            return named
        if fresh or conversation.state != ConversationState.IDLE:
            return None
        if conversation.complaint_id is not None:
            current = Complaint.objects.filter(pk=conversation.complaint_id).first()
            if current is not None and selectors.is_open(current):
                return current
            conversation.complaint = None
        return selectors.complaint_waiting_for_number(
            jurisdiction=self.jurisdiction, number=self.message.number
        )

    def describe(self, text: str) -> str:
        """The message as information for the complaint's timeline."""
        message = self.message
        parts = [text]
        if message.latitude is not None and message.longitude is not None:
            point = f"{message.latitude:.6f},{message.longitude:.6f}"
            place = f" ({message.place})" if message.place else ""
            parts.append(f"Lokasi: {point}{place} https://www.google.com/maps?q={point}")
        if not text and self.files:
            what = "Foto" if message.type == "image" else "Dokumen"
            parts.append(f"{what} dari pelapor (WhatsApp).")
        return "\n".join(p for p in parts if p)

    def follow_up(self, complaint: Complaint, text: str) -> Received:
        inbound, conversation = self.inbound, self.conversation
        conversation.complaint = complaint
        inbound.complaint = complaint
        if complaint.status == ComplaintStatus.MENUNGGU_INFO:
            try:
                complaint = complaint_add_info(
                    complaint=complaint,
                    message=self.describe(text),
                    attachments=_as_uploads(self.files),
                )
            except ComplaintInputError as exc:
                inbound.outcome = InboundOutcome.REJECTED
                inbound.detail = _join(inbound.detail, str(exc))
                self.reply(replies.not_accepted(exc, whatsapp=True), complaint)
                return Received(InboundOutcome.REJECTED, complaint, inbound)
            except WorkflowError:
                pass  # it stopped waiting meanwhile: keep the message instead
            else:
                inbound.outcome = InboundOutcome.INFO_ADDED
                self.reply(replies.info_added(complaint), complaint)
                return Received(InboundOutcome.INFO_ADDED, complaint, inbound)
        return self.keep(complaint, text)

    def keep(self, complaint: Complaint, text: str) -> Received:
        """Put the message (and its file) on the open complaint's timeline for the unit
        (``complaint_citizen_message``; kept here only when the service refuses it); tell
        the citizen, at most once per ``KEPT_NOTICE_INTERVAL``."""
        inbound, conversation = self.inbound, self.conversation
        inbound.outcome = InboundOutcome.KEPT
        try:
            complaint_citizen_message(
                complaint=complaint,
                message=self.describe(text),
                attachments=_as_uploads(self.files),
            )
        except (ComplaintInputError, WorkflowError) as exc:
            inbound.detail = _join(inbound.detail, str(exc))
            _keep_files(inbound, self.files, self.written)
        now = timezone.now()
        if conversation.notice_at is None or now - conversation.notice_at > KEPT_NOTICE_INTERVAL:
            conversation.notice_at = now
            self.reply(replies.kept(complaint, whatsapp=True), complaint)
        return Received(InboundOutcome.KEPT, complaint, inbound)

    # ------------------------------------------------------------------ a new report

    def draft(self, text: str) -> Received:
        message, conversation, inbound = self.message, self.conversation, self.inbound
        answered = conversation.state == ConversationState.AWAITING_AREA and bool(
            text or message.latitude is not None
        )
        if text:
            area = None
            if conversation.draft_area is None:
                area = selectors.area_find_in_text(jurisdiction=self.jurisdiction, text=text)
            if answered and area is not None:
                conversation.draft_area = area
                if not selectors.names_only_area(text, area):
                    conversation.draft_address = _join(conversation.draft_address, text, ", ")
            else:
                conversation.draft_text = _join(conversation.draft_text, text)
                conversation.draft_area = conversation.draft_area or area
        if message.latitude is not None and message.longitude is not None:
            conversation.draft_latitude = message.latitude
            conversation.draft_longitude = message.longitude
            if message.place:
                conversation.draft_address = _join(conversation.draft_address, message.place, ", ")
                if conversation.draft_area is None:
                    conversation.draft_area = selectors.area_find_in_text(
                        jurisdiction=self.jurisdiction, text=message.place
                    )
        conversation.draft_address = conversation.draft_address[:300]
        inbound.outcome = InboundOutcome.DRAFT
        inbound.conversation = conversation
        inbound.save()
        _keep_files(inbound, self.files, self.written)

        if not conversation.draft_text:
            if conversation.state != ConversationState.DESCRIBING:
                what = "lokasi Anda" if message.type == "location" else "kiriman Anda"
                if message.type in ("image", "document"):
                    what = "foto Anda" if message.type == "image" else "dokumen Anda"
                self.reply(replies.ask_description(what))
            conversation.state = ConversationState.DESCRIBING
            return Received(InboundOutcome.DRAFT, message=inbound)
        if conversation.draft_area is not None or conversation.has_location or answered:
            return self.submit()
        if conversation.state != ConversationState.AWAITING_AREA:
            conversation.state = ConversationState.AWAITING_AREA
            conversation.asked_at = timezone.now()
            self.reply(replies.ask_area(selectors.example_kelurahan(self.jurisdiction)))
        return Received(InboundOutcome.DRAFT, message=inbound)

    def submit(self) -> Received:
        inbound = self.inbound
        try:
            complaint, extra = _submit_draft(self.conversation, key=inbound.external_id)
        except ComplaintInputError as exc:
            inbound.detail = _join(inbound.detail, str(exc))
            if self.conversation.state == ConversationState.IDLE:
                self.conversation.state = ConversationState.DESCRIBING
            self.reply(replies.not_accepted(exc, whatsapp=True))
            return Received(InboundOutcome.DRAFT, message=inbound)
        inbound.outcome = InboundOutcome.SUBMITTED
        inbound.complaint = complaint
        if extra:
            self.reply(replies.files_not_attached(complaint, extra), complaint, part="extra")
        return Received(InboundOutcome.SUBMITTED, complaint, inbound)


def _abandon_draft(conversation: Conversation) -> None:
    """Drop the report being put together (the citizen starts anew)."""
    drafts = InboundMessage.objects.filter(conversation=conversation, outcome=InboundOutcome.DRAFT)
    _release_files(list(InboundFile.objects.filter(message__in=drafts)))
    drafts.update(outcome=InboundOutcome.IGNORED, detail="dibatalkan: laporan baru dimulai")
    _reset(conversation)


def _reset(conversation: Conversation) -> None:
    conversation.state = ConversationState.IDLE
    conversation.draft_text = ""
    conversation.draft_address = ""
    conversation.draft_area = None
    conversation.draft_latitude = None
    conversation.draft_longitude = None
    conversation.asked_at = None


def _submit_draft(conversation: Conversation, *, key: str) -> tuple[Complaint, int]:
    """Submit the conversation's draft through the one intake; returns the complaint and
    how many files did not fit in it (they stay kept for it). Raises ComplaintInputError
    (nothing changed) when the service refuses the draft."""
    drafts = list(
        InboundMessage.objects.filter(conversation=conversation, outcome=InboundOutcome.DRAFT)
        .prefetch_related("files")
        .order_by("received_at", "id")
    )
    files = [row for message in drafts for row in message.files.all()]
    limit = settings.ADUAN_MAX_ATTACHMENTS
    attach, extra = files[:limit], files[limit:]
    number = conversation.number
    result = complaint_submit(
        jurisdiction=conversation.jurisdiction,
        channel=Channel.WHATSAPP,
        description=conversation.draft_text,
        area=conversation.draft_area,
        address=conversation.draft_address,
        latitude=conversation.draft_latitude,
        longitude=conversation.draft_longitude,
        privacy=Privacy.BIASA,
        reporter_name=conversation.profile_name or f"+{number}",
        reporter_phone=f"+{number}",
        attachments=[_as_upload(row) for row in attach],
        submission_key=_submission_key("wa", key),
    )
    complaint = result.complaint
    _release_files(attach)
    InboundMessage.objects.filter(pk__in=[m.pk for m in drafts]).update(
        outcome=InboundOutcome.SUBMITTED, complaint=complaint
    )
    if extra:
        InboundMessage.objects.filter(files__in=extra).update(outcome=InboundOutcome.KEPT)
    _reset(conversation)
    conversation.complaint = complaint
    return complaint, len(extra)


def conversation_sweep(*, worker_id: str = "", now: datetime | None = None) -> int:
    """Submit the reports whose kelurahan was asked more than ``ADUAN_INTAKE_DRAFT_MINUTES``
    ago and never given (a worker task: add ``aduan.intake.services.conversation_sweep`` to
    ``ADUAN_WORKER_TASKS``). Safe in several workers at once. Returns how many it handled."""
    cutoff = (now or timezone.now()) - timedelta(minutes=settings.ADUAN_INTAKE_DRAFT_MINUTES)
    waiting = Conversation.objects.filter(
        state=ConversationState.AWAITING_AREA, asked_at__lt=cutoff
    )
    done = 0
    for pk in list(waiting.order_by("asked_at").values_list("pk", flat=True)[:100]):
        with transaction.atomic():
            conversation = waiting.select_for_update().filter(pk=pk).first()
            if conversation is None:
                continue  # answered, or another worker took it
            asked = conversation.asked_at
            key = f"sweep:{conversation.pk}:{asked.timestamp() if asked else ''}"
            jurisdiction = conversation.jurisdiction
            try:
                complaint, _ = _submit_draft(conversation, key=key)
            except ComplaintInputError as exc:
                conversation.state = ConversationState.DESCRIBING
                conversation.asked_at = None
                _reply_whatsapp(
                    jurisdiction,
                    conversation.number,
                    key,
                    replies.not_accepted(exc, whatsapp=True),
                )
            else:
                logger.info("intake: draft of +%s submitted as %s", conversation.number, complaint)
            conversation.save()
            done += 1
    return done


# --------------------------------------------------------------------------- e-mail


def email_receive(*, jurisdiction: Jurisdiction, raw: bytes) -> Received:
    """Act on one e-mail (from the IMAP mailbox or the inbound webhook), exactly once: a
    repeated Message-ID returns ``DUPLICATE`` and changes nothing."""
    mail = parse_mail(raw)
    if _seen(jurisdiction, Channel.EMAIL, mail.external_id):
        return Received(DUPLICATE)
    written: list[str] = []
    try:
        with transaction.atomic():
            inbound = _record(
                jurisdiction=jurisdiction,
                channel=Channel.EMAIL,
                external_id=mail.external_id,
                sender=mail.from_address[:254],
                sender_name=mail.from_name[:200],
                message_type=MessageType.EMAIL,
                subject=mail.subject[:300],
                text=mail.text,
                outcome=InboundOutcome.IGNORED,
            )
            received = _email_turn(jurisdiction, mail, inbound, written)
            inbound.save()
    except _Duplicate:
        return Received(DUPLICATE)
    except BaseException:
        _discard(written)
        raise
    return received


def _email_turn(
    jurisdiction: Jurisdiction, mail: IncomingMail, inbound: InboundMessage, written: list[str]
) -> Received:
    if not mail.from_address:
        inbound.detail = "tanpa alamat pengirim"
        return Received(InboundOutcome.IGNORED, message=inbound)
    if mail.automatic:
        inbound.detail = f"pesan otomatis ({mail.automatic})"
        return Received(InboundOutcome.IGNORED, message=inbound)
    key = f"mail:{inbound.pk}"
    files, refused = _check(mail.attachments)
    if refused:
        inbound.detail = "\n".join(refused)
        _reply_email(jurisdiction, mail, f"{key}:file", replies.files_refused(refused))
    codes = selectors.tracking_codes_in(jurisdiction, mail.subject, mail.text)
    target = selectors.complaint_for_email_reply(
        jurisdiction=jurisdiction, sender=mail.from_address, references=mail.references, codes=codes
    )
    if target is not None:
        inbound.complaint = target
        own_words = reply_text(mail.text) or mail.subject
        inbound.text = own_words
        if not selectors.is_open(target):
            inbound.detail = _join(inbound.detail, "laporan sudah ditutup")
            _reply_email(jurisdiction, mail, key, replies.closed(target), target)
            return Received(InboundOutcome.IGNORED, target, inbound)
        if target.status == ComplaintStatus.MENUNGGU_INFO:
            try:
                target = complaint_add_info(
                    complaint=target,
                    message=own_words or "Lampiran dari pelapor (e-mail).",
                    attachments=_as_uploads(files),
                )
            except ComplaintInputError as exc:
                inbound.outcome = InboundOutcome.REJECTED
                inbound.detail = _join(inbound.detail, str(exc))
                _reply_email(jurisdiction, mail, key, replies.not_accepted(exc, whatsapp=False))
                return Received(InboundOutcome.REJECTED, target, inbound)
            except WorkflowError:
                pass  # it stopped waiting meanwhile: keep the message instead
            else:
                inbound.outcome = InboundOutcome.INFO_ADDED
                _reply_email(jurisdiction, mail, key, replies.info_added(target), target)
                return Received(InboundOutcome.INFO_ADDED, target, inbound)
        inbound.outcome = InboundOutcome.KEPT
        try:
            complaint_citizen_message(
                complaint=target,
                message=own_words or "Lampiran dari pelapor (e-mail).",
                attachments=_as_uploads(files),
            )
        except (ComplaintInputError, WorkflowError) as exc:
            inbound.detail = _join(inbound.detail, str(exc))
            _keep_files(inbound, files, written)
        _reply_email(jurisdiction, mail, key, replies.kept(target, whatsapp=False), target)
        return Received(InboundOutcome.KEPT, target, inbound)

    limit = settings.ADUAN_MAX_ATTACHMENTS
    try:
        result = complaint_submit(
            jurisdiction=jurisdiction,
            channel=Channel.EMAIL,
            title=mail.subject,
            description=mail.text or mail.subject,
            privacy=Privacy.BIASA,
            reporter_name=mail.from_name or mail.from_address,
            reporter_email=mail.from_address,
            attachments=_as_uploads(files[:limit]),
            submission_key=_submission_key("mail", mail.external_id),
        )
    except ComplaintInputError as exc:
        inbound.outcome = InboundOutcome.REJECTED
        inbound.detail = _join(inbound.detail, str(exc))
        _reply_email(jurisdiction, mail, key, replies.not_accepted(exc, whatsapp=False))
        return Received(InboundOutcome.REJECTED, message=inbound)
    complaint = result.complaint
    inbound.outcome = InboundOutcome.SUBMITTED
    inbound.complaint = complaint
    if files[limit:]:
        _keep_files(inbound, files[limit:], written)
        text = replies.files_not_attached(complaint, len(files) - limit)
        _reply_email(jurisdiction, mail, f"{key}:extra", text, complaint)
    return Received(InboundOutcome.SUBMITTED, complaint, inbound)


def mail_fetch(*, jurisdiction: Jurisdiction, limit: int | None = None) -> FetchResult:
    """Take every unread mail of the IMAP mailbox (``ADUAN_IMAP_*``) into the intake."""
    return fetch_unseen(
        lambda raw: email_receive(jurisdiction=jurisdiction, raw=raw).outcome, limit=limit
    )


def mail_fetch_task(*, worker_id: str = "", now: datetime | None = None) -> int:
    """``mail_fetch`` as a worker task (add ``aduan.intake.services.mail_fetch_task`` to
    ``ADUAN_WORKER_TASKS``); does nothing without ``ADUAN_IMAP_HOST``."""
    if not settings.ADUAN_IMAP_HOST:
        return 0
    jurisdiction = selectors.jurisdiction_get()
    if jurisdiction is None:
        return 0
    return mail_fetch(jurisdiction=jurisdiction).fetched
