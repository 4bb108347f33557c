"""E-mail, inbound side: reading an RFC 822 message into what the intake needs, and fetching
unread mail from an IMAP mailbox."""

from __future__ import annotations

import email
import email.policy
import hashlib
import html
import imaplib
import logging
import re
import ssl
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser
from typing import cast

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

logger = logging.getLogger(__name__)


@dataclass
class IncomingMail:
    """One e-mail, as much of it as the intake uses."""

    message_id: str  # the Message-ID, or "sha256:<hex>" of the raw message without one
    from_name: str
    from_address: str
    subject: str
    text: str  # the plain text (or the HTML made plain), whole
    references: list[str] = field(default_factory=list)  # In-Reply-To and References
    attachments: list[SimpleUploadedFile] = field(default_factory=list)
    automatic: str = ""  # why it is an automatic message (auto-reply, bounce, list), or ""

    @property
    def external_id(self) -> str:
        if len(self.message_id) <= 255:
            return self.message_id
        return "sha256:" + hashlib.sha256(self.message_id.encode()).hexdigest()


# --------------------------------------------------------------------------- text


class _PlainText(HTMLParser):
    """HTML to readable text: blocks on their own lines, no scripts or styles."""

    BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
    )
    HIDDEN = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _PlainText()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# A reply's own words end where the quoted message begins.
_QUOTE_HEADERS = [
    re.compile(r"^On .{0,200}wrote:\s*$", re.IGNORECASE),
    re.compile(r"^Pada .{0,200}menulis:\s*$", re.IGNORECASE),
    re.compile(r"^-{2,}\s*(Original Message|Pesan Asli|Forwarded message)\s*-{2,}", re.I),
    re.compile(r"^_{10,}\s*$"),
    re.compile(r"^(From|Dari):\s.+", re.IGNORECASE),
]


def reply_text(text: str) -> str:
    """The new part of a reply: without the quoted message and without the signature."""
    kept: list[str] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped == "--" and line.startswith("--"):
            break  # "-- " starts the signature
        # "On Tue, 17 Mar 2026, Lapor Ajib <aduan@…>\nwrote:" is sometimes wrapped.
        joined = f"{stripped} {lines[i + 1].strip()}" if i + 1 < len(lines) else stripped
        if any(p.match(stripped) or p.match(joined) for p in _QUOTE_HEADERS[:2]) or any(
            p.match(stripped) for p in _QUOTE_HEADERS[2:]
        ):
            break
        if stripped.startswith(">"):
            continue
        kept.append(line.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


# --------------------------------------------------------------------------- parsing


def _content(part: Message) -> str:
    try:
        return str(part.get_content())  # type: ignore[attr-defined]
    except (LookupError, UnicodeError, AttributeError, ValueError):
        payload = part.get_payload(decode=True)
        return payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""


def _body_text(message: EmailMessage) -> str:
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        text = _content(plain).strip()
        if text:
            return text
    rich = message.get_body(preferencelist=("html",))
    return html_to_text(_content(rich)) if rich is not None else ""


def _attachments(message: EmailMessage) -> list[SimpleUploadedFile]:
    """Files the sender attached: parts marked as attachments or named, except those
    embedded in the HTML by Content-ID (the logo in a signature)."""
    embedded: set[int] = set()
    for part in message.walk():
        if part.get_content_type() == "multipart/related":
            subparts = part.get_payload()
            if isinstance(subparts, list):
                embedded |= {
                    id(p) for p in subparts[1:] if isinstance(p, Message) and p.get("Content-ID")
                }
    files: list[SimpleUploadedFile] = []
    for part in message.walk():
        if part.is_multipart() or id(part) in embedded:
            continue
        filename = part.get_filename() or ""
        if part.get_content_disposition() != "attachment" and not filename:
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        name = (filename or "lampiran").replace("/", "_").replace("\\", "_")
        files.append(SimpleUploadedFile(name[:200], payload, part.get_content_type()))
    return files


def _message_ids(value: str) -> list[str]:
    return re.findall(r"<[^<>\s]+>", value or "")


def _automatic(message: EmailMessage, address: str) -> str:
    """Why ``message`` is a machine's, not a citizen's (RFC 3834 and common practice)."""
    auto = str(message.get("Auto-Submitted", "")).strip().lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    precedence = str(message.get("Precedence", "")).strip().lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return f"Precedence: {precedence}"
    for header in ("X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe"):
        if message.get(header):
            return header
    if message.get_content_type() == "multipart/report":
        return "delivery report"
    local = address.partition("@")[0].lower()
    if local in ("mailer-daemon", "postmaster") or local.startswith(("noreply", "no-reply")):
        return f"sender {address}"
    own = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower()
    if own and address.lower() == own:
        return "our own address"
    return ""


def parse_mail(raw: bytes) -> IncomingMail:
    """Read one RFC 822 message. Never raises for malformed mail: what cannot be read is
    left empty (an empty sender makes the intake ignore it)."""
    message = cast(EmailMessage, email.message_from_bytes(raw, policy=email.policy.default))
    try:
        addresses = getaddresses([str(message.get("From", ""))])
    except (TypeError, ValueError, IndexError):
        addresses = []
    name, address = addresses[0] if addresses else ("", "")
    if "@" not in address:
        address = ""
    try:
        subject = " ".join(str(message.get("Subject", "")).split())
    except (TypeError, ValueError):
        subject = ""
    ids = _message_ids(str(message.get("Message-ID", "")))
    message_id = ids[0] if ids else "sha256:" + hashlib.sha256(raw).hexdigest()
    references = _message_ids(str(message.get("In-Reply-To", ""))) + _message_ids(
        str(message.get("References", ""))
    )
    return IncomingMail(
        message_id=message_id,
        from_name=" ".join(name.split()),
        from_address=address.strip(),
        subject=subject,
        text=_body_text(message),
        references=list(dict.fromkeys(references)),
        attachments=_attachments(message),
        automatic=_automatic(message, address),
    )


# --------------------------------------------------------------------------- IMAP


@dataclass
class FetchResult:
    fetched: int = 0
    failed: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)


