"""The channels an outbox message leaves by: e-mail (Django's mail backend), WhatsApp
(an HTTP gateway behind a provider-neutral adapter) and webhooks (a signed POST to a
subscriber, see ``notifications.webhooks``). In-app notifications need no channel.

Every sender returns the provider's id of the accepted message and raises
``DeliveryError`` (temporary: retried later) or ``PermanentDeliveryError`` (retrying
cannot help: the message goes ``dead`` at once).
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import re
import smtplib
import time
import urllib.error
import urllib.parse
import urllib.request
from email.utils import formataddr, parseaddr
from functools import cache
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from aduan.notifications.models import OutboxMessage


class DeliveryError(Exception):
    """The message could not be delivered now; a later attempt may succeed."""


class PermanentDeliveryError(DeliveryError):
    """The message can never be delivered as it is (bad address, refused content)."""


# --------------------------------------------------------------------------- e-mail


def message_id(message: OutboxMessage) -> str:
    """The Message-ID of the message's e-mail, the same on every attempt.

    ``<outbox-<id>.<token>@<domain>>``: the token is derived from the row (its dedupe key
    and creation time), so that an id reused after a database restore, or by another
    installation sending from the same domain, never makes a receiver drop a new message
    as a duplicate of an old one.
    """
    created = message.created_at.isoformat() if message.created_at else ""
    token = hashlib.sha256(f"{message.pk}|{message.dedupe_key}|{created}".encode()).hexdigest()
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<outbox-{message.pk}.{token[:12]}@{domain}>"


def send_email(message: OutboxMessage) -> str:
    """Send through Django's configured mail backend; returns the Message-ID."""
    mid = message_id(message)
    service = message.jurisdiction.service_name if message.jurisdiction_id else ""
    sender = settings.DEFAULT_FROM_EMAIL
    if service and "<" not in sender:
        sender = formataddr((service, sender))
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=sender,
        to=[message.to_address],
        headers={
            "Message-ID": mid,
            # RFC 3834: no vacation replies or other auto-responses to our notifications.
            "Auto-Submitted": "auto-generated",
        },
        connection=get_connection(timeout=settings.ADUAN_EMAIL_TIMEOUT),
    )
    if message.attachment:
        with message.attachment.open("rb") as stored:
            email.attach(
                message.attachment.name.rsplit("/", 1)[-1],
                stored.read(),
                mimetypes.guess_type(message.attachment.name)[0] or "application/octet-stream",
            )
    try:
        email.send(fail_silently=False)
    except smtplib.SMTPRecipientsRefused as exc:
        # The recipient's address was refused: permanent for a 5xx reply (no such mailbox),
        # worth retrying for a 4xx one (mailbox full, greylisting).
        detail = f"SMTPRecipientsRefused: {exc.recipients}"[:500]
        codes = [code for code, _ in exc.recipients.values()]
        if codes and all(500 <= code < 600 for code in codes):
            raise PermanentDeliveryError(detail) from exc
        raise DeliveryError(detail) from exc
    except Exception as exc:
        # Server down, refused login, sender refused: a problem of the server or of our
        # configuration, not of this message; it is retried (and ends dead after the last
        # attempt, from where an administrator can send it again).
        raise DeliveryError(f"{type(exc).__name__}: {exc}"[:500]) from exc
    return mid


# --------------------------------------------------------------------------- WhatsApp


def normalise_whatsapp_number(raw: str) -> str | None:
    """An international number without '+' (``6281234567890``), or None when ``raw`` cannot
    receive WhatsApp messages.

    Indonesian mobile numbers are written ``0812…``, ``812…``, ``+62 812…`` or ``62812…``;
    numbers starting ``0`` followed by anything but ``8`` are landlines. Other countries'
    numbers are accepted when written with ``+`` or ``00``.
    """
    text = raw.strip()
    if not text or re.search(r"[^\d\s+\-().]", text):
        return None
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        number = digits
    elif digits.startswith("00"):
        number = digits[2:]
    elif digits.startswith("62"):
        number = digits
    elif digits.startswith("08"):
        number = "62" + digits[1:]
    elif digits.startswith("8"):
        number = "62" + digits
    else:
        return None
    if number.startswith("62") and not number.startswith("628"):
        return None  # an Indonesian landline
    if not 10 <= len(number) <= 15:
        return None
    return number


class WhatsAppGateway(Protocol):
    """What Aduan needs from a WhatsApp provider: send one text, get the provider's id.

    ``idempotency_key`` is the same on every attempt of one outbox message, for gateways
    that can drop repeated requests.
    """

    def send_text(self, *, to: str, body: str, idempotency_key: str) -> str: ...


PERMANENT_HTTP_STATUSES = frozenset({400, 413, 422})


