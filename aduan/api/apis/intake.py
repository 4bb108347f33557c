"""``/api/v1/complaints/``: the asynchronous intake in front of the complaints view.

A ``POST`` with a JSON body and ``Prefer: respond-async`` (RFC 7240) is acknowledged here,
outside DRF: the same authentication (a bearer token, from a per-process cache, or
anonymous), the same rate limits, the same input rules (``api.submission.clean`` and the
intake service's ``submission_check``) and the same error bodies as the synchronous path;
then the submission is stored in one ``INSERT`` (``complaints.services.submission_enqueue``)
and answered ``202 Accepted`` with its tracking code and secret. The worker makes the
complaint (``queued_submissions_process``), usually within seconds.

Everything else goes to ``ComplaintListCreateApi`` as before: other methods, multipart,
requests without the preference, a staff session (its CSRF check and user are DRF's),
another authorisation scheme, and a repeated ``Idempotency-Key`` (its stored answer is
replayed there, whichever path gave it). One difference remains: a repeat is recognised
here only when its row is written, after the rate limits have counted it.
"""

from __future__ import annotations

import functools
import io
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.fields import DateTimeField

from aduan.api import access, errors, idempotency, submission
from aduan.api.apis.base import JSONParser
from aduan.api.apis.complaints import ComplaintListCreateApi, prepare_submission
from aduan.api.authentication import INVALID, cached_token
from aduan.api.i18n import language_from_header
from aduan.api.models import IdempotencyRecord
from aduan.complaints import services
from aduan.complaints.choices import QUEUED_LABEL, QUEUED_STATUS

PREFER = "respond-async"
PREFERENCE_APPLIED = "Preference-Applied"
#: What the synchronous view answers in ``Allow``, kept on the answers given here.
ALLOW = "GET, POST, HEAD, OPTIONS"

_synchronous = ComplaintListCreateApi.as_view()
_parser = JSONParser()
_datetime = DateTimeField()


def prefers_async(request: HttpRequest) -> bool:
    """Whether ``Prefer`` holds ``respond-async`` (RFC 7240: preferences are separated by
    commas, parameters by semicolons, and compared without regard to case)."""
    header = request.META.get("HTTP_PREFER", "")
    return any(
        part.split(";", 1)[0].split("=", 1)[0].strip().lower() == PREFER
        for part in header.split(",")
    )


def _takes_fast_path(request: HttpRequest) -> bool:
    if request.method != "POST" or not prefers_async(request):
        return False
    if request.content_type != "application/json":
        return False
    authorisation = request.META.get("HTTP_AUTHORIZATION", "")
    if authorisation:
        return authorisation.strip().partition(" ")[0].lower() == "bearer"
    # A session may be a staff login: DRF's session authentication and CSRF check decide.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


