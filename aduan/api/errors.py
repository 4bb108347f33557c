"""One error body for every failure of the API, in the caller's language::

    {"error": {"code": "validation_error", "message": "…", "fields": {"description": ["…"]}}}

``code`` is stable and meant for programs; ``message`` is for people; ``fields`` maps input
fields to their problems (empty when the error is not about one field).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from aduan.api.i18n import localise, pick
from aduan.complaints.choices import WorkflowError
from aduan.complaints.services import ComplaintInputError


class InsufficientScope(exceptions.PermissionDenied):
    default_code = "insufficient_scope"


class IdempotencyKeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "idempotency_key_reused"
    default_detail = (
        "Idempotency-Key ini sudah dipakai untuk permintaan lain. / This Idempotency-Key was "
        "already used for a different request."
    )


class IdempotencyInProgress(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "idempotency_in_progress"
    default_detail = (
        "Permintaan dengan Idempotency-Key ini masih diproses; coba lagi sebentar lagi. / A "
        "request with this Idempotency-Key is still being processed; retry shortly."
    )


class InvalidCursor(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_cursor"
    default_detail = "Kursor halaman tidak valid. / Invalid page cursor."


#: Fallback messages per status (Indonesian, English).
_GENERIC: dict[int, tuple[str, str]] = {
    400: ("Data yang dikirim tidak valid.", "The request is not valid."),
    401: ("Perlu autentikasi.", "Authentication is required."),
    403: ("Anda tidak berwenang melakukan ini.", "You are not allowed to do this."),
    404: ("Tidak ditemukan.", "Not found."),
    405: ("Metode tidak diizinkan.", "Method not allowed."),
    406: ("Format jawaban yang diminta tidak tersedia.", "The requested format is unavailable."),
    409: ("Tidak dapat dilakukan pada keadaan sekarang.", "Not possible in the current state."),
    413: ("Permintaan terlalu besar.", "The request is too large."),
    415: ("Jenis isi permintaan tidak didukung.", "Unsupported media type."),
    429: ("Terlalu banyak permintaan; coba lagi nanti.", "Too many requests; retry later."),
}

#: DRF exception class -> our code, where the DRF default code is not the one we publish.
_CODES: dict[type[Exception], str] = {
    exceptions.ValidationError: "validation_error",
    exceptions.ParseError: "parse_error",
    exceptions.NotAuthenticated: "not_authenticated",
    exceptions.AuthenticationFailed: "authentication_failed",
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.NotAcceptable: "not_acceptable",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    exceptions.Throttled: "throttled",
}


def error_body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


def generic_message(status_code: int) -> str:
    indonesian, english = _GENERIC.get(status_code, ("Terjadi kesalahan.", "An error occurred."))
    return pick(indonesian, english)


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error details as ``{"field.sub": ["message", …]}``."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            for field, messages in _flatten(value, name).items():
                out.setdefault(field, []).extend(messages)
    elif isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            out[prefix] = [localise(str(item)) for item in detail]
        else:
            for index, item in enumerate(detail):
                if item:
                    out.update(_flatten(item, f"{prefix}.{index}" if prefix else str(index)))
    else:
        out[prefix] = [localise(str(detail))]
    return out


def _validation(fields: dict[str, list[str]], general: list[str]) -> tuple[str, dict]:
    message = " ".join(general) if general else generic_message(400)
    return message, fields


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """DRF's exception handler, with our body and the services' exceptions mapped:
    ComplaintInputError → 400, PermissionDenied → 403, Http404 → 404, WorkflowError → 409."""
    headers: dict[str, str] = {}
    fields: dict[str, list[str]] = {}
    if isinstance(exc, ComplaintInputError):
        status_code, code = 400, "validation_error"
        general = [localise(m) for m in exc.errors.get(None, [])]
        fields = {
            str(name): [localise(m) for m in messages]
            for name, messages in exc.errors.items()
            if name is not None
        }
        message, fields = _validation(fields, general)
    elif isinstance(exc, WorkflowError):
        status_code, code, message = 409, "workflow_conflict", localise(str(exc))
    elif isinstance(exc, RequestDataTooBig):
        status_code, code, message = 413, "request_too_large", generic_message(413)
    elif isinstance(exc, SuspiciousOperation):  # too many fields or files, and the like
        status_code, code, message = 400, "bad_request", generic_message(400)
    elif isinstance(exc, Http404):
        status_code, code = 404, "not_found"
        text = str(exc)
        message = localise(text) if " / " in text else generic_message(404)
    elif isinstance(exc, DjangoPermissionDenied):
        status_code, code = 403, "permission_denied"
        text = str(exc)
        message = localise(text) if " / " in text else generic_message(403)
    elif isinstance(exc, exceptions.ValidationError):
        status_code, code = 400, "validation_error"
        flat = _flatten(exc.detail)
        general = flat.pop("non_field_errors", []) + flat.pop("", [])
        message, fields = _validation(flat, general)
    elif isinstance(exc, exceptions.APIException):
        status_code = exc.status_code
        code = _CODES.get(type(exc)) or str(exc.default_code)
        detail = exc.detail
        text = str(detail) if not isinstance(detail, dict | list) else ""
        if isinstance(exc, exceptions.PermissionDenied) and text.startswith("CSRF Failed"):
            code = "csrf_failed"
            message = pick(
                "Token CSRF tidak ada atau salah (sesi web).",
                "CSRF token missing or incorrect (web session).",
            )
        elif " / " in text:
            message = localise(text)
        elif text and type(exc) in (
            exceptions.ParseError,
            exceptions.AuthenticationFailed,
            exceptions.NotAuthenticated,
            exceptions.Throttled,
            exceptions.UnsupportedMediaType,
        ):
            message = text  # DRF's own messages, already translated
        else:
            message = generic_message(status_code)
        auth_header = getattr(exc, "auth_header", None)
        if auth_header:
            headers["WWW-Authenticate"] = auth_header
        wait = getattr(exc, "wait", None)
        if wait:
            headers["Retry-After"] = str(int(wait))
    else:
        return None
    set_rollback()
    return Response(error_body(code, message, fields), status=status_code, headers=headers)


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable, machine-readable error code.")
    message = serializers.CharField(help_text="For people, in the language of the response.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Input field → its problems; empty when the error concerns no single field.",
    )


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    error = ErrorDetailSerializer()