class CloudApiGateway:
    """WhatsApp Business Cloud API (``POST …/<phone-number-id>/messages``, Bearer token),
    or any gateway that accepts the same JSON.

    ``url`` is the full messages endpoint, e.g.
    ``https://graph.facebook.com/v21.0/123456789/messages``.
    """

    def __init__(self, *, url: str, token: str, timeout: float = 10) -> None:
        scheme = urllib.parse.urlsplit(url).scheme
        if scheme not in ("http", "https"):
            raise PermanentDeliveryError("ADUAN_WHATSAPP_API_URL harus http(s)://…")
        self.url = url
        self.token = token
        self.timeout = timeout

    @staticmethod
    def payload(*, to: str, body: str) -> dict:
        return {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to,
            "type": "text",
            "text": {"preview_url": False, "body": body},
        }

    def send_text(self, *, to: str, body: str, idempotency_key: str) -> str:
        request = urllib.request.Request(  # noqa: S310 - scheme checked in __init__
            self.url,
            data=json.dumps(self.payload(to=to, body=body)).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                "Accept": "application/json",
                "Idempotency-Key": idempotency_key,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                raw = response.read(65536)
        except urllib.error.HTTPError as exc:
            detail = f"HTTP {exc.code}: {exc.read(500).decode('utf-8', 'replace')}"
            # 400/413/422: the request itself is wrong (number, content): retrying the same
            # request cannot help. Everything else (401/403 token, 404 URL, 429 rate limit,
            # 5xx) is the gateway's or our configuration's problem and is retried.
            if exc.code in PERMANENT_HTTP_STATUSES:
                raise PermanentDeliveryError(detail) from exc
            raise DeliveryError(detail) from exc
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise DeliveryError(f"{type(exc).__name__}: {exc}"[:500]) from exc
        try:
            data = json.loads(raw or b"{}")
            return str(data["messages"][0]["id"])
        except (ValueError, KeyError, IndexError, TypeError):
            return ""


def whatsapp_configured() -> bool:
    return bool(settings.ADUAN_WHATSAPP_API_URL)


@cache
def _gateway_class(path: str) -> type:
    return import_string(path)


def get_whatsapp_gateway() -> WhatsAppGateway:
    """The configured gateway (``settings.ADUAN_WHATSAPP_GATEWAY``, a class taking
    ``url``, ``token`` and ``timeout``)."""
    if not whatsapp_configured():
        raise DeliveryError("Gateway WhatsApp belum dikonfigurasi (ADUAN_WHATSAPP_API_URL).")
    cls = _gateway_class(settings.ADUAN_WHATSAPP_GATEWAY)
    return cls(
        url=settings.ADUAN_WHATSAPP_API_URL,
        token=settings.ADUAN_WHATSAPP_TOKEN,
        timeout=settings.ADUAN_WHATSAPP_TIMEOUT,
    )


def whatsapp_text(message: OutboxMessage) -> str:
    """The text of a WhatsApp message: the subject in bold, then the body (at most 4096
    characters, the Cloud API's limit)."""
    text = f"*{message.subject}*\n\n{message.body}" if message.subject else message.body
    return text if len(text) <= 4096 else text[:4095] + "…"


def send_whatsapp(message: OutboxMessage) -> str:
    number = normalise_whatsapp_number(message.to_address)
    if number is None:
        raise PermanentDeliveryError(f"Nomor WhatsApp tidak valid: {message.to_address!r}")
    return get_whatsapp_gateway().send_text(
        to=number, body=whatsapp_text(message), idempotency_key=f"outbox-{message.pk}"
    )


# --------------------------------------------------------------------------- webhooks

#: Answers that say the subscriber will never accept this message as it is.
PERMANENT_WEBHOOK_STATUSES = frozenset({400, 410, 413, 422})


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer, not success: urllib would turn a POST into a GET."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001
        return None


def send_webhook(message: OutboxMessage) -> str:
    """POST the message's JSON body to its subscription's URL, signed with its secret at
    the moment of this attempt (``notifications.webhooks``). Returns the HTTP status."""
    from aduan.notifications.webhooks import EVENT_TYPE, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

    subscription = message.subscription
    if subscription is None:
        raise PermanentDeliveryError("Langganan webhook sudah dihapus. / Subscription deleted.")
    if not subscription.is_active:
        raise PermanentDeliveryError("Langganan webhook nonaktif. / Subscription inactive.")
    if urllib.parse.urlsplit(subscription.url).scheme not in ("http", "https"):
        raise PermanentDeliveryError(f"URL webhook harus http(s)://…: {subscription.url!r}")
    body = message.body.encode()
    timestamp = str(int(time.time()))
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Aduan-Webhook/1",
            "X-Aduan-Event": EVENT_TYPE,
            "X-Aduan-Delivery": str(message.pk),
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: sign(subscription.secret, timestamp, body),
        },
    )
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=settings.ADUAN_WEBHOOK_TIMEOUT) as response:
            response.read(65536)
            return f"HTTP {response.status}"
    except urllib.error.HTTPError as exc:
        detail = f"HTTP {exc.code}: {exc.read(500).decode('utf-8', 'replace')}"
        if exc.code in PERMANENT_WEBHOOK_STATUSES:
            raise PermanentDeliveryError(detail) from exc
        raise DeliveryError(detail) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise DeliveryError(f"{type(exc).__name__}: {exc}"[:500]) from exc
