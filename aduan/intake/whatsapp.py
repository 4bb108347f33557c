"""The WhatsApp Business Cloud API, inbound side: the webhook's handshake and signature,
its JSON, and downloading the media a message refers to.

Webhook JSON (one POST may carry several messages, and delivery statuses, which are not
ours to act on)::

    {"object": "whatsapp_business_account",
     "entry": [{"id": "<WABA id>", "changes": [{"field": "messages", "value": {
         "messaging_product": "whatsapp",
         "metadata": {"display_phone_number": "…", "phone_number_id": "…"},
         "contacts": [{"profile": {"name": "Siti"}, "wa_id": "6281234567890"}],
         "messages": [{"from": "6281234567890", "id": "wamid.…", "timestamp": "1767225600",
                       "type": "text", "text": {"body": "…"}}]}}]}]}

Media: ``GET <ADUAN_WHATSAPP_MEDIA_URL>/<media id>`` (Bearer token) answers with a short-
lived ``url``, which is fetched with the same token.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from aduan.lib.safeinput import storable

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Hub-Signature-256"


def handshake_answer(mode: str, token: str, challenge: str) -> str | None:
    """The challenge to echo when Meta subscribes the webhook with our verify token."""
    expected = settings.ADUAN_WHATSAPP_VERIFY_TOKEN
    if mode != "subscribe" or not expected or not challenge:
        return None
    if not hmac.compare_digest(token.encode(), expected.encode()):
        return None
    return challenge


def signature_valid(body: bytes, header: str) -> bool:
    """``X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the app
    secret>``. Without an app secret configured nothing is valid."""
    secret = settings.ADUAN_WHATSAPP_APP_SECRET
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected.encode(), header.removeprefix("sha256=").strip().encode())


@dataclass(frozen=True)
class IncomingMessage:
    """One citizen's message, as the webhook told it."""

    message_id: str
    number: str  # the sender's WhatsApp id: an international number without "+"
    profile_name: str
    sent_at: datetime
    type: str  # the Cloud API's type: text, image, document, location, audio, …
    text: str = ""  # the text, or the caption of a photo or document
    media_id: str = ""
    media_type: str = ""
    media_sha256: str = ""
    filename: str = ""
    latitude: float | None = None
    longitude: float | None = None
    place: str = ""  # a shared location's name and address
    phone_number_id: str = ""  # our number that received it

    @property
    def has_media(self) -> bool:
        return bool(self.media_id)


def _text(value: Any) -> str:
    return storable(value).strip() if isinstance(value, str) else ""


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _dicts(value: Any) -> list[dict]:
    """The objects of a JSON list; anything else in a hostile body is nothing."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def parse_webhook(payload: Any) -> list[IncomingMessage]:
    """The citizens' messages in a webhook body; anything malformed is skipped (and logged)."""
    found: list[IncomingMessage] = []
    if not isinstance(payload, dict):
        return found
    for entry in _dicts(payload.get("entry")):
        for change in _dicts(entry.get("changes")):
            value = change.get("value") or {}
            if not isinstance(value, dict):
                continue
            metadata = value.get("metadata")
            metadata = metadata if isinstance(metadata, dict) else {}
            names = {
                _text(c.get("wa_id")): _text(
                    c["profile"].get("name") if isinstance(c.get("profile"), dict) else ""
                )
                for c in _dicts(value.get("contacts"))
            }
            for raw in _dicts(value.get("messages")):
                try:
                    found.append(_message(raw, names, _text(metadata.get("phone_number_id"))))
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    logger.warning("whatsapp webhook: malformed message skipped: %s", exc)
    return found


