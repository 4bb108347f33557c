"""Fixtures of the notification tests: a real SMTP server and a WhatsApp gateway on
loopback, complaints with contact details, and workers in subprocesses."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------- SMTP


class SmtpRecorder:
    """An aiosmtpd handler that keeps every accepted message.

    ``stall("before")`` makes the next message hang after its DATA arrived and before the
    server accepts it (then it is refused with 421: the client never got a 250);
    ``stall("after")`` keeps it first, then hangs before the 250. ``stalled`` is set while
    a message hangs; ``release()`` lets it go. ``stall("before-accept")`` hangs, then accepts.
    """

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.delay = 0.0
        self._lock = threading.Lock()
        self._stall_mode = ""
        self.stalled = threading.Event()
        self._released = threading.Event()

    def stall(self, mode: str) -> None:
        self._stall_mode = mode
        self.stalled.clear()
        self._released.clear()

    def release(self) -> None:
        self._released.set()

    async def _hang(self) -> None:
        self.stalled.set()
        while not self._released.is_set():
            await asyncio.sleep(0.02)

    def _keep(self, envelope) -> None:
        parsed = message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(parsed)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))

    async def handle_DATA(self, server, session, envelope):
        mode, self._stall_mode = self._stall_mode, ""
        if mode in ("before", "before-accept"):
            await self._hang()
            if mode == "before":
                return "421 Service not available"
        self._keep(envelope)
        if mode == "after":
            await self._hang()
        if self.delay:
            await asyncio.sleep(self.delay)
        return "250 Message accepted"

    def message_ids(self) -> list[str]:
        with self._lock:
            return [str(m["Message-ID"]) for m in self.messages]


@dataclass
class SmtpServer:
    host: str
    port: int
    recorder: SmtpRecorder

    @property
    def env(self) -> dict[str, str]:
        return {
            "ADUAN_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "ADUAN_EMAIL_HOST": self.host,
            "ADUAN_EMAIL_PORT": str(self.port),
        }


@pytest.fixture
def smtp(settings) -> Iterator[SmtpServer]:
    """A real SMTP server on 127.0.0.1; Django's SMTP backend points at it."""
    recorder = SmtpRecorder()
    port = free_port()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.DEFAULT_FROM_EMAIL = "aduan@pekalongankota.go.id"
    try:
        yield SmtpServer("127.0.0.1", port, recorder)
    finally:
        recorder.release()
        controller.stop()


# --------------------------------------------------------------------------- WhatsApp


@dataclass
class GatewayRequest:
    path: str
    headers: dict[str, str]
    json: dict


@dataclass
class WhatsAppGatewayServer:
    url: str
    token: str
    requests: list[GatewayRequest] = field(default_factory=list)
    #: Status codes to answer, in order; 200 once they are used up.
    statuses: list[int] = field(default_factory=list)


@pytest.fixture
def whatsapp(settings) -> Iterator[WhatsAppGatewayServer]:
    """A local HTTP server speaking like the WhatsApp Business Cloud API; Aduan's gateway
    settings point at it."""
    gateway = WhatsAppGatewayServer(url="", token="token-uji-rahasia")
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length) or b"{}")
            with lock:
                gateway.requests.append(
                    GatewayRequest(self.path, {k: v for k, v in self.headers.items()}, payload)
                )
                n = len(gateway.requests)
                status = gateway.statuses.pop(0) if gateway.statuses else 200
            body: dict[str, object]
            if status == 200:
                body = {
                    "messaging_product": "whatsapp",
                    "contacts": [{"input": payload.get("to"), "wa_id": payload.get("to")}],
                    "messages": [{"id": f"wamid.UJI{n}"}],
                }
            else:
                body = {"error": {"message": "Kesalahan uji", "code": status}}
            raw = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    gateway.url = f"http://127.0.0.1:{server.server_address[1]}/v21.0/1098765432/messages"
    settings.ADUAN_WHATSAPP_API_URL = gateway.url
    settings.ADUAN_WHATSAPP_TOKEN = gateway.token
    try:
        yield gateway
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def no_whatsapp(settings) -> None:
    settings.ADUAN_WHATSAPP_API_URL = ""


# --------------------------------------------------------------------------- data


@pytest.fixture
def complaint(submit, pekalongan):
    """A fresh complaint whose reporter gave a mobile number and an e-mail address; any
    message the intake queued by itself is removed, so tests see only their own."""
    from aduan.notifications.models import OutboxMessage

    c = submit().complaint
    OutboxMessage.objects.filter(complaint=c).delete()
    return c


# --------------------------------------------------------------------------- workers


def database_url() -> str:
    """A URL for the database the test runs on (the test database), for subprocesses."""
    from django.db import connection

    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def worker_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("ADUAN_", "DATABASE_URL", "PYTEST", "DJANGO_SETTINGS"))
    }
    env.update(
        {
            "ADUAN_DEBUG": "1",
            "DATABASE_URL": database_url(),
            "ADUAN_LOG_LEVEL": "WARNING",
            "ADUAN_WORKER_TASKS": "aduan.notifications.delivery.deliver_batch",
            "ADUAN_FROM_EMAIL": "aduan@pekalongankota.go.id",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra)
    return env


def start_worker(*args: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own interpreter and command
        [sys.executable, "-m", "aduan", "worker", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(predicate, timeout: float = 20.0, step: float = 0.02) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