@csrf_exempt
def complaints(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
    """The complaints collection: the asynchronous intake when asked for, else the view."""
    if _takes_fast_path(request):
        language = language_from_header(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
        with translation.override(language):
            response = _acknowledge_or_error(request)
        if response is not None:
            response.headers["Content-Language"] = language
            response.headers["Allow"] = ALLOW
            patch_vary_headers(response, ("Accept-Language", "Authorization"))
            return response
    return _synchronous(request, *args, **kwargs)


def _acknowledge_or_error(request: HttpRequest) -> HttpResponse | None:
    """The 202, an error body as the API gives it, or None: let the synchronous view
    answer (a repeated ``Idempotency-Key``)."""
    try:
        return _acknowledge(request)
    except _Delegate:
        return None
    except Exception as exc:
        if _replayable(request):
            return None
        answer = errors.exception_handler(exc, {})
        if answer is None:
            raise
        response = _json(answer.data, answer.status_code)
        for name in ("WWW-Authenticate", "Retry-After"):
            if answer.has_header(name):
                response.headers[name] = answer[name]
        return response


class _Delegate(Exception):  # noqa: N818 - not an error: the synchronous view answers
    pass


def _caller(request: HttpRequest) -> access.Caller:
    """As DRF's authentication and ``access.CanSubmit`` decide, from the token cache."""
    address = request.META.get("REMOTE_ADDR", "") or ""
    header = request.META.get("HTTP_AUTHORIZATION", "").strip()
    if not header:
        return access.Caller(user=None, token=None, address=address)
    raw = header.partition(" ")[2].strip()
    try:
        if not raw or " " in raw:
            raise exceptions.AuthenticationFailed(INVALID)
        token = cached_token(raw)
    except exceptions.AuthenticationFailed as exc:
        exc.auth_header = 'Bearer realm="aduan"'
        raise
    caller = access.Caller(user=token.user, token=token, address=address)
    access.check_may_submit(caller)
    return caller


def _body(request: HttpRequest) -> Any:
    """The JSON body, parsed and refused as DRF's parser does (an empty body is ``{}``)."""
    raw = request.body
    if not raw:
        return {}
    context = {"encoding": request.encoding or settings.DEFAULT_CHARSET}
    return _parser.parse(io.BytesIO(raw), "application/json", context)


def _acknowledge(request: HttpRequest) -> HttpResponse:
    caller = _caller(request)
    key = idempotency.key_from(request)
    data = _body(request)
    values, problems = submission.clean(data)
    if problems:
        raise exceptions.ValidationError(problems)
    prepared = prepare_submission(request, caller, values)
    services.submission_check(
        jurisdiction=prepared.jurisdiction,
        category=prepared.category,
        area=prepared.area,
        **prepared.arguments,
    )
    payload = {
        **prepared.arguments,
        "category": prepared.category.code if prepared.category is not None else "",
        "area": prepared.area.code if prepared.area is not None else "",
    }
    answer: dict[str, Any] = {}

    def claim(ack: services.QueuedAck) -> services.Claim:
        answer.update(_answer(request, ack))
        return IdempotencyRecord, {
            "caller": caller.idempotency_key,
            "key": key,
            "request_hash": idempotency.hash_of("POST", request.get_full_path(), data),
            "status_code": 202,
            "response_body": answer["body"],
            "response_headers": answer["headers"],
            "created_at": ack.received_at,
            "completed_at": ack.received_at,
        }

    ack = services.submission_enqueue(
        jurisdiction=prepared.jurisdiction,
        payload=payload,
        submission_key=idempotency.submission_key(caller.idempotency_key, key) if key else None,
        claim=claim if key else None,
    )
    if ack is None:  # the key was used before: the synchronous view replays its answer
        raise _Delegate()
    if not answer:
        answer.update(_answer(request, ack))
    response = _json(answer["body"], 202)
    for name, value in answer["headers"].items():
        response.headers[name] = value
    return response


def _json(body: Any, status: int) -> JsonResponse:
    """JSON as DRF's renderer writes it (compact, UTF-8)."""
    return JsonResponse(
        body, status=status, json_dumps_params={"separators": (",", ":"), "ensure_ascii": False}
    )


@functools.cache
def _paths() -> tuple[str, str]:
    """The citizen's two addresses with ``{code}`` and ``{secret}`` to fill in (reversed
    once per process: codes and secrets are letters, digits and dashes)."""
    api = reverse("api:citizen-complaint", args=["CODE0"]).replace("CODE0", "{code}")
    page = reverse("complaints:citizen_status", args=["CODE0", "SECRET0"])
    return api, page.replace("CODE0", "{code}").replace("SECRET0", "{secret}")


@functools.cache
def _queued_label(language: str | None) -> str:
    """``QUEUED_LABEL`` translated once per language in each process."""
    with translation.override(language):
        return str(QUEUED_LABEL)


def _answer(request: HttpRequest, ack: services.QueuedAck) -> dict[str, Any]:
    api_path, page_path = _paths()
    api_url = request.build_absolute_uri(api_path.format(code=ack.tracking_code))
    body = {
        "tracking_code": ack.tracking_code,
        "secret": ack.secret,
        "status": QUEUED_STATUS,
        "status_label": _queued_label(translation.get_language()),
        "submitted_at": _datetime.to_representation(ack.received_at),
        "status_page_url": request.build_absolute_uri(
            page_path.format(code=ack.tracking_code, secret=ack.secret)
        ),
        "api_url": api_url,
    }
    return {"body": body, "headers": {"Location": api_url, PREFERENCE_APPLIED: PREFER}}


def _replayable(request: HttpRequest) -> bool:
    """Whether a refused request carries a key that was used before: its first answer is
    then given again (by the synchronous view), as there, not this refusal."""
    key = request.META.get(idempotency.META_KEY)
    if not key or len(key) > 255:
        return False
    try:
        caller = _caller(request)
    except Exception:  # noqa: BLE001 - not authenticated: nothing of theirs to replay
        return False
    return IdempotencyRecord.objects.filter(caller=caller.idempotency_key, key=key).exists()