def _message(raw: dict, names: dict[str, str], phone_number_id: str) -> IncomingMessage:
    number = "".join(ch for ch in str(raw["from"]) if ch.isdigit())
    message_id = str(raw["id"]).strip()
    if not number or not message_id:
        raise ValueError("message without sender or id")
    kind = str(raw.get("type") or "unknown")
    message = IncomingMessage(
        message_id=message_id,
        number=number,
        profile_name=names.get(number, ""),
        sent_at=datetime.fromtimestamp(int(raw["timestamp"]), tz=UTC),
        type=kind,
        phone_number_id=phone_number_id,
    )
    found = raw.get(kind)
    body: dict[str, Any] = found if isinstance(found, dict) else {}
    if kind == "text":
        return replace(message, text=_text(body.get("body")))
    if kind in ("image", "document"):
        return replace(
            message,
            text=_text(body.get("caption")),
            media_id=_text(body.get("id")),
            media_type=_text(body.get("mime_type")),
            media_sha256=_text(body.get("sha256")),
            filename=_text(body.get("filename")),
        )
    if kind == "location":
        place = ", ".join(p for p in (_text(body.get("name")), _text(body.get("address"))) if p)
        return replace(
            message,
            latitude=_float(body.get("latitude")),
            longitude=_float(body.get("longitude")),
            place=place,
        )
    return message


# --------------------------------------------------------------------------- media


class MediaError(Exception):
    """The media could not be fetched. ``temporary``: trying again later may work."""

    def __init__(self, message: str, *, temporary: bool) -> None:
        super().__init__(message)
        self.temporary = temporary


_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}


def _get(url: str, *, limit: int) -> tuple[bytes, str]:
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise MediaError(f"not an http(s) URL: {url!r}", temporary=False)
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url, headers={"Authorization": f"Bearer {settings.ADUAN_WHATSAPP_TOKEN}"}
    )
    try:
        with urllib.request.urlopen(  # noqa: S310 - scheme checked above
            request, timeout=settings.ADUAN_WHATSAPP_TIMEOUT
        ) as response:
            return response.read(limit), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as exc:
        # 4xx: the media id is unknown or expired, or we may not fetch it: it will not
        # change. 429 and 5xx: the API's problem of the moment.
        temporary = exc.code == 429 or exc.code >= 500
        raise MediaError(f"HTTP {exc.code} for {url}", temporary=temporary) from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise MediaError(f"{type(exc).__name__}: {exc}", temporary=True) from exc


def _matches(expected: str, content: bytes) -> bool:
    """Whether ``content`` has the SHA-256 ``expected`` (hex or base64); unknown forms pass."""
    digest = hashlib.sha256(content).digest()
    if len(expected) == 64:
        try:
            return bytes.fromhex(expected) == digest
        except ValueError:
            pass
    try:
        decoded = base64.b64decode(expected, validate=True)
    except (binascii.Error, ValueError):
        return True
    return decoded == digest if len(decoded) == 32 else True


def fetch_media(message: IncomingMessage) -> SimpleUploadedFile:
    """Download the photo or document of ``message``. The size is capped just above the
    attachment limit and the content is not judged here: the intake service checks it."""
    base = settings.ADUAN_WHATSAPP_MEDIA_URL.rstrip("/")
    raw, _ = _get(f"{base}/{urllib.parse.quote(message.media_id, safe='')}", limit=65536)
    try:
        info = json.loads(raw)
        url = str(info["url"])
    except (ValueError, KeyError, TypeError) as exc:
        raise MediaError("the media endpoint gave no url", temporary=True) from exc
    content, header_type = _get(url, limit=settings.ADUAN_MAX_ATTACHMENT_BYTES + 1)
    expected = message.media_sha256 or str(info.get("sha256") or "")
    if expected and not _matches(expected, content):
        raise MediaError("the media's SHA-256 does not match", temporary=True)
    content_type = message.media_type or str(info.get("mime_type") or "") or header_type
    content_type = content_type.split(";")[0].strip()
    name = message.filename or f"whatsapp-{hashlib.sha256(content).hexdigest()[:12]}"
    if "." not in name:
        name += "." + _EXTENSIONS.get(content_type, "pdf" if "pdf" in content_type else "bin")
    return SimpleUploadedFile(name[:200], content, content_type=content_type)
