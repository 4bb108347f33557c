"""Fixtures of the intake tests: real servers on loopback.

* ``graph``: an HTTP server speaking like the WhatsApp Business Cloud API (sending
  messages, media metadata and media download, Bearer token checked);
* ``imap``: a small IMAP4rev1 server (LOGIN, SELECT, UID SEARCH/FETCH/STORE, LOGOUT), enough
  for ``imaplib`` and any standard client, holding one mailbox in memory;
* ``mx``: an SMTP server (aiosmtpd) that delivers what it receives into that mailbox, so
  that a test can send a citizen's e-mail the way a mail client does;
* ``smtp`` (from the notification tests): the SMTP server Aduan's outbox sends through.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import re
import socketserver
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from aduan.notifications.tests.conftest import free_port, smtp, wait_for  # noqa: F401

APP_SECRET = "rahasia-aplikasi-uji"
VERIFY_TOKEN = "token-verifikasi-uji"
PHONE_NUMBER_ID = "1098765432"
CITIZEN = "6281211112222"


# --------------------------------------------------------------------------- Graph API


@dataclass
class GraphServer:
    base: str = ""
    token: str = "token-graph-uji"
    sent: list[dict] = field(default_factory=list)
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    #: Status codes to answer media requests with, in order; then the media itself.
    media_statuses: list[int] = field(default_factory=list)
    media_requests: int = 0
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def add_media(self, content: bytes, mime: str = "image/jpeg") -> str:
        media_id = f"{next(self._ids)}0000{len(self.media)}"
        self.media[media_id] = (content, mime)
        return media_id

    def texts(self, to: str = CITIZEN) -> list[str]:
        return [m["text"]["body"] for m in self.sent if m.get("to") == to]


@pytest.fixture
def graph(settings) -> Iterator[GraphServer]:
    server_state = GraphServer()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _json(self, status: int, data: dict) -> None:
            self._answer(status, json.dumps(data).encode(), "application/json")

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") == f"Bearer {server_state.token}":
                return True
            self._json(401, {"error": {"message": "Invalid OAuth access token", "code": 190}})
            return False

        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            if not self._authorised():
                return
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length) or b"{}")
            with lock:
                server_state.sent.append(payload)
                n = len(server_state.sent)
            self._json(200, {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.K{n}"}]})

        def do_GET(self) -> None:  # noqa: N802
            if not self._authorised():
                return
            with lock:
                server_state.media_requests += 1
                status = server_state.media_statuses.pop(0) if server_state.media_statuses else 0
            if status:
                self._json(status, {"error": {"message": "Kesalahan uji", "code": status}})
                return
            match = re.fullmatch(r"/v21\.0/(\d+)", self.path)
            if match and match.group(1) in server_state.media:
                content, mime = server_state.media[match.group(1)]
                self._json(
                    200,
                    {
                        "messaging_product": "whatsapp",
                        "url": f"{server_state.base}/unduh/{match.group(1)}",
                        "mime_type": mime,
                        "sha256": hashlib.sha256(content).hexdigest(),
                        "file_size": len(content),
                        "id": match.group(1),
                    },
                )
                return
            match = re.fullmatch(r"/unduh/(\d+)", self.path)
            if match and match.group(1) in server_state.media:
                content, mime = server_state.media[match.group(1)]
                self._answer(200, content, mime)
                return
            self._json(404, {"error": {"message": "Unsupported get request", "code": 100}})

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    server_state.base = f"http://127.0.0.1:{server.server_address[1]}"
    settings.ADUAN_WHATSAPP_API_URL = f"{server_state.base}/v21.0/{PHONE_NUMBER_ID}/messages"
    settings.ADUAN_WHATSAPP_TOKEN = server_state.token
    settings.ADUAN_WHATSAPP_MEDIA_URL = f"{server_state.base}/v21.0"
    settings.ADUAN_WHATSAPP_APP_SECRET = APP_SECRET
    settings.ADUAN_WHATSAPP_VERIFY_TOKEN = VERIFY_TOKEN
    try:
        yield server_state
    finally:
        server.shutdown()
        server.server_close()


_wamids = itertools.count(1)


def wa_message(kind: str = "text", *, number: str = CITIZEN, sent: float | None = None, **body):
    """One message object of a Cloud API webhook (``body`` is the ``kind`` object)."""
    message: dict[str, Any] = {
        "from": number,
        "id": f"wamid.HBgNNjI4MTIxMTExMjIyMhUCABIYFjNFQjA{next(_wamids):08d}",
        "timestamp": str(int(sent if sent is not None else time.time())),
        "type": kind,
    }
    if kind == "text":
        message["text"] = {"body": body["text"]}
    elif body:
        message[kind] = body
    return message


def wa_payload(*messages: dict, name: str = "Siti Aminah", phone_number_id=PHONE_NUMBER_ID):
    numbers = sorted({m["from"] for m in messages})
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "628166440000",
                                "phone_number_id": phone_number_id,
                            },
                            "contacts": [{"profile": {"name": name}, "wa_id": n} for n in numbers],
                            "messages": list(messages),
                        },
                    }
                ],
            }
        ],
    }


def sign(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post_webhook(client, payload: dict | bytes, *, signature: str | None = None):
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    headers = {"X-Hub-Signature-256": sign(body) if signature is None else signature}
    if signature == "":
        headers = {}
    return client.post(
        "/masuk/whatsapp/", data=body, content_type="application/json", headers=headers
    )


# --------------------------------------------------------------------------- IMAP


@dataclass
class StoredMail:
    uid: int
    raw: bytes
    flags: set[str] = field(default_factory=set)


@dataclass
class Mailbox:
    """One IMAP mailbox, in memory, shared by the server's threads and the test."""

    user: str = "pengaduan@pekalongankota.go.id"
    password: str = "sandi imap uji"  # a space, so that clients must quote it
    messages: list[StoredMail] = field(default_factory=list)
    next_uid: int = 1
    commands: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def deliver(self, raw: bytes) -> int:
        with self.lock:
            uid = self.next_uid
            self.next_uid += 1
            self.messages.append(StoredMail(uid, raw))
            return uid

    def unseen(self) -> list[int]:
        with self.lock:
            return [m.uid for m in self.messages if "\\Seen" not in m.flags]

    def mark_unseen(self) -> None:
        with self.lock:
            for m in self.messages:
                m.flags.discard("\\Seen")


