"""The intake webhooks: WhatsApp Business Cloud API at /masuk/whatsapp/, raw e-mail at
/masuk/email/. Thin: authenticate, parse, call ``intake.services``, answer in JSON."""

from __future__ import annotations

import hmac
import json
import logging
from collections import Counter

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from aduan.intake import selectors, services, whatsapp
from aduan.lib import ratelimit

logger = logging.getLogger(__name__)

EMAIL_SECRET_HEADER = "X-Aduan-Inbound-Secret"  # noqa: S105 - a header name
RATE_LIMITED = "rate_limited"


@csrf_exempt
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request: HttpRequest) -> HttpResponse:
    """GET: Meta's subscription handshake. POST: messages, signed with the app secret.

    Answers 200 with counts per outcome once every message is handled (or was handled
    before); 503 when a photo could not be downloaded now, so that WhatsApp delivers the
    request again (what was handled is recognised then and not repeated).
    """
    if request.method == "GET":
        challenge = whatsapp.handshake_answer(
            request.GET.get("hub.mode", ""),
            request.GET.get("hub.verify_token", ""),
            request.GET.get("hub.challenge", ""),
        )
        if challenge is None:
            return HttpResponse("Forbidden", status=403, content_type="text/plain")
        return HttpResponse(challenge, content_type="text/plain")
    body = request.body
    if not whatsapp.signature_valid(body, request.headers.get(whatsapp.SIGNATURE_HEADER, "")):
        logger.warning("whatsapp webhook: missing or wrong signature")
        return JsonResponse({"error": "invalid signature"}, status=403)
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: absurdly nested JSON
        return JsonResponse({"error": "invalid JSON"}, status=400)
    outcomes: Counter[str] = Counter()
    for message in whatsapp.parse_webhook(payload):
        # Per sender number (aduan.lib.ratelimit): a flood is answered 200, so that WhatsApp
        # does not deliver it again, and not handled.
        if not ratelimit.hit("whatsapp_sender", message.number).allowed:
            logger.warning("whatsapp webhook: sender %s over its rate limit", message.number)
            outcomes[RATE_LIMITED] += 1
            continue
        outcomes[services.whatsapp_receive(message=message).outcome] += 1
    status = 503 if outcomes[services.RETRY] else 200
    return JsonResponse({"outcomes": dict(outcomes)}, status=status)


@csrf_exempt
@require_POST
def email_webhook(request: HttpRequest) -> HttpResponse:
    """A raw RFC 822 message as the POST body, from an inbound-mail service, authenticated
    with ``X-Aduan-Inbound-Secret`` (``ADUAN_INBOUND_EMAIL_SECRET``; refused when unset).
    ``?jurisdiction=<slug>`` picks the jurisdiction (default: the site's)."""
    expected = settings.ADUAN_INBOUND_EMAIL_SECRET
    given = request.headers.get(EMAIL_SECRET_HEADER, "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        return JsonResponse({"error": "forbidden"}, status=403)
    jurisdiction = selectors.jurisdiction_get(request.GET.get("jurisdiction", ""))
    if jurisdiction is None:
        return JsonResponse({"error": "unknown jurisdiction"}, status=404)
    limit = settings.ADUAN_INBOUND_EMAIL_MAX_BYTES
    # Read the stream itself: request.body stops at DATA_UPLOAD_MAX_MEMORY_SIZE, and a
    # mail with its attachments is larger.
    raw = request.read(limit + 1)
    if len(raw) > limit:
        return JsonResponse({"error": "message too large"}, status=413)
    if not raw.strip():
        return JsonResponse({"error": "empty message"}, status=400)
    received = services.email_receive(jurisdiction=jurisdiction, raw=raw)
    return JsonResponse(
        {"outcome": received.outcome, "tracking_code": received.tracking_code or None}
    )
