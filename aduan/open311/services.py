"""POST requests: an Open311 service request into ``complaints.services.complaint_submit``.

The adapter only translates. Open311 names become the intake's arguments:

=====================================  =========================================
Open311                                complaint_submit
=====================================  =========================================
service_code                           category (an active category's code)
attribute[kelurahan]                   area (a kelurahan code, or its name)
lat, long                              latitude, longitude
address_string                         address
description                            description
media_url                              media_url
first_name + last_name, phone, email   reporter_name, reporter_phone, reporter_email
(name and a phone or e-mail given)     privacy biasa; otherwise anonim
=====================================  =========================================

and the intake's ``ComplaintInputError`` becomes a 400 naming the Open311 parameter. What is
Open311's own (an api_key with the open311 scope, a location, at most 4,000 characters of
description, a single value for a single-value list) is checked here; every rule about
complaints is the intake's.

Idempotency (client retries). The intake returns the first complaint for a repeated
``submission_key``. The key is, hashed with the API key's id (so integrations never collide):

- the ``Idempotency-Key`` header, when the client sends one: the same key is the same
  request, however long after;
- otherwise ``device_id`` (may be empty) with every parameter of the request except
  ``api_key``, and the UTC day. A request identical to one this integration sent from the same
  device today or yesterday is a retry: it returns the first request's
  service_request_id and files nothing. A citizen who reports the very same text again two
  days later files a new complaint.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import timedelta

from django.http import QueryDict

from aduan.api.models import ApiToken, Scope
from aduan.complaints.choices import Channel, Privacy
from aduan.complaints.models import Complaint
from aduan.complaints.services import ComplaintInputError, SubmitResult, complaint_submit
from aduan.lib import clock
from aduan.open311.formats import Open311Error
from aduan.open311.selectors import KELURAHAN, active_category, kelurahan_find
from aduan.organisation.models import Jurisdiction

#: GeoReport v2: "description ... may not exceed 4,000 characters".
MAX_DESCRIPTION = 4000

#: The intake's argument names -> the Open311 parameters they came from.
FIELD_NAMES: dict[str | None, str] = {
    "category": "service_code",
    "area": f"attribute[{KELURAHAN}]",
    "latitude": "lat",
    "longitude": "long",
    "address": "address_string",
    "description": "description",
    "media_url": "media_url",
    "reporter_name": "first_name",
    "reporter_phone": "phone",
    "reporter_email": "email",
}

_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]+)\](\[\])?$")


class Params:
    """The parameters of a POST: the body first, the query string as a fallback (clients put
    ``api_key`` and ``jurisdiction_id``, or everything, there). Empty means absent."""

    def __init__(self, body: QueryDict, query: QueryDict) -> None:
        self.body = body
        self.query = query

    def getlist(self, name: str) -> list[str]:
        values = [v.strip() for v in self.body.getlist(name) if v.strip()]
        return values or [v.strip() for v in self.query.getlist(name) if v.strip()]

    def get(self, name: str) -> str | None:
        values = self.getlist(name)
        return values[0] if values else None

    def attributes(self) -> dict[str, list[str]]:
        """``attribute[CODE]`` and ``attribute[CODE][]`` values by CODE."""
        found: dict[str, list[str]] = {}
        for source in (self.query, self.body):  # the body's win
            for key in source:
                match = _ATTRIBUTE.match(key)
                if match:
                    values = [v.strip() for v in source.getlist(key) if v.strip()]
                    if values:
                        found[match.group(1)] = values
        return found

    def fingerprint(self) -> str:
        """A hash of every parameter but ``api_key``, independent of their order."""
        merged: dict[str, list[str]] = {}
        for source in (self.query, self.body):
            for key in source:
                if key != "api_key":
                    merged[key] = [v.strip() for v in source.getlist(key)]
        canonical = json.dumps(sorted(merged.items()), ensure_ascii=False)
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def authenticate(jurisdiction: Jurisdiction, raw_key: str | None) -> ApiToken:
    """The API key of the call: active, with the open311 scope, of this jurisdiction; 403
    otherwise."""
    token = ApiToken.authenticate(raw_key or "")
    if token is None:
        raise Open311Error(
            403, "api_key tidak ada atau tidak berlaku / api_key is missing or invalid"
        )
    if not token.has_scope(Scope.OPEN311.value):
        raise Open311Error(
            403, "api_key ini tidak berhak memakai Open311 / this api_key lacks the open311 scope"
        )
    if token.jurisdiction_id != jurisdiction.pk:
        raise Open311Error(
            403,
            "api_key ini bukan untuk yurisdiksi ini / this api_key is not for this jurisdiction",
        )
    return token


def _digest(*parts: object) -> str:
    """A submission key: 64 characters (the column's size)."""
    text = "\n".join(str(p) for p in parts)
    return "open311:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:56]


def submission_keys(
    *, token: ApiToken, params: Params, idempotency_key: str = ""
) -> tuple[str, str | None]:
    """The submission key of this request, and the one an identical request would have had
    yesterday (None with an Idempotency-Key). See the module docstring."""
    if idempotency_key.strip():
        return _digest(token.pk, "idempotency-key", idempotency_key.strip()), None
    device = params.get("device_id") or ""
    body = params.fingerprint()
    today = clock.now().date()  # UTC
    return (
        _digest(token.pk, device, body, today.isoformat()),
        _digest(token.pk, device, body, (today - timedelta(days=1)).isoformat()),
    )


def _float(params: Params, name: str) -> float | None:
    value = params.get(name)
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        raise Open311Error(400, f"{name}: bukan angka / {name}: not a number") from None


def _input_errors(exc: ComplaintInputError) -> Open311Error:
    descriptions = []
    for name, messages in exc.errors.items():
        field = FIELD_NAMES.get(name, name or "")
        descriptions += [f"{field}: {m}" if field else m for m in messages]
    return Open311Error(400, *descriptions)


def request_submit(
    *,
    jurisdiction: Jurisdiction,
    token: ApiToken,
    params: Params,
    idempotency_key: str = "",
) -> SubmitResult:
    """File the service request through the intake; ``Open311Error`` (400) for input it
    cannot take. ``created`` is False for a retry of a request already filed."""
    code = params.get("service_code")
    if code is None:
        raise Open311Error(400, "service_code: wajib diisi / service_code is required")
    category = active_category(jurisdiction, code)
    if category is None:
        raise Open311Error(400, f"service_code: '{code}' tidak dikenal / unknown service_code")

    latitude, longitude = _float(params, "lat"), _float(params, "long")
    address = params.get("address_string") or ""
    if latitude is None and longitude is None and not address:
        if params.get("address_id"):
            raise Open311Error(
                400,
                "address_id: tidak didukung; kirim lat dan long atau address_string / "
                "address_id is not supported; send lat and long, or address_string",
            )
        raise Open311Error(
            400,
            "lat, long, address_string: lokasi wajib (lat dan long, atau address_string) / "
            "a location is required: lat and long, or address_string",
        )

    area = None
    kelurahan = params.attributes().get(KELURAHAN, [])
    if len(kelurahan) > 1:
        raise Open311Error(
            400,
            f"attribute[{KELURAHAN}]: hanya satu nilai / single-value list: one value only",
        )
    if kelurahan:
        area = kelurahan_find(jurisdiction, kelurahan[0])
        if area is None:
            raise Open311Error(
                400,
                f"attribute[{KELURAHAN}]: kelurahan '{kelurahan[0]}' tidak dikenal / "
                "unknown kelurahan",
            )

    description = params.get("description") or ""
    if len(description) > MAX_DESCRIPTION:
        raise Open311Error(
            400,
            f"description: paling banyak {MAX_DESCRIPTION} huruf / description: at most "
            f"{MAX_DESCRIPTION} characters",
        )

    name = " ".join(p for p in (params.get("first_name"), params.get("last_name")) if p)
    phone = params.get("phone") or ""
    email = params.get("email") or ""
    privacy = Privacy.BIASA if name and (phone or email) else Privacy.ANONIM

    key, yesterday = submission_keys(token=token, params=params, idempotency_key=idempotency_key)
    if yesterday is not None:
        first = Complaint.objects.filter(
            jurisdiction=jurisdiction, submission_key=yesterday
        ).first()
        if first is not None:
            return SubmitResult(first, first.access_secret, created=False)
    try:
        return complaint_submit(
            jurisdiction=jurisdiction,
            channel=Channel.OPEN311,
            category=category,
            area=area,
            address=address,
            latitude=latitude,
            longitude=longitude,
            description=description,
            reporter_name=name,
            reporter_phone=phone,
            reporter_email=email,
            privacy=privacy,
            submission_key=key,
            media_url=params.get("media_url") or "",
        )
    except ComplaintInputError as exc:
        raise _input_errors(exc) from exc