def imap_connect() -> imaplib.IMAP4:
    host, port = settings.ADUAN_IMAP_HOST, settings.ADUAN_IMAP_PORT
    timeout = settings.ADUAN_IMAP_TIMEOUT
    if settings.ADUAN_IMAP_SSL:
        # imaplib's own default context verifies neither the certificate nor the host name.
        context = ssl.create_default_context()
        return imaplib.IMAP4_SSL(host, port, ssl_context=context, timeout=timeout)
    return imaplib.IMAP4(host, port, timeout=timeout)


def fetch_unseen(handle: Callable[[bytes], str], *, limit: int | None = None) -> FetchResult:
    """Hand every unread message of the configured folder to ``handle`` (which returns the
    outcome), oldest first, and mark it read (``\\Seen``) once handled. A message whose
    handling raised stays unread and is tried again next time; one handled but not marked
    (connection lost) is recognised by its Message-ID next time and changes nothing."""
    result = FetchResult()
    connection = imap_connect()
    try:
        connection.login(settings.ADUAN_IMAP_USER, settings.ADUAN_IMAP_PASSWORD)
        status, _ = connection.select(_quoted(settings.ADUAN_IMAP_FOLDER))
        if status != "OK":
            raise imaplib.IMAP4.error(f"cannot select {settings.ADUAN_IMAP_FOLDER!r}")
        status, data = connection.uid("SEARCH", "UNSEEN")
        if status != "OK":
            raise imaplib.IMAP4.error("UID SEARCH UNSEEN failed")
        uids = [u.decode() for u in (data[0] or b"").split()] if data else []
        for uid in uids[:limit] if limit else uids:
            status, fetched = connection.uid("FETCH", uid, "(BODY.PEEK[])")
            raw = next(
                (item[1] for item in fetched or [] if isinstance(item, tuple) and len(item) > 1),
                None,
            )
            if status != "OK" or not isinstance(raw, bytes):
                logger.warning("fetch-mail: message uid %s could not be fetched", uid)
                result.failed += 1
                continue
            try:
                outcome = handle(raw)
            except Exception:
                logger.exception("fetch-mail: message uid %s failed; left unread", uid)
                result.failed += 1
                continue
            connection.uid("STORE", uid, "+FLAGS", "(\\Seen)")
            result.fetched += 1
            result.outcomes[outcome] = result.outcomes.get(outcome, 0) + 1
    finally:
        try:
            connection.logout()
        except (imaplib.IMAP4.error, OSError):
            pass
    return result


def _quoted(folder: str) -> str:
    return folder if folder.isalnum() else '"' + folder.replace('"', '\\"') + '"'
