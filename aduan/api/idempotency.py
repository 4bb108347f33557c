"""``Idempotency-Key`` on POST: a repeat returns the first result and does nothing again.

The first request with a key claims it (a row without a result); when it succeeds its
status and body are stored, and every repeat by the same caller with the same key and the
same request gets them back with ``Idempotent-Replayed: true``. The same key with another
request is refused (422). Failures are not stored: the key is released, so a corrected
request may use it again.

The API views (``apis.base.ApiView``) claim, work and store the answer in one transaction:
a repeat that arrives while the first is still running waits on the claim's unique index
and then replays its answer; a request that fails or dies leaves no claim behind. A claim
without a result (409) is only seen from code that claims outside such a transaction.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from aduan.api.errors import IdempotencyInProgress, IdempotencyKeyReused
from aduan.api.models import IdempotencyRecord

HEADER = "Idempotency-Key"
#: The header's name in ``request.META`` (read there: ``request.headers`` is made from it).
META_KEY = "HTTP_" + HEADER.upper().replace("-", "_")
#: What a key may be: 1 to 255 visible ASCII characters.
_VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")
REPLAYED = "Idempotent-Replayed"

PARAMETER = OpenApiParameter(
    HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "Any unique string (a UUID is best), at most 255 printable ASCII characters. A repeat "
        "of the same request with the same key within 24 hours returns the first result "
        "(with `Idempotent-Replayed: true`) and changes nothing; the same key with a "
        "different request is refused with 422."
    ),
)


class Replay(Exception):  # noqa: N818 - not an error: carries the stored response
    def __init__(self, response: Response) -> None:
        self.response = response


@dataclass
class Claim:
    record: IdempotencyRecord


def _fingerprint(value: Any) -> Any:
    if isinstance(value, UploadedFile):
        digest = hashlib.sha256()
        for chunk in value.chunks():
            digest.update(chunk)
        value.seek(0)
        return {"file": value.name, "size": value.size, "sha256": digest.hexdigest()}
    if isinstance(value, dict):
        return {str(k): _fingerprint(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_fingerprint(v) for v in value]
    return value


def request_hash(request: Request) -> str:
    return hash_of(request.method or "", request.get_full_path(), request.data)


def hash_of(method: str, full_path: str, data: Any) -> str:
    """What ``request_hash`` covers: the method, the path and the parsed body."""
    if hasattr(data, "lists"):  # QueryDict (multipart)
        canonical: Any = {key: _fingerprint(values) for key, values in data.lists()}
    else:
        canonical = _fingerprint(data)
    text = json.dumps(
        [method, full_path, canonical],
        sort_keys=True,
        default=str,
        ensure_ascii=True,
    )
    return hashlib.sha256(text.encode()).hexdigest()


def key_from(request: Request) -> str | None:
    key = request.META.get(META_KEY)
    if key is None:
        return None
    if _VALID_KEY.fullmatch(key) is None:
        raise exceptions.ValidationError(
            {
                HEADER: [
                    "Idempotency-Key harus 1–255 karakter ASCII yang terlihat. / "
                    "Idempotency-Key must be 1–255 visible ASCII characters."
                ]
            }
        )
    return key


def _replay(record: IdempotencyRecord) -> Response:
    headers = {str(k): str(v) for k, v in (record.response_headers or {}).items()}
    headers[REPLAYED] = "true"
    return Response(record.response_body, status=record.status_code, headers=headers)


def begin(request: Request, caller_key: str, key: str) -> Claim:
    """Claim ``key`` for this request, or raise ``Replay`` with the stored response,
    ``IdempotencyKeyReused`` (another request) or ``IdempotencyInProgress``."""
    fingerprint = request_hash(request)
    now = timezone.now()
    for _attempt in range(3):
        try:
            with transaction.atomic():
                record = IdempotencyRecord.objects.create(
                    caller=caller_key, key=key, request_hash=fingerprint, created_at=now
                )
            return Claim(record)
        except IntegrityError:
            pass
        existing = IdempotencyRecord.objects.filter(caller=caller_key, key=key).first()
        if existing is None:
            continue  # released meanwhile: try to claim it again
        if _expired(existing, now):
            IdempotencyRecord.objects.filter(pk=existing.pk).delete()
            continue
        if existing.request_hash != fingerprint:
            raise IdempotencyKeyReused()
        if existing.status_code is None:
            raise IdempotencyInProgress()
        raise Replay(_replay(existing))
    raise IdempotencyInProgress()


def _expired(record: IdempotencyRecord, now: datetime) -> bool:
    if record.created_at < now - timedelta(hours=IdempotencyRecord.RETENTION_HOURS):
        return True
    stale = now - timedelta(seconds=IdempotencyRecord.STALE_SECONDS)
    return record.status_code is None and record.created_at < stale


#: Response headers worth replaying.
_KEPT_HEADERS = ("Location",)


def finish(claim: Claim, response: Response) -> None:
    """Store a successful response; release the key after a failure."""
    record = claim.record
    if 200 <= response.status_code < 300:
        body = json.loads(JSONRenderer().render(response.data) or b"null")
        IdempotencyRecord.objects.filter(pk=record.pk).update(
            status_code=response.status_code,
            response_body=body,
            response_headers={h: response[h] for h in _KEPT_HEADERS if response.has_header(h)},
            completed_at=timezone.now(),
        )
    else:
        release(claim)


def release(claim: Claim) -> None:
    IdempotencyRecord.objects.filter(pk=claim.record.pk, status_code__isnull=True).delete()


def submission_key(caller_key: str, key: str) -> str:
    """The intake's ``submission_key`` for an API submission: private to the caller, so
    that nobody else's key can ever return their complaint."""
    digest = hashlib.sha256(f"{caller_key}\n{key}".encode()).hexdigest()
    return f"api:{digest[:60]}"


def purge_idempotency_records(*, worker_id: str = "", now: datetime | None = None) -> int:
    """Worker task: delete records past their retention; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=IdempotencyRecord.RETENTION_HOURS)
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