_TOKEN = re.compile(rb'"((?:[^"\\]|\\.)*)"|(\([^)]*\))|(\S+)')


def _args(line: bytes) -> list[str]:
    out = []
    for quoted, group, atom in _TOKEN.findall(line):
        if quoted:
            out.append(re.sub(rb"\\(.)", rb"\1", quoted).decode())
        else:
            out.append((group or atom).decode())
    return out


def _uid_set(spec: str, uids: list[int]) -> list[int]:
    chosen: list[int] = []
    top = max(uids, default=0)
    for part in spec.split(","):
        low, _, high = part.partition(":")
        start = top if low == "*" else int(low)
        end = start if not high else (top if high == "*" else int(high))
        start, end = min(start, end), max(start, end)
        chosen += [u for u in uids if start <= u <= end and u not in chosen]
    return chosen


class ImapHandler(socketserver.StreamRequestHandler):
    """IMAP4rev1 (RFC 3501), the part a mail fetcher uses."""

    mailbox: Mailbox

    def send(self, text: str | bytes) -> None:
        self.wfile.write(text.encode() if isinstance(text, str) else text)

    def handle(self) -> None:
        box = self.mailbox
        authenticated = False
        selected = False
        self.send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Aduan IMAP uji siap\r\n")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            parts = _args(line.rstrip(b"\r\n"))
            if len(parts) < 2:
                self.send("* BAD empty command\r\n")
                continue
            tag, command, args = parts[0], parts[1].upper(), parts[2:]
            with box.lock:
                box.commands.append(command if command != "UID" else f"UID {args[0].upper()}")
            if command == "CAPABILITY":
                self.send(f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK CAPABILITY done\r\n")
            elif command == "NOOP":
                self.send(f"{tag} OK NOOP done\r\n")
            elif command == "LOGOUT":
                self.send(f"* BYE sampai jumpa\r\n{tag} OK LOGOUT done\r\n")
                return
            elif command == "LOGIN":
                if args[:2] == [box.user, box.password]:
                    authenticated = True
                    self.send(f"{tag} OK LOGIN done\r\n")
                else:
                    self.send(f"{tag} NO [AUTHENTICATIONFAILED] invalid credentials\r\n")
            elif not authenticated:
                self.send(f"{tag} BAD log in first\r\n")
            elif command in ("SELECT", "EXAMINE"):
                if args and args[0].upper() == "INBOX":
                    selected = True
                    with box.lock:
                        exists, uidnext = len(box.messages), box.next_uid
                    self.send(
                        "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                        f"* {exists} EXISTS\r\n* 0 RECENT\r\n"
                        "* OK [UIDVALIDITY 1] UIDs valid\r\n"
                        f"* OK [UIDNEXT {uidnext}] next\r\n"
                        f"{tag} OK [READ-WRITE] {command} done\r\n"
                    )
                else:
                    self.send(f"{tag} NO [NONEXISTENT] no such mailbox\r\n")
            elif not selected:
                self.send(f"{tag} BAD select a mailbox first\r\n")
            elif command == "UID" and args:
                self.uid_command(tag, args[0].upper(), args[1:])
            elif command in ("CLOSE", "EXPUNGE", "CHECK"):
                self.send(f"{tag} OK {command} done\r\n")
            else:
                self.send(f"{tag} BAD unknown command\r\n")

    def uid_command(self, tag: str, command: str, args: list[str]) -> None:
        box = self.mailbox
        with box.lock:
            messages = list(box.messages)
        seq = {m.uid: n for n, m in enumerate(messages, start=1)}
        by_uid = {m.uid: m for m in messages}
        criteria = [a.upper() for a in args]
        if command == "SEARCH":
            if criteria[:1] == ["CHARSET"]:
                criteria = criteria[2:]
            found = [
                m.uid
                for m in messages
                if all(
                    c == "ALL"
                    or (c == "UNSEEN" and "\\Seen" not in m.flags)
                    or (c == "SEEN" and "\\Seen" in m.flags)
                    for c in criteria
                )
            ]
            self.send(f"* SEARCH {' '.join(map(str, found))}\r\n".replace(" \r", "\r"))
            self.send(f"{tag} OK SEARCH done\r\n")
        elif command == "FETCH" and len(args) >= 2:
            items = args[1].upper()
            for uid in _uid_set(args[0], list(by_uid)):
                m = by_uid[uid]
                fields = [f"UID {uid}"]
                if "FLAGS" in items:
                    fields.append(f"FLAGS ({' '.join(sorted(m.flags))})")
                if "BODY" in items or "RFC822" in items:
                    name = "RFC822" if "RFC822" in items and "BODY" not in items else "BODY[]"
                    head = f"* {seq[uid]} FETCH ({' '.join(fields)} {name} {{{len(m.raw)}}}\r\n"
                    self.send(head.encode() + m.raw + b")\r\n")
                    if "PEEK" not in items:
                        with box.lock:
                            m.flags.add("\\Seen")
                else:
                    self.send(f"* {seq[uid]} FETCH ({' '.join(fields)})\r\n")
            self.send(f"{tag} OK FETCH done\r\n")
        elif command == "STORE" and len(args) >= 3:
            flags = set(args[2].strip("()").split())
            for uid in _uid_set(args[0], list(by_uid)):
                m = by_uid[uid]
                with box.lock:
                    if args[1].upper().startswith("+"):
                        m.flags |= flags
                    elif args[1].upper().startswith("-"):
                        m.flags -= flags
                    else:
                        m.flags = set(flags)
                    current = " ".join(sorted(m.flags))
                self.send(f"* {seq[uid]} FETCH (UID {uid} FLAGS ({current}))\r\n")
            self.send(f"{tag} OK STORE done\r\n")
        else:
            self.send(f"{tag} BAD unsupported UID command\r\n")


class _ImapServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture
def imap(settings) -> Iterator[Mailbox]:
    """A local IMAP server with one mailbox; the ADUAN_IMAP_* settings point at it."""
    box = Mailbox()
    handler = type("Handler", (ImapHandler,), {"mailbox": box})
    server = _ImapServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    settings.ADUAN_IMAP_HOST = "127.0.0.1"
    settings.ADUAN_IMAP_PORT = server.server_address[1]
    settings.ADUAN_IMAP_SSL = False
    settings.ADUAN_IMAP_USER = box.user
    settings.ADUAN_IMAP_PASSWORD = box.password
    settings.ADUAN_IMAP_FOLDER = "INBOX"
    try:
        yield box
    finally:
        server.shutdown()
        server.server_close()


class _Deliver:
    def __init__(self, box: Mailbox) -> None:
        self.box = box

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.box.deliver(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


@dataclass
class MailExchanger:
    host: str
    port: int

    def send(self, message: EmailMessage) -> None:
        import smtplib

        with smtplib.SMTP(self.host, self.port, timeout=10) as client:
            client.send_message(message)


@pytest.fixture
def mx(imap) -> Iterator[MailExchanger]:
    """The service's mail server: SMTP in, the ``imap`` mailbox out."""
    port = free_port()
    controller = Controller(_Deliver(imap), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield MailExchanger("127.0.0.1", port)
    finally:
        controller.stop()


def citizen_mail(
    *,
    subject: str = "Lampu jalan mati di Jl. Sriwijaya",
    text: str = "Lampu penerangan jalan di Jl. Sriwijaya depan masjid mati sejak seminggu.",
    html: str = "",
    sender: str = "Budi Santoso <budi@example.org>",
    to: str = "pengaduan@pekalongankota.go.id",
    attachments: list[tuple[str, bytes, str]] = (),  # type: ignore[assignment]
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = format_datetime(timezone.now())
    message["Message-ID"] = make_msgid(domain="example.org")
    for name, value in (headers or {}).items():
        message[name] = value
    if text:
        message.set_content(text)
    if html:
        if text:
            message.add_alternative(html, subtype="html")
        else:
            message.set_content(html, subtype="html")
    for filename, content, mime in attachments:
        maintype, subtype = mime.split("/")
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return message


# --------------------------------------------------------------------------- Dovecot

DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = {internal}
default_internal_group = {internal_group}
default_login_user = {login}
mail_location = maildir:{root}/mail/%n
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={root}/mail/%n
}}
service imap-login {{
  chroot = {chroot}
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


@pytest.fixture
def dovecot(settings) -> Iterator[Mailbox]:
    """A real Dovecot IMAP server (Debian's ``dovecot-imapd``) with a private configuration
    in a temporary folder; the ADUAN_IMAP_* settings point at it. Skips without it."""
    import grp
    import os
    import pwd
    import shutil
    import subprocess
    import tempfile

    binary = shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None
    )
    if binary is None:
        pytest.skip(
            "Dovecot is not installed: these tests need a real IMAP server "
            "(apt-get install dovecot-imapd); the built-in test IMAP server covers the rest."
        )
    box = Mailbox()
    root = tempfile.mkdtemp(prefix="aduan-dovecot-")
    os.chmod(root, 0o755)  # noqa: S103 - the mail user must reach its folder
    if os.geteuid() == 0:
        internal, login, chroot = "dovecot", "dovenull", "login"
        mail = pwd.getpwnam("dovecot")
    else:
        mail = pwd.getpwuid(os.geteuid())
        internal = login = mail.pw_name
        chroot = ""
    for folder in ("run", "state", "mail"):
        os.makedirs(os.path.join(root, folder))
    os.chown(os.path.join(root, "mail"), mail.pw_uid, mail.pw_gid)
    with open(os.path.join(root, "passwd"), "w") as handle:
        handle.write(f"{box.user}:{{PLAIN}}{box.password}\n")
    os.chmod(os.path.join(root, "passwd"), 0o644)  # noqa: S103 - a throwaway test password
    port = free_port()
    config = os.path.join(root, "dovecot.conf")
    with open(config, "w") as handle:
        handle.write(
            DOVECOT_CONF.format(
                root=root,
                internal=internal,
                internal_group=grp.getgrgid(mail.pw_gid).gr_name,
                login=login,
                mail_uid=mail.pw_uid,
                mail_gid=mail.pw_gid,
                chroot=chroot,
                port=port,
            )
        )
    # Dovecot forks into the background: its output goes to a file, never to a pipe that
    # its daemon would keep open.
    with open(os.path.join(root, "start.log"), "w") as log:
        started = subprocess.run(  # noqa: S603 - the system's dovecot, our own configuration
            [binary, "-c", config], stdout=log, stderr=subprocess.STDOUT, timeout=30
        )
    if started.returncode != 0:
        with open(os.path.join(root, "start.log")) as log:
            output = log.read()
        shutil.rmtree(root, ignore_errors=True)
        pytest.fail(f"dovecot did not start: {output}")
    import socket

    def listening() -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", port)) == 0

    try:
        assert wait_for(listening, timeout=10), "dovecot does not listen"
        settings.ADUAN_IMAP_HOST = "127.0.0.1"
        settings.ADUAN_IMAP_PORT = port
        settings.ADUAN_IMAP_SSL = False
        settings.ADUAN_IMAP_USER = box.user
        settings.ADUAN_IMAP_PASSWORD = box.password
        settings.ADUAN_IMAP_FOLDER = "INBOX"
        yield box
    finally:
        subprocess.run(  # noqa: S603
            [binary, "-c", config, "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=30,
        )
        shutil.rmtree(root, ignore_errors=True)


def imap_append(raw: bytes) -> None:
    """Put a message into the configured mailbox the way a mail server does (IMAP APPEND)."""
    import imaplib

    from django.conf import settings

    client = imaplib.IMAP4(settings.ADUAN_IMAP_HOST, settings.ADUAN_IMAP_PORT, timeout=10)
    try:
        client.login(settings.ADUAN_IMAP_USER, settings.ADUAN_IMAP_PASSWORD)
        received = imaplib.Time2Internaldate(time.time())
        result = client.append("INBOX", "", received, raw)
        assert result[0] == "OK", result
    finally:
        client.logout()


def imap_unseen() -> list[bytes]:
    import imaplib

    from django.conf import settings

    client = imaplib.IMAP4(settings.ADUAN_IMAP_HOST, settings.ADUAN_IMAP_PORT, timeout=10)
    try:
        client.login(settings.ADUAN_IMAP_USER, settings.ADUAN_IMAP_PASSWORD)
        client.select("INBOX", readonly=True)
        status, data = client.uid("SEARCH", "UNSEEN")
        return (data[0] or b"").split()
    finally:
        client.logout()
